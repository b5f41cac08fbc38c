package dev.agenttrace.golden;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Set;

/**
 * What of a golden document a comparison looks at: all of it minus the ignored fields ({@link GoldenComparison#EXACT}),
 * or only its shape ({@link GoldenComparison#STRUCTURAL}: executions and outcomes, span kinds, names and tree).
 * Applied alike to the golden file and the actual trace, so both are compared on the same terms.
 */
final class GoldenProjection {
  private static final Set<String> SHAPE_FIELDS = Set.of("kind", "name", "children");
  private static final Set<String> DOCUMENT_SHAPE_FIELDS = Set.of("format", "executions", "spans", "unfinished");

  private final GoldenComparison comparison;
  private final List<Selector> ignored;

  GoldenProjection(GoldenComparison comparison, List<Selector> ignored) {
    this.comparison = comparison;
    this.ignored = List.copyOf(ignored);
  }

  /** True when the projection keeps everything, so equal texts mean equal documents. */
  boolean isIdentity() {
    return comparison == GoldenComparison.EXACT && ignored.isEmpty();
  }

  /** A projected copy of {@code document}. */
  ObjectNode apply(ObjectNode document) {
    ObjectNode copy = document.deepCopy();
    ignored.forEach(selector -> selector.apply(copy, value -> null));
    eachSpan(copy.path("spans"));
    if (comparison == GoldenComparison.STRUCTURAL) {
      copy.retain(DOCUMENT_SHAPE_FIELDS);
    }
    return copy;
  }

  private void eachSpan(JsonNode spans) {
    if (!(spans instanceof ArrayNode array)) {
      return;
    }
    for (JsonNode span : array) {
      if (span instanceof ObjectNode object) {
        ignored.forEach(selector -> selector.apply(object, value -> null));
        if (comparison == GoldenComparison.STRUCTURAL) {
          object.retain(SHAPE_FIELDS);
        }
        eachSpan(object.path("children"));
      }
    }
  }
}
