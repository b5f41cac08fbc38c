package dev.agenttrace.otlp;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.common.Value;
import io.opentelemetry.api.common.ValueType;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.api.trace.TraceStateBuilder;
import java.util.ArrayList;
import java.util.List;

/**
 * The one mapping between OTLP fields and OpenTelemetry's Java data, shared by the OTLP/JSON reader and writer and the
 * OTLP receiver's protobuf decoding: span kinds and status codes by number, span flags, trace state, and attributes.
 *
 * <p>Attributes: an {@code AnyValue} string, bool, int and double become the typed
 * attributes; an array whose elements are all strings (or all bools, ints, doubles) becomes the typed array
 * attribute, and an empty array an empty string array; everything else — key-value lists, bytes, mixed or nested
 * arrays, the empty value — becomes an {@link io.opentelemetry.api.common.AttributeType#VALUE} attribute holding the
 * {@link Value} itself, so nothing is lost and it is written back unchanged.
 */
public final class OtlpMapping {
  /** Span flags bit 8: whether bit 9 (the parent or linked span is remote) is known. */
  public static final int HAS_IS_REMOTE = 0x100;
  /** Span flags bit 9: the parent or linked span is remote. */
  public static final int IS_REMOTE = 0x200;

  private OtlpMapping() {}

  /** The span kind of OTLP's number (0 unspecified is read as INTERNAL, as the spec advises); null when unknown. */
  public static SpanKind spanKind(int number) {
    return switch (number) {
      case 0, 1 -> SpanKind.INTERNAL;
      case 2 -> SpanKind.SERVER;
      case 3 -> SpanKind.CLIENT;
      case 4 -> SpanKind.PRODUCER;
      case 5 -> SpanKind.CONSUMER;
      default -> null;
    };
  }

  /** OTLP's number of {@code kind}. */
  public static int number(SpanKind kind) {
    return switch (kind) {
      case INTERNAL -> 1;
      case SERVER -> 2;
      case CLIENT -> 3;
      case PRODUCER -> 4;
      case CONSUMER -> 5;
    };
  }

  /** The status code of OTLP's number; null when unknown. */
  public static StatusCode statusCode(int number) {
    return switch (number) {
      case 0 -> StatusCode.UNSET;
      case 1 -> StatusCode.OK;
      case 2 -> StatusCode.ERROR;
      default -> null;
    };
  }

  /** OTLP's number of {@code code}. */
  public static int number(StatusCode code) {
    return switch (code) {
      case UNSET -> 0;
      case OK -> 1;
      case ERROR -> 2;
    };
  }

  /** OTLP span flags: the trace flags of {@code context} in bits 0-7, and whether the parent or link is remote. */
  public static int flags(SpanContext context, boolean remote) {
    return (context.getTraceFlags().asByte() & 0xff) | HAS_IS_REMOTE | (remote ? IS_REMOTE : 0);
  }

  /** Whether OTLP span flags say that the parent (or the linked span) is remote. */
  public static boolean isRemote(int flags) {
    return (flags & (HAS_IS_REMOTE | IS_REMOTE)) == (HAS_IS_REMOTE | IS_REMOTE);
  }

  /** The W3C trace state {@code key=value,...}; empty for blank text. */
  public static TraceState traceState(String text) {
    if (text.isBlank()) {
      return TraceState.getDefault();
    }
    TraceStateBuilder state = TraceState.builder();
    String[] members = text.split(",");
    // W3C: the left-most member is the most recent; the builder puts each new key in front, so add right to left
    for (int i = members.length - 1; i >= 0; i--) {
      String member = members[i].strip();
      if (member.isEmpty()) {
        continue;
      }
      int equals = member.indexOf('=');
      if (equals <= 0) {
        throw new IllegalArgumentException("expected a W3C tracestate (key=value,...), got \"" + text + "\"");
      }
      state.put(member.substring(0, equals), member.substring(equals + 1));
    }
    return state.build();
  }

  /** The trace state as W3C text, {@code key=value,...}; empty for an empty state. */
  public static String traceStateText(TraceState state) {
    StringBuilder members = new StringBuilder();
    state.forEach((key, value) -> {
      if (members.length() > 0) {
        members.append(',');
      }
      members.append(key).append('=').append(value);
    });
    return members.toString();
  }

  /** Puts attribute {@code key} with {@code value}, typed as described above. */
  public static void putAttribute(AttributesBuilder attributes, String key, Value<?> value) {
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
