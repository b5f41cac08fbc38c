package dev.agenttrace.runtime;

/**
 * Rethrown on replay for a journaled operation that failed with a checked exception, or whose original exception is
 * no longer in memory (after a restart): it carries the original type and message.
 */
public class ReplayedFailureException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String originalType;

  public ReplayedFailureException(String originalType, String message, Throwable original) {
    super(originalType + ": " + message, original);
    this.originalType = originalType;
  }

  public String originalType() {
    return originalType;
  }
}
