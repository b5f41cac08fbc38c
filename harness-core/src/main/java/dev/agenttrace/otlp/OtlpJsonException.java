package dev.agenttrace.otlp;

/**
 * OTLP/JSON input that cannot be read: the message names the JSON path of the offending value (e.g.
 * {@code $.resourceSpans[0].scopeSpans[1].spans[3].startTimeUnixNano}), what was expected and what was found, and
 * the line and column in the file (for JSON Lines, the line is the request's line).
 */
public final class OtlpJsonException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String path;
  private final long line;
  private final long column;

  OtlpJsonException(String path, long line, long column, String problem, Throwable cause) {
    super(path + ": " + problem + " (line " + line + ", column " + column + ")", cause);
    this.path = path;
    this.line = line;
    this.column = column;
  }

  /** The JSON path of the offending value within its request document, starting at {@code $}. */
  public String path() {
    return path;
  }

  /** The line (1-based) in the input where the problem was found; for JSON Lines, the request's line. */
  public long line() {
    return line;
  }

  /** The column (1-based) in the input where the problem was found. */
  public long column() {
    return column;
  }
}
