package dev.agenttrace.trace.dialect;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import dev.agenttrace.json.JsonTrees;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads a dialect table (JSON, {@code "format": "agenttrace-dialects/1"}) into {@link Dialect}s, checking every
 * field: an unknown field, a missing condition, an unknown transform or a bad pattern fails with a
 * {@link DialectTableException} that names the resource and the entry.
 */
final class DialectTable {
  static final String FORMAT = "agenttrace-dialects/1";
  private static final JsonFactory JSON = JsonFactory.builder()
      .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .build();
  private static final Pattern DIALECT_NAME = Pattern.compile("[a-z0-9][a-z0-9_.-]*");
  private static final Pattern GROUP_NAME = Pattern.compile("\\(\\?<([a-zA-Z][a-zA-Z0-9]*)>");
  private static final Set<String> TABLE_FIELDS = Set.of("format", "description", "dialects");
  private static final Set<String> DIALECT_FIELDS = Set.of("name", "description", "rules");
  private static final Set<String> RULE_FIELDS =
      Set.of("id", "description", "when", "copy", "map", "set", "replace", "transforms", "events", "name");
  private static final Set<String> WHEN_FIELDS = Set.of("name", "nameStartsWith", "namePattern", "scope",
      "attribute", "equals", "in", "attributes", "anyAttribute", "absent", "event");

  private final String resource;

  private DialectTable(String resource) {
    this.resource = resource;
  }

  /** The dialects of the table in {@code in}; {@code resource} names it in error messages. */
  static List<Dialect> read(String resource, InputStream in) {
    JsonNode root;
    try {
      root = readTree(in);
    } catch (JsonProcessingException malformed) {
      throw new DialectTableException(resource, "", "not valid JSON at line " + malformed.getLocation().getLineNr()
          + ", column " + malformed.getLocation().getColumnNr() + ": " + malformed.getOriginalMessage(), malformed);
    } catch (IOException unreadable) {
      throw new DialectTableException(resource, "", "cannot be read: " + unreadable.getMessage(), unreadable);
    }
    return new DialectTable(resource).dialects(root);
  }

