package dev.agenttrace.runtime;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Typed JSON for journaled values, so that a value read back after a restart has the type the agent got the first
 * time: strings, numbers, booleans, instants, durations, UUIDs, enums, lists, string-keyed maps and records (the
 * LLM types {@code ChatResponse}, {@code Message}, {@code ToolCall}, … are records) nest freely; a
 * {@link RecordedFailure} keeps its type and message. Every value is written as {@code {"t": tag, …}}. Only records
 * and enums are ever instantiated by name, never arbitrary classes.
 */
final class JournalCodec {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Each record class's components, looked up once: reflection per value would dominate every append. */
  private final Map<Class<?>, List<Part>> parts = new ConcurrentHashMap<>();
  private final Map<Class<?>, Constructor<?>> constructors = new ConcurrentHashMap<>();

  /** A record component: its name, type and accessor. */
  private record Part(String name, Class<?> type, Method accessor) {
    Object read(Object record) {
      try {
        return accessor.invoke(record);
      } catch (IllegalAccessException | InvocationTargetException e) {
        throw new CodecException("Cannot read component " + name + " of " + record.getClass().getName(), e);
      }
    }
  }

  /** Thrown for a value the codec cannot write or read back; the message says which type and what to use. */
  static final class CodecException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    CodecException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  JsonNode write(Object value) {
    ObjectNode node = NODES.objectNode();
    if (value == null) {
      return node.put("t", "null");
    }
    if (value instanceof String text) {
      return node.put("t", "string").put("v", text);
    }
    if (value instanceof Boolean bool) {
      return node.put("t", "boolean").put("v", bool);
    }
    if (value instanceof Integer number) {
      return node.put("t", "int").put("v", number);
    }
    if (value instanceof Long number) {
      return node.put("t", "long").put("v", number);
    }
    if (value instanceof Double number) {
      return node.put("t", "double").put("v", number);
    }
    if (value instanceof Instant instant) {
      return node.put("t", "instant").put("v", instant.toString());
    }
    if (value instanceof Duration duration) {
      return node.put("t", "duration").put("v", duration.toString());
    }
    if (value instanceof UUID uuid) {
      return node.put("t", "uuid").put("v", uuid.toString());
    }
    if (value instanceof Enum<?> constant) {
      return node.put("t", "enum").put("class", constant.getDeclaringClass().getName()).put("v", constant.name());
    }
    if (value instanceof RecordedFailure failure) {
      return node.put("t", "failure").put("type", failure.type()).put("message", failure.message());
    }
    if (value instanceof List<?> list) {
      ArrayNode items = node.put("t", "list").putArray("v");
      list.forEach(item -> items.add(write(item)));
      return node;
    }
    if (value instanceof Map<?, ?> map) {
      ObjectNode entries = node.put("t", "map").putObject("v");
      map.forEach((key, item) -> entries.set(String.valueOf(key), write(item)));
      return node;
    }
    if (value.getClass().isRecord()) {
      ObjectNode components = node.put("t", "record").put("class", value.getClass().getName()).putObject("v");
      for (Part part : partsOf(value.getClass())) {
        components.set(part.name(), write(part.read(value)));
      }
      return node;
    }
    throw new CodecException("Cannot journal a value of type " + value.getClass().getName() + " (" + value
        + "). The file journal stores strings, numbers, booleans, instants, durations, UUIDs, enums, lists, maps and "
        + "records of those: return one of them from ctx.step(...).", null);
  }

