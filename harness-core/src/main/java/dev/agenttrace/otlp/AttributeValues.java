package dev.agenttrace.otlp;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.common.Value;
import io.opentelemetry.api.common.ValueType;
import java.util.ArrayList;
import java.util.List;

/**
 * How an OTLP {@code AnyValue} becomes an OpenTelemetry attribute: string, bool, int and double become the typed
 * attributes; an array whose elements are all strings (or all bools, ints, doubles) becomes the typed array
 * attribute, and an empty array an empty string array; everything else — key-value lists, bytes, mixed or nested
 * arrays, the empty value — becomes an {@link io.opentelemetry.api.common.AttributeType#VALUE} attribute holding the
 * {@link Value} itself, so nothing is lost and it is written back unchanged.
 */
final class AttributeValues {
  private AttributeValues() {}

  static void put(AttributesBuilder attributes, String key, Value<?> value) {
    switch (value.getType()) {
      case STRING -> attributes.put(key, (String) value.getValue());
      case BOOLEAN -> attributes.put(key, (Boolean) value.getValue());
      case LONG -> attributes.put(key, (Long) value.getValue());
      case DOUBLE -> attributes.put(key, (Double) value.getValue());
      case ARRAY -> putArray(attributes, key, value);
      default -> attributes.put(AttributeKey.valueKey(key), value);
    }
  }

  private static void putArray(AttributesBuilder attributes, String key, Value<?> array) {
    @SuppressWarnings("unchecked")
    List<Value<?>> elements = (List<Value<?>>) array.getValue();
    if (elements.isEmpty()) {
      attributes.put(AttributeKey.stringArrayKey(key), List.of());
      return;
    }
    ValueType type = elements.get(0).getType();
    boolean primitive = type == ValueType.STRING || type == ValueType.BOOLEAN || type == ValueType.LONG
        || type == ValueType.DOUBLE;
    for (Value<?> element : elements) {
      if (!primitive || element.getType() != type) {
        attributes.put(AttributeKey.valueKey(key), array);
        return;
      }
    }
    List<Object> plain = new ArrayList<>(elements.size());
    elements.forEach(element -> plain.add(element.getValue()));
    switch (type) {
      case STRING -> attributes.put(AttributeKey.stringArrayKey(key), cast(plain));
      case BOOLEAN -> attributes.put(AttributeKey.booleanArrayKey(key), cast(plain));
      case LONG -> attributes.put(AttributeKey.longArrayKey(key), cast(plain));
      default -> attributes.put(AttributeKey.doubleArrayKey(key), cast(plain));
    }
  }

  @SuppressWarnings("unchecked")
  private static <T> List<T> cast(List<Object> values) {
    return (List<T>) (List<?>) values;
  }
}
