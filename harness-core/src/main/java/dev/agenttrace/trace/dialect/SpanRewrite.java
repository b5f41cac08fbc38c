package dev.agenttrace.trace.dialect;

import dev.agenttrace.trace.SpanConventions;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The conventional form of one foreign span while the rules of its dialect are applied: the attributes and events
 * added so far, the new name and the groups of the rule's name pattern. Additions never overwrite what the span
 * already carries: a value recorded on the span always wins over one derived from it, unless a rule
 * {@linkplain #replace replaces} it.
 */
final class SpanRewrite {
  private final SpanData original;
  private final String dialect;
  private final Map<String, Object> originalValues;
  private final Map<String, AttributeKey<?>> addedKeys = new LinkedHashMap<>();
  private final Map<String, Object> addedValues = new LinkedHashMap<>();
  private final List<EventData> addedEvents = new ArrayList<>();
  private final Map<String, String> nameGroups = new LinkedHashMap<>();
  private final EnumSet<BatchStep> batchSteps = EnumSet.noneOf(BatchStep.class);
  private String name;

  /** {@code originalValues}: the span's attributes by key name, read once and shared by the dialects tried. */
  SpanRewrite(SpanData original, String dialect, Map<String, Object> originalValues) {
    this.original = original;
    this.dialect = dialect;
    this.name = original.getName();
    this.originalValues = originalValues;
  }

  SpanData original() {
    return original;
  }

  String dialect() {
    return dialect;
  }

  String spanId() {
    return original.getSpanId();
  }

  /** The value of {@code key} as text: what was added, else what the span carries; empty when neither. */
  Optional<String> text(String key) {
    Object value = value(key);
    return value == null ? Optional.empty() : Optional.of(AttributeValues.text(value));
  }

  /** The raw value of {@code key}: what was added, else what the span carries; {@code null} when neither. */
  Object value(String key) {
    Object value = addedValues.get(key);
    return value != null ? value : originalValues.get(key);
  }

  boolean has(String key) {
    return value(key) != null;
  }

  /** Adds {@code key} (typed as the conventions type it) unless the span or an earlier rule already has it. */
  void put(String key, Object value) {
    if (value != null && !has(key)) {
      replace(key, value);
    }
  }

  /** Sets {@code key} even over the value the span recorded: for a key the dialect records with a meaning of its own. */
  void replace(String key, Object value) {
    if (value == null) {
      return;
    }
    AttributeKey<?> typed = AttributeValues.conventionalKey(key, value);
    Object converted = AttributeValues.convert(typed, value);
    if (converted != null) {
      addedKeys.put(key, typed);
      addedValues.put(key, converted);
    }
  }

  /** Adds an event unless the span already has one of that name. */
  void addEvent(EventData event) {
    if (hasEvent(event.getName())) {
      return;
    }
    addedEvents.add(event);
  }

  boolean hasEvent(String eventName) {
    return original.getEvents().stream().anyMatch(event -> event.getName().equals(eventName))
        || addedEvents.stream().anyMatch(event -> event.getName().equals(eventName));
  }

  /** The span's recorded attributes by key name. */
  Map<String, Object> originalValues() {
    return Collections.unmodifiableMap(originalValues);
  }

  /** Asks for a step that needs the other spans of the batch, run after every span's rules. */
  void requestBatchStep(BatchStep step) {
    batchSteps.add(step);
  }

  boolean wantsBatchSteps() {
    return !batchSteps.isEmpty();
  }

  boolean wants(BatchStep step) {
    return batchSteps.contains(step);
  }

  void rename(String newName) {
    if (newName != null && !newName.isBlank()) {
      this.name = newName;
    }
  }

  void nameGroup(String group, String value) {
    nameGroups.put(group, value);
  }

  String nameGroup(String group) {
    return nameGroups.get(group);
  }

  /** True when the rules changed nothing: the span is already in AgentTrace's conventions. */
  boolean isUnchanged() {
    return addedValues.isEmpty() && addedEvents.isEmpty() && name.equals(original.getName());
  }

  /** The span in AgentTrace's conventions, marked with the dialect that classified it. */
  SpanData build() {
    AttributesBuilder attributes = original.getAttributes().toBuilder();
    addedKeys.forEach((name, key) -> putUnchecked(attributes, key, addedValues.get(name)));
    attributes.put(SpanConventions.DIALECT, dialect);
    if (!name.equals(original.getName())) {
      attributes.put(SpanConventions.DIALECT_ORIGINAL_NAME, original.getName());
    }
    List<EventData> events = new ArrayList<>(original.getEvents());
    events.addAll(addedEvents);
    events.sort((a, b) -> Long.compare(a.getEpochNanos(), b.getEpochNanos()));
    return new NormalizedSpan(original, name, attributes.build(), events);
  }

  @SuppressWarnings("unchecked")
  private static <T> void putUnchecked(AttributesBuilder builder, AttributeKey<T> key, Object value) {
    builder.put(key, (T) value);
  }
}