  Object read(JsonNode node) {
    String tag = text(node, "t");
    switch (tag) {
      case "null":
        return null;
      case "string":
        return text(node, "v");
      case "boolean":
        return node.path("v").booleanValue();
      case "int":
        return node.path("v").intValue();
      case "long":
        return node.path("v").longValue();
      case "double":
        return node.path("v").doubleValue();
      case "instant":
        return Instant.parse(text(node, "v"));
      case "duration":
        return Duration.parse(text(node, "v"));
      case "uuid":
        return UUID.fromString(text(node, "v"));
      case "enum":
        return enumConstant(text(node, "class"), text(node, "v"));
      case "failure":
        return new RecordedFailure(text(node, "type"), text(node, "message"), null);
      case "list": {
        List<Object> list = new ArrayList<>();
        node.path("v").forEach(item -> list.add(read(item)));
        return java.util.Collections.unmodifiableList(list);
      }
      case "map": {
        Map<String, Object> map = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = node.path("v").fields();
        while (fields.hasNext()) {
          Map.Entry<String, JsonNode> field = fields.next();
          map.put(field.getKey(), read(field.getValue()));
        }
        return map;
      }
      case "record":
        return record(text(node, "class"), node.path("v"));
      default:
        throw new CodecException("Unknown value tag '" + tag + "'", null);
    }
  }

  static String toJson(JsonNode node) {
    try {
      return JSON.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new CodecException("Cannot write journal JSON: " + e.getOriginalMessage(), e);
    }
  }

  static JsonNode parse(String line) throws JsonProcessingException {
    return JSON.readTree(line);
  }

  private List<Part> partsOf(Class<?> type) {
    return parts.computeIfAbsent(type, recordType -> {
      List<Part> found = new ArrayList<>();
      for (RecordComponent component : recordType.getRecordComponents()) {
        Method accessor = component.getAccessor();
        accessor.setAccessible(true);
        found.add(new Part(component.getName(), component.getType(), accessor));
      }
      return List.copyOf(found);
    });
  }

  private Object record(String className, JsonNode components) {
    Class<?> type = load(className);
    if (!type.isRecord()) {
      throw new CodecException(className + " is not a record; the journal only rebuilds records", null);
    }
    List<Part> recordParts = partsOf(type);
    Object[] values = new Object[recordParts.size()];
    for (int i = 0; i < values.length; i++) {
      Part part = recordParts.get(i);
      JsonNode value = components.get(part.name());
      if (value == null) {
        throw new CodecException("Record " + className + " lacks component '" + part.name()
            + "' (was the record changed since the journal was written?)", null);
      }
      values[i] = primitive(part.type(), read(value));
    }
    try {
      return constructors.computeIfAbsent(type, recordType -> canonicalConstructor(recordType, recordParts))
          .newInstance(values);
    } catch (ReflectiveOperationException e) {
      throw new CodecException("Cannot rebuild record " + className + ": " + e, e);
    }
  }

  private static Constructor<?> canonicalConstructor(Class<?> type, List<Part> parts) {
    try {
      Constructor<?> constructor = type.getDeclaredConstructor(parts.stream().map(Part::type).toArray(Class<?>[]::new));
      constructor.setAccessible(true);
      return constructor;
    } catch (NoSuchMethodException e) {
      throw new CodecException("Record " + type.getName() + " has no canonical constructor", e);
    }
  }

  /** Numbers read back as int/long/double fit the record's primitive component. */
  private static Object primitive(Class<?> type, Object value) {
    if (value instanceof Number number) {
      if (type == long.class || type == Long.class) {
        return number.longValue();
      }
      if (type == int.class || type == Integer.class) {
        return number.intValue();
      }
      if (type == double.class || type == Double.class) {
        return number.doubleValue();
      }
    }
    return value;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Object enumConstant(String className, String name) {
    Class<?> type = load(className);
    if (!type.isEnum()) {
      throw new CodecException(className + " is not an enum", null);
    }
    return Enum.valueOf((Class<? extends Enum>) type.asSubclass(Enum.class), name);
  }

  private static Class<?> load(String className) {
    try {
      return Class.forName(className, false, JournalCodec.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new CodecException("Class " + className + " is not on the class path (was it renamed since the journal "
          + "was written?)", e);
    }
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || !value.isTextual()) {
      throw new CodecException("Field '" + field + "' is missing or not text in " + node, null);
    }
    return value.textValue();
  }
}
