package dev.agenttrace.trace.dialect;

/**
 * A dialect table that cannot be used: malformed JSON, an unknown field or transform, a bad pattern. The message
 * names the resource, the entry (dialect and rule) and what to write instead.
 */
public final class DialectTableException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  DialectTableException(String resource, String entry, String problem, Throwable cause) {
    super("Dialect table " + resource + (entry.isEmpty() ? "" : ", " + entry) + ": " + problem
        + ". See docs/dialects.md for the table format.", cause);
  }

  /** The same problem reported again (a table read once, used many times), with a fresh stack trace. */
  DialectTableException(DialectTableException original) {
    super(original.getMessage(), original);
  }
}
