package dev.agenttrace.trace.dialect;

import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code when} of a dialect rule: everything a span must have for the rule to apply (all conditions hold).
 * Span name (exact, prefix, pattern with named groups), instrumentation scope, an attribute (present, equal to a
 * value, one of values), several attributes with given values, any of several attributes, attributes that must be absent, any of several events.
 */
record SpanCondition(
    Set<String> names,
    List<String> namePrefixes,
    Pattern namePattern,
    List<String> patternGroups,
    Set<String> scopes,
    Template attribute,
    Set<String> attributeValues,
    Map<String, Set<String>> attributes,
    List<String> anyAttribute,
    List<Template> absent,
    Set<String> anyEvent) {

  /** Checks the cheap conditions first and the name pattern (which fills the placeholders) just before they are used. */
  boolean matches(SpanRewrite span) {
    SpanData data = span.original();
    String name = data.getName();
    if (!names.isEmpty() && !names.contains(name)) {
      return false;
    }
    if (!namePrefixes.isEmpty() && !startsWithAny(name)) {
      return false;
    }
    if (!scopes.isEmpty() && !scopes.contains(data.getInstrumentationScopeInfo().getName())) {
      return false;
    }
    for (Map.Entry<String, Set<String>> required : attributes.entrySet()) {
      Object value = span.value(required.getKey());
      if (value == null || !required.getValue().contains(AttributeValues.text(value))) {
        return false;
      }
    }
    if (!anyAttribute.isEmpty() && anyAttribute.stream().noneMatch(span::has)) {
      return false;
    }
    if (!anyEvent.isEmpty() && data.getEvents().stream().noneMatch(event -> anyEvent.contains(event.getName()))) {
      return false;
    }
    if (attribute != null && attribute.isConstant() && !attributeHolds(span)) {
      return false;
    }
    if (namePattern != null && !matchName(span, name)) {
      return false;
    }
    if (attribute != null && !attribute.isConstant() && !attributeHolds(span)) {
      return false;
    }
    for (Template key : absent) {
      if (key.resolve(span).map(span::has).orElse(false)) {
        return false;
      }
    }
    return true;
  }

  private boolean startsWithAny(String name) {
    for (String prefix : namePrefixes) {
      if (name.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }

  private boolean attributeHolds(SpanRewrite span) {
    String key = attribute.resolve(span).orElse(null);
    Object value = key == null ? null : span.value(key);
    return value != null && (attributeValues.isEmpty() || attributeValues.contains(AttributeValues.text(value)));
  }

  private boolean matchName(SpanRewrite span, String name) {
    Matcher matcher = namePattern.matcher(name);
    if (!matcher.matches()) {
      return false;
    }
    for (String group : patternGroups) {
      String value = matcher.group(group);
      if (value != null) {
        span.nameGroup(group, value);
      }
    }
    return true;
  }

  /** Registers the cheap checks that can tell a span might match, for the pre-filter. */
  void registerTriggers(Triggers triggers) {
    triggers.names.addAll(names);
    triggers.prefixes.addAll(namePrefixes);
    triggers.scopes.addAll(scopes);
    if (attribute != null && attribute.isConstant()) {
      triggers.attributes.add(attribute.toString());
    }
    triggers.attributes.addAll(anyAttribute);
    triggers.attributes.addAll(attributes.keySet());
    triggers.events.addAll(anyEvent);
  }

  /** True when the condition has a check the pre-filter can use. */
  boolean hasTrigger() {
    return !names.isEmpty() || !namePrefixes.isEmpty() || !scopes.isEmpty()
        || (attribute != null && attribute.isConstant()) || !attributes.isEmpty() || !anyAttribute.isEmpty()
        || !anyEvent.isEmpty();
  }
}
