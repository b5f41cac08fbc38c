package dev.agenttrace.trace.dialect;

import io.opentelemetry.sdk.trace.data.EventData;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One rule of a dialect: when a span meets {@link #condition()}, copy attributes under their conventional keys
 * ({@code copy}: the first recorded of the listed sources), translate values ({@code map}), set constants and
 * templates ({@code set}), run built-in transforms, add the conventional twins of the dialect's events
 * ({@code events}) and give the span its conventional name (the first of the
 * name templates that resolves). Nothing recorded on the span is overwritten, except the keys a rule names in
 * {@code replace}: a conventional key the instrumentation records with a value of its own.
 */
record DialectRule(
    String label,
    SpanCondition condition,
    Map<String, List<Template>> copy,
    Map<String, ValueMapping> map,
    Map<String, Object> set,
    Map<String, Object> replace,
    List<SpanTransform> transforms,
    Map<Template, String> events,
    List<Template> name) {

  /** A value translation: the source attribute and its values by recorded value. */
  record ValueMapping(Template from, Map<String, String> values) {}

  boolean apply(SpanRewrite span) {
    if (!condition.matches(span)) {
      return false;
    }
    copy.forEach((target, sources) -> {
      for (Template source : sources) {
        Object value = source.resolve(span).map(span::value).orElse(null);
        if (value != null) {
          span.put(target, value);
          return;
        }
      }
    });
    map.forEach((target, mapping) -> mapping.from().resolve(span).flatMap(span::text)
        .map(mapping.values()::get).ifPresent(value -> span.put(target, value)));
    set.forEach((target, value) -> span.put(target,
        value instanceof Template template ? template.resolve(span).orElse(null) : value));
    replace.forEach((target, value) -> span.replace(target,
        value instanceof Template template ? template.resolve(span).orElse(null) : value));
    transforms.forEach(transform -> transform.apply(span));
    events.forEach((source, target) -> source.resolve(span).ifPresent(sourceName -> {
      for (EventData event : span.original().getEvents()) {
        if (event.getName().equals(sourceName)) {
          span.addEvent(EventData.create(event.getEpochNanos(), target, event.getAttributes(),
              event.getTotalAttributeCount()));
          return;
        }
      }
    }));
    for (Template candidate : name) {
      Optional<String> resolved = candidate.resolve(span);
      if (resolved.isPresent()) {
        span.rename(resolved.get());
        break;
      }
    }
    return true;
  }
}
