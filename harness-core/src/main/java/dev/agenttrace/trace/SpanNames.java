package dev.agenttrace.trace;

/** Reads the subject out of a conventional span name ({@code "execute_tool get_weather"} → {@code get_weather}). */
final class SpanNames {
  private SpanNames() {}

  /** The part after {@code "<operation> "}, the whole name when it does not start so. */
  static String subject(String spanName, String operation) {
    String prefix = operation + " ";
    return spanName.startsWith(prefix) ? spanName.substring(prefix.length()) : spanName;
  }
}
