package dev.agenttrace.assertions;

import dev.agenttrace.redaction.RedactionPolicy;
import dev.agenttrace.trace.TraceText;
import java.util.Collection;
import java.util.stream.Collectors;

/**
 * Shows user values (arguments, model output, names) inside failure messages: on one line, line breaks as
 * {@code ⏎}, cut after {@value #MAX_CHARS} characters with a marker giving the length left out. Non-ASCII text and
 * {@code %} are kept as they are. Secrets are redacted before the cut ({@link RedactionPolicy}), so none is cut into
 * a part no rule recognizes.
 */
final class Values {
  static final int MAX_CHARS = 400;

  private Values() {}

  static String show(String value) {
    return TraceText.abbreviate(value == null ? null : RedactionPolicy.defaults().redactHead(value, MAX_CHARS),
        MAX_CHARS);
  }

  static String quoted(String value) {
    return value == null ? "null" : "\"" + show(value) + "\"";
  }

  static String list(Collection<?> values) {
    return values.stream().map(value -> show(String.valueOf(value))).collect(Collectors.joining(", ", "[", "]"));
  }
}
