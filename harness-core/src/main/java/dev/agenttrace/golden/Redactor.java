package dev.agenttrace.golden;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.agenttrace.redaction.RedactionPolicy;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes what must not reach a golden file, span by span: the user's selector redactions and value matchers, then
 * secrets as the {@link RedactionPolicy} defines them (values of secret-named fields and attributes whatever their
 * type, API keys, bearer tokens, header values …) which become {@code <secret>}, then the user's regex redactions,
 * then UUIDs, ISO-8601 timestamps and hex span/trace ids, which become numbered placeholders. The instance built from
 * the rules is shared and immutable; {@link #forDocument()} gives the one-document redactor that remembers what it
 * already worked out (which names are secret, what each text becomes) and whether it marked any placeholder.
 */
final class Redactor {
  static final String SECRET = "<secret>";
  private static final Pattern UUID = Pattern.compile(
      "\\b[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\\b");
  private static final Pattern TIMESTAMP = Pattern.compile(
      "\\b\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d{1,9})?)?(?:Z|[+-]\\d{2}:?\\d{2})?\\b");
  private static final Pattern HEX_ID = Pattern.compile("\\b(?:[0-9a-f]{32}|[0-9a-f]{16})\\b");

  private final List<SelectorRule> selectorRules;
  private final List<RegexRule> regexRules;
  private final RedactionPolicy secrets;
  /** Per document only (null in the shared instance): secret-name answers and scrubbed texts, by input. */
  private final Map<String, Boolean> secretNames;
  private final Map<String, String> scrubbedTexts;
  private boolean marked;

  Redactor(List<SelectorRule> selectorRules, List<RegexRule> regexRules) {
    this(selectorRules, regexRules, RedactionPolicy.defaults());
  }

  Redactor(List<SelectorRule> selectorRules, List<RegexRule> regexRules, RedactionPolicy secrets) {
    this(List.copyOf(selectorRules), List.copyOf(regexRules), secrets.withMarker(SECRET), null, null);
  }

  private Redactor(List<SelectorRule> selectorRules, List<RegexRule> regexRules, RedactionPolicy secrets,
      Map<String, Boolean> secretNames, Map<String, String> scrubbedTexts) {
    this.selectorRules = selectorRules;
    this.regexRules = regexRules;
    this.secrets = secrets;
    this.secretNames = secretNames;
    this.scrubbedTexts = scrubbedTexts;
  }

  /** A redactor with these rules for one document, on one thread: it remembers its answers. */
  Redactor forDocument() {
    return new Redactor(selectorRules, regexRules, secrets, new HashMap<>(), new HashMap<>());
  }

  /** Whether this document redactor may have marked a placeholder (a selector rule ran, or a text got a marker). */
  boolean markedPlaceholders() {
    return marked;
  }

  /** A redaction of the values a selector points at, to {@code <name-N>}, or a matcher check. */
  record SelectorRule(Selector selector, String placeholder, ValueMatcher matcher) {}

  /** A redaction of every match of a pattern, to {@code <name-N>}. */
  record RegexRule(Pattern pattern, String placeholder) {}

  /** Redacts one span's fields in place (its children are redacted separately). */
  void redact(ObjectNode span) {
    marked |= !selectorRules.isEmpty();
    for (SelectorRule rule : selectorRules) {
      rule.selector().apply(span, value -> rule.matcher() == null
          ? text(Placeholders.mark(rule.placeholder(), value.isTextual() ? value.asText() : value.toString()))
          : matched(value, rule.matcher()));
    }
    scrub(span);
  }

  /** Applies the built-in and regex redactions to every string under {@code node}, in place. */
  JsonNode scrub(JsonNode node) {
    if (node.isTextual()) {
      String text = node.asText();
      String scrubbed = scrubText(text);
      return scrubbed.equals(text) ? node : text(scrubbed);
    }
    if (node instanceof ObjectNode object) {
      for (Map.Entry<String, JsonNode> field : object.properties()) {
        String name = field.getKey();
        JsonNode value = field.getValue();
        boolean secretName = secretNames == null ? secrets.isSecretKey(name)
            : secretNames.computeIfAbsent(name, secrets::isSecretKey);
        JsonNode scrubbed = secretName ? secrets.mask(value) : scrub(value);
        if (scrubbed != value) {
          field.setValue(scrubbed);
        }
      }
    } else if (node instanceof ArrayNode array) {
      for (int index = 0; index < array.size(); index++) {
        JsonNode element = array.get(index);
        JsonNode scrubbed = scrub(element);
        if (scrubbed != element) {
          array.set(index, scrubbed);
        }
      }
    }
    return node;
  }

  String scrubText(String text) {
    if (scrubbedTexts == null) {
      return scrubbedText(text);
    }
    String scrubbed = scrubbedTexts.get(text);
    if (scrubbed == null) {
      scrubbed = scrubbedText(text);
      scrubbedTexts.put(text, scrubbed);
      marked |= Placeholders.isMarked(scrubbed);
    }
    return scrubbed;
  }

  private String scrubbedText(String text) {
    String result = secrets.redact(text);
    for (RegexRule rule : regexRules) {
      result = rule.pattern().matcher(result)
          .replaceAll(match -> Matcher.quoteReplacement(Placeholders.mark(rule.placeholder(),
              match.group())));
    }
    if (result.length() < 16) {
      return result;
    }
    IdShapes shapes = IdShapes.of(result);
    if (shapes.mayHoldUuid()) {
      String withMarks = mark(result, UUID, "uuid");
      shapes = withMarks.equals(result) ? shapes : IdShapes.of(withMarks);
      result = withMarks;
    }
    if (shapes.mayHoldTimestamp()) {
      String withMarks = mark(result, TIMESTAMP, "timestamp");
      shapes = withMarks.equals(result) ? shapes : IdShapes.of(withMarks);
      result = withMarks;
    }
    return shapes.mayHoldHexId() ? mark(result, HEX_ID, "id") : result;
  }

  private static String mark(String text, Pattern pattern, String name) {
    return pattern.matcher(text)
        .replaceAll(match -> Matcher.quoteReplacement(Placeholders.mark(name, match.group())));
  }

  private static JsonNode matched(JsonNode value, ValueMatcher matcher) {
    if (matcher.matchesNumber()) {
      boolean number = value.isNumber() || (value.isTextual() && value.asText().matches("-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?"));
      return number ? text(matcher.label()) : value;
    }
    return value.isTextual() && matcher.accepts(value.asText()) ? text(matcher.label()) : value;
  }

  private static JsonNode text(String value) {
    return JsonNodeFactory.instance.textNode(value);
  }
}
