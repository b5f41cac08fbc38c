package dev.agenttrace.otlp;

/**
 * Where a span was read: the line its request document starts on, the line of the span itself, and its indices in
 * {@code resourceSpans[r].scopeSpans[s].spans[i]}. Four ints per span, rendered only for a message.
 */
record SpanOrigin(int documentLine, int line, int resource, int scope, int span) {
  String path(String field) {
    return "$.resourceSpans[" + resource + "].scopeSpans[" + scope + "].spans[" + span + "]"
        + (field == null ? "" : "." + field);
  }

  /** The path of the span, and the line of its request when that differs from the span's line. */
  String describe() {
    return path(null) + " (line " + line + ")";
  }
}
