package dev.agenttrace.trace.dialect;

import java.util.List;

/**
 * One dialect of a table: a name (written to {@code agenttrace.dialect} on the spans it classifies), where it was
 * defined, and its rules. Every rule whose condition a span meets applies, in table order.
 */
record Dialect(String name, String description, String resource, List<DialectRule> rules) {
  Dialect {
    rules = List.copyOf(rules);
  }

  /** Applies the matching rules; false when none matched, so the span is not in this dialect. */
  boolean apply(SpanRewrite span) {
    boolean matched = false;
    for (DialectRule rule : rules) {
      matched |= rule.apply(span);
    }
    return matched;
  }

  void registerTriggers(Triggers triggers) {
    rules.forEach(rule -> rule.condition().registerTriggers(triggers));
  }
}
