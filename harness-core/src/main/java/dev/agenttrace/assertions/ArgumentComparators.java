package dev.agenttrace.assertions;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiPredicate;

/**
 * Per-tool argument comparators ({@code (expected, actual) -> boolean} on JSON), keyed by tool-name glob; the first
 * registered glob that matches a tool wins. Immutable: {@link #with} returns a copy.
 */
final class ArgumentComparators {
  static final ArgumentComparators NONE = new ArgumentComparators(Map.of());

  private final Map<String, BiPredicate<JsonNode, JsonNode>> byToolGlob;

  private ArgumentComparators(Map<String, BiPredicate<JsonNode, JsonNode>> byToolGlob) {
    this.byToolGlob = byToolGlob;
  }

  ArgumentComparators with(String toolGlob, BiPredicate<JsonNode, JsonNode> comparator) {
    Map<String, BiPredicate<JsonNode, JsonNode>> copy = new LinkedHashMap<>(byToolGlob);
    copy.put(toolGlob, comparator);
    return new ArgumentComparators(copy);
  }

  Optional<BiPredicate<JsonNode, JsonNode>> forTool(String toolName) {
    return byToolGlob.entrySet().stream().filter(entry -> Glob.of(entry.getKey()).matches(toolName))
        .map(Map.Entry::getValue).findFirst();
  }

  /** Arguments equal: by the tool's comparator when one is registered, else as JSON (or text). */
  boolean argumentsEqual(String toolName, String actual, String expected) {
    Optional<BiPredicate<JsonNode, JsonNode>> comparator = forTool(toolName);
    if (comparator.isPresent()) {
      return comparator.get().test(JsonText.parseOrText(expected), JsonText.parseOrText(actual));
    }
    return JsonText.equivalent(actual, expected);
  }
}