  /**
   * The JSON value in {@code in} as a tree, read with the streaming parser: the tables are read when the first trace
   * is built, and an {@code ObjectMapper} would cost every test JVM the start-up of Jackson's data binding.
   */
  private static JsonNode readTree(InputStream in) throws IOException {
    try (JsonParser parser = JSON.createParser(in)) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        return null;
      }
      JsonNode root = JsonTrees.read(parser, first, JsonTrees.KeyOrder.AS_READ);
      JsonToken trailing = parser.nextToken();
      if (trailing != null) {
        throw new JsonParseException(parser, "unexpected " + trailing + " after the table");
      }
      return root;
    }
  }

  /** The named groups of a pattern, in order. */
  static List<String> namedGroups(Pattern pattern) {
    List<String> groups = new ArrayList<>();
    Matcher matcher = GROUP_NAME.matcher(pattern.pattern());
    while (matcher.find()) {
      groups.add(matcher.group(1));
    }
    return groups;
  }

  private List<Dialect> dialects(JsonNode root) {
    if (root == null || !root.isObject()) {
      throw fail("", "the table is a JSON object {\"format\": \"" + FORMAT + "\", \"dialects\": [ … ]}", null);
    }
    checkFields(root, TABLE_FIELDS, "");
    if (!FORMAT.equals(root.path("format").asText(null))) {
      throw fail("", "\"format\" must be \"" + FORMAT + "\" but is " + root.path("format"), null);
    }
    JsonNode entries = root.path("dialects");
    if (!entries.isArray() || entries.isEmpty()) {
      throw fail("", "\"dialects\" must be a non-empty array", null);
    }
    List<Dialect> dialects = new ArrayList<>();
    Set<String> names = new LinkedHashSet<>();
    for (int i = 0; i < entries.size(); i++) {
      JsonNode entry = entries.get(i);
      String name = entry.path("name").asText("");
      String where = "dialect #" + (i + 1) + (name.isEmpty() ? "" : " '" + name + "'");
      if (!entry.isObject()) {
        throw fail(where, "a dialect is an object {\"name\": …, \"rules\": [ … ]}", null);
      }
      checkFields(entry, DIALECT_FIELDS, where);
      if (!DIALECT_NAME.matcher(name).matches()) {
        throw fail(where, "\"name\" must be lower case letters, digits, '_', '.' or '-' but is "
            + entry.path("name"), null);
      }
      if (!names.add(name)) {
        throw fail(where, "the dialect '" + name + "' is defined twice in this table", null);
      }
      JsonNode rules = entry.path("rules");
      if (!rules.isArray() || rules.isEmpty()) {
        throw fail(where, "\"rules\" must be a non-empty array", null);
      }
      List<DialectRule> compiled = new ArrayList<>();
      for (int r = 0; r < rules.size(); r++) {
        JsonNode rule = rules.get(r);
        String id = rule.path("id").asText("");
        compiled.add(rule(rule, where + ", rule #" + (r + 1) + (id.isEmpty() ? "" : " '" + id + "'")));
      }
      dialects.add(new Dialect(name, entry.path("description").asText(""), resource, compiled));
    }
    return dialects;
  }

  private DialectRule rule(JsonNode rule, String where) {
    if (!rule.isObject()) {
      throw fail(where, "a rule is an object {\"when\": { … }, …}", null);
    }
    checkFields(rule, RULE_FIELDS, where);
    try {
      SpanCondition condition = condition(rule.path("when"), where);
      Pattern pattern = condition.namePattern();
      Set<String> groups = pattern == null ? Set.of() : new LinkedHashSet<>(namedGroups(pattern));
      Map<String, List<Template>> copy = new LinkedHashMap<>();
      for (Map.Entry<String, JsonNode> entry : fields(rule.path("copy"), "copy")) {
        List<Template> sources = new ArrayList<>();
        for (String source : strings(entry.getValue(), "copy." + entry.getKey())) {
          sources.add(checked(Template.parse(source), groups));
        }
        copy.put(entry.getKey(), sources);
      }
      Map<String, DialectRule.ValueMapping> map = new LinkedHashMap<>();
      for (Map.Entry<String, JsonNode> entry : fields(rule.path("map"), "map")) {
        JsonNode mapping = entry.getValue();
        if (!mapping.path("from").isTextual() || !mapping.path("values").isObject()) {
          throw new IllegalArgumentException("map." + entry.getKey()
              + " must be {\"from\": \"<attribute>\", \"values\": {\"<recorded>\": \"<conventional>\", …}}");
        }
        Map<String, String> values = new LinkedHashMap<>();
        mapping.path("values").fields().forEachRemaining(value -> values.put(value.getKey(), value.getValue().asText()));
        map.put(entry.getKey(), new DialectRule.ValueMapping(
            checked(Template.parse(mapping.path("from").asText()), groups), values));
      }
      Map<String, Object> set = new LinkedHashMap<>();
      for (Map.Entry<String, JsonNode> entry : fields(rule.path("set"), "set")) {
        set.put(entry.getKey(), constant(entry.getValue(), groups, "set." + entry.getKey()));
      }
      Map<String, Object> replace = new LinkedHashMap<>();
      for (Map.Entry<String, JsonNode> entry : fields(rule.path("replace"), "replace")) {
        replace.put(entry.getKey(), constant(entry.getValue(), groups, "replace." + entry.getKey()));
      }
      List<SpanTransform> transforms = new ArrayList<>();
      JsonNode transformEntries = rule.path("transforms");
      if (!transformEntries.isMissingNode() && !transformEntries.isArray()) {
        throw new IllegalArgumentException("\"transforms\" must be an array of {\"use\": …} objects");
      }
      for (JsonNode transform : transformEntries) {
        transforms.add(Transforms.create(transform));
      }
      Map<Template, String> events = new LinkedHashMap<>();
      for (Map.Entry<String, JsonNode> entry : fields(rule.path("events"), "events")) {
        if (!entry.getValue().isTextual()) {
          throw new IllegalArgumentException("events." + entry.getKey() + " must name the conventional event");
        }
        events.put(checked(Template.parse(entry.getKey()), groups), entry.getValue().asText());
      }
      List<Template> name = new ArrayList<>();
      if (!rule.path("name").isMissingNode()) {
        strings(rule.path("name"), "name").forEach(template -> name.add(checked(Template.parse(template), groups)));
      }
      return new DialectRule(where, condition, copy, map, set, replace, transforms, events, name);
    } catch (IllegalArgumentException bad) {
      throw fail(where, bad.getMessage(), bad);
    }
  }

  private SpanCondition condition(JsonNode when, String where) {
    if (!when.isObject()) {
      throw new IllegalArgumentException("\"when\" (an object of conditions) is required");
    }
    checkFields(when, WHEN_FIELDS, where + ", when");
    Pattern pattern = null;
    if (when.has("namePattern")) {
      try {
        pattern = Pattern.compile(when.path("namePattern").asText());
      } catch (PatternSyntaxException badPattern) {
        throw new IllegalArgumentException("when.namePattern is not a valid regular expression: "
            + badPattern.getDescription() + " in " + when.path("namePattern"));
      }
    }
    Set<String> groups = pattern == null ? Set.of() : new LinkedHashSet<>(namedGroups(pattern));
    Template attribute = when.has("attribute")
        ? checked(Template.parse(when.path("attribute").asText()), groups) : null;
    Set<String> values = new LinkedHashSet<>();
    if (when.has("equals")) {
      values.add(when.path("equals").asText());
    }
    if (when.has("in")) {
      values.addAll(strings(when.path("in"), "when.in"));
    }
    if (!values.isEmpty() && attribute == null) {
      throw new IllegalArgumentException("when.equals / when.in need when.attribute");
    }
    Map<String, Set<String>> attributes = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> entry : fields(when.path("attributes"), "when.attributes")) {
      attributes.put(entry.getKey(), Set.copyOf(strings(entry.getValue(), "when.attributes." + entry.getKey())));
    }
    List<Template> absent = new ArrayList<>();
    if (when.has("absent")) {
      strings(when.path("absent"), "when.absent").forEach(key -> absent.add(checked(Template.parse(key), groups)));
    }
    SpanCondition condition = new SpanCondition(
        when.has("name") ? Set.of(when.path("name").asText()) : Set.of(),
        when.has("nameStartsWith") ? strings(when.path("nameStartsWith"), "when.nameStartsWith") : List.of(),
        pattern,
        List.copyOf(groups),
        when.has("scope") ? Set.copyOf(strings(when.path("scope"), "when.scope")) : Set.of(),
        attribute,
        values,
        attributes,
        when.has("anyAttribute") ? strings(when.path("anyAttribute"), "when.anyAttribute") : List.of(),
        absent,
        when.has("event") ? Set.copyOf(strings(when.path("event"), "when.event")) : Set.of());
    if (!condition.hasTrigger()) {
      throw new IllegalArgumentException("\"when\" needs at least one of name, nameStartsWith, scope, attribute "
          + "(without placeholders), attributes, anyAttribute or event, so that spans can be pre-filtered cheaply");
    }
    return condition;
  }

  private static Object constant(JsonNode value, Set<String> groups, String field) {
    if (value.isTextual()) {
      return checked(Template.parse(value.asText()), groups);
    }
    if (value.isIntegralNumber()) {
      return value.asLong();
    }
    if (value.isNumber()) {
      return value.asDouble();
    }
    if (value.isBoolean()) {
      return value.asBoolean();
    }
    if (value.isArray()) {
      return strings(value, field);
    }
    throw new IllegalArgumentException(field + " must be a string, number, boolean or list of strings");
  }

  private static Template checked(Template template, Set<String> groups) {
    for (String group : template.nameGroups()) {
      if (!groups.contains(group)) {
        throw new IllegalArgumentException("\"" + template + "\" uses {name:" + group
            + "} but when.namePattern has no group (?<" + group + ">…)");
      }
    }
    return template;
  }

  private static List<String> strings(JsonNode value, String field) {
    List<String> values = new ArrayList<>();
    if (value.isTextual()) {
      values.add(value.asText());
    } else if (value.isArray()) {
      for (JsonNode element : value) {
        if (!element.isTextual()) {
          throw new IllegalArgumentException(field + " must hold strings but holds " + element);
        }
        values.add(element.asText());
      }
    }
    if (values.isEmpty()) {
      throw new IllegalArgumentException(field + " must be a string or a non-empty list of strings");
    }
    return values;
  }

  private static Iterable<Map.Entry<String, JsonNode>> fields(JsonNode node, String field) {
    if (node.isMissingNode()) {
      return List.of();
    }
    if (!node.isObject()) {
      throw new IllegalArgumentException("\"" + field + "\" must be an object");
    }
    List<Map.Entry<String, JsonNode>> entries = new ArrayList<>();
    node.fields().forEachRemaining(entries::add);
    return entries;
  }

  private void checkFields(JsonNode node, Set<String> allowed, String where) {
    Iterator<String> names = node.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      if (!allowed.contains(name)) {
        throw fail(where, "unknown field \"" + name + "\"; allowed: " + String.join(", ", allowed.stream().sorted()
            .toList()), null);
      }
    }
  }

  private DialectTableException fail(String where, String problem, Throwable cause) {
    return new DialectTableException(resource, where, problem, cause);
  }
}
