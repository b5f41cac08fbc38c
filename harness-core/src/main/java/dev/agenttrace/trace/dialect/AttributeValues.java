package dev.agenttrace.trace.dialect;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.agenttrace.trace.SpanConventions;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.AttributeType;
import io.opentelemetry.api.common.Attributes;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads attribute values by name and converts them to the type AgentTrace's conventions give a key (token counts
 * are longs, finish reasons a string array …), so that a dialect that records {@code "12"} still yields usage 12.
 */
final class AttributeValues {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** Every key {@link SpanConventions} spells, by name: the types conventional attributes must have. */
  private static final Map<String, AttributeKey<?>> CONVENTIONAL = conventionalKeys();

  private AttributeValues() {}

  /** The span's attributes by key name. */
  static Map<String, Object> byName(Attributes attributes) {
    Map<String, Object> values = new HashMap<>(attributes.size() * 2);
    attributes.forEach((key, value) -> values.put(key.getKey(), value));
    return values;
  }

  /** The key {@code name} has in the conventions, else a key typed after {@code value}. */
  static AttributeKey<?> conventionalKey(String name, Object value) {
    AttributeKey<?> known = CONVENTIONAL.get(name);
    if (known != null) {
      return known;
    }
    if (value instanceof Long || value instanceof Integer) {
      return AttributeKey.longKey(name);
    }
    if (value instanceof Double || value instanceof Float) {
      return AttributeKey.doubleKey(name);
    }
    if (value instanceof Boolean) {
      return AttributeKey.booleanKey(name);
    }
    if (value instanceof List<?>) {
      return AttributeKey.stringArrayKey(name);
    }
    return AttributeKey.stringKey(name);
  }

  /** {@code value} as the type of {@code key}; {@code null} when it cannot be (e.g. {@code "n/a"} as a count). */
  static Object convert(AttributeKey<?> key, Object value) {
    AttributeType type = key.getType();
    switch (type) {
      case LONG:
        if (value instanceof Number number) {
          return number.longValue();
        }
        return parseLong(text(value));
      case DOUBLE:
        if (value instanceof Number number) {
          return number.doubleValue();
        }
        try {
          return Double.parseDouble(text(value).strip());
        } catch (NumberFormatException notANumber) {
          return null;
        }
      case BOOLEAN:
        return value instanceof Boolean ? value : Boolean.parseBoolean(text(value).strip());
      case STRING_ARRAY:
        if (value instanceof List<?> list) {
          return list.stream().map(AttributeValues::text).toList();
        }
        return List.of(text(value));
      default:
        return text(value);
    }
  }

  /** A value as text: scalars as themselves, lists as a JSON array. */
  static String text(Object value) {
    if (value instanceof List<?> list) {
      ArrayNode array = JSON.createArrayNode();
      list.forEach(element -> array.add(String.valueOf(element)));
      return array.toString();
    }
    return String.valueOf(value);
  }

  private static Long parseLong(String text) {
    try {
      return Long.parseLong(text.strip());
    } catch (NumberFormatException notALong) {
      try {
        return (long) Double.parseDouble(text.strip());
      } catch (NumberFormatException notANumber) {
        return null;
      }
    }
  }

  private static Map<String, AttributeKey<?>> conventionalKeys() {
    Map<String, AttributeKey<?>> keys = new HashMap<>();
    for (Field field : SpanConventions.class.getFields()) {
      if (Modifier.isStatic(field.getModifiers()) && AttributeKey.class.isAssignableFrom(field.getType())) {
        try {
          AttributeKey<?> key = (AttributeKey<?>) field.get(null);
          keys.put(key.getKey(), key);
        } catch (IllegalAccessException unreadable) {
          throw new IllegalStateException("Cannot read SpanConventions." + field.getName(), unreadable);
        }
      }
    }
    return Map.copyOf(keys);
  }
}
