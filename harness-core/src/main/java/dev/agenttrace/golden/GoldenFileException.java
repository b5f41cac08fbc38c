package dev.agenttrace.golden;

/**
 * A golden file that cannot be used: malformed YAML (the message names file, line and column), a format version
 * newer than this AgentTrace understands, or a file that cannot be read or written. The message says what to do.
 */
public final class GoldenFileException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  static final String REWRITE_HINT = "Fix the file by hand, or rewrite it from the current trace with "
      + "-D" + GoldenTraces.MODE_PROPERTY + "=update";

  /** A problem described by {@code message}. */
  public GoldenFileException(String message) {
    super(message);
  }

  /** A problem described by {@code message}, caused by {@code cause}. */
  public GoldenFileException(String message, Throwable cause) {
    super(message, cause);
  }
}
