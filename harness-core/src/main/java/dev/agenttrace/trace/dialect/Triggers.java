package dev.agenttrace.trace.dialect;

import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The pre-filter that keeps normalization free for spans already in AgentTrace's conventions: a span is looked at
 * by the rules only when it comes from a foreign instrumentation scope and its name, scope, an attribute key or an
 * event name is one some rule asks for. Spans AgentTrace wrote itself (scope {@code dev.agenttrace.*}) and spans
 * normalized before are never looked at again.
 */
final class Triggers {
  private static final String OWN_SCOPE_PREFIX = "dev.agenttrace.";

  final Set<String> names = new HashSet<>();
  final List<String> prefixes = new ArrayList<>();
  final Set<String> scopes = new HashSet<>();
  final Set<String> attributes = new HashSet<>();
  final Set<String> events = new HashSet<>();

  boolean mayMatch(SpanData span) {
    if (span instanceof NormalizedSpan) {
      return false;
    }
    String scope = span.getInstrumentationScopeInfo().getName();
    if (scope.startsWith(OWN_SCOPE_PREFIX)) {
      return false;
    }
    String name = span.getName();
    if (scopes.contains(scope) || names.contains(name)) {
      return true;
    }
    for (String prefix : prefixes) {
      if (name.startsWith(prefix)) {
        return true;
      }
    }
    boolean[] found = {false};
    span.getAttributes().forEach((key, value) -> found[0] |= attributes.contains(key.getKey()));
    if (found[0]) {
      return true;
    }
    for (EventData event : span.getEvents()) {
      if (events.contains(event.getName())) {
        return true;
      }
    }
    return false;
  }
}
