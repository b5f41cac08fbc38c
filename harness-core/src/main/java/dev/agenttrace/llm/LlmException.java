package dev.agenttrace.llm;

import java.util.Objects;

/**
 * A provider error from a chat model (rate limit, overload, invalid request ...). {@link #errorType()} is a
 * low-cardinality code recorded as {@code error.type}; {@link #statusCode()} is the HTTP status when there is one.
 */
public class LlmException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String errorType;
  private final int statusCode;

  public LlmException(String errorType, int statusCode, String message) {
    super(message);
    this.errorType = Objects.requireNonNull(errorType, "errorType");
    this.statusCode = statusCode;
  }

  public String errorType() {
    return errorType;
  }

  /** The HTTP status of the failed call, or 0 when the error did not come over HTTP. */
  public int statusCode() {
    return statusCode;
  }
}
