package dev.agenttrace.golden;

import java.nio.file.Path;

/**
 * What checking a trace against its golden file did: whether it matched, and which file was written. A mismatch is
 * not a result — it is thrown as an {@link AssertionError} with a unified diff.
 *
 * @param status what happened
 * @param golden the golden file
 * @param message a one-line account for logs and test reports
 */
public record GoldenResult(Status status, Path golden, String message) {

  /** What happened to the golden file. */
  public enum Status {
    /** The trace matched the golden. */
    MATCHED,
    /** There was no golden; it was written from this trace (review and commit it). */
    WRITTEN,
    /** Update mode rewrote the golden from this trace. */
    UPDATED
  }

  /** True when a file was written that a developer should review. */
  public boolean wroteFile() {
    return status != Status.MATCHED;
  }
}
