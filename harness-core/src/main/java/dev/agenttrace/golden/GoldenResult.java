package dev.agenttrace.golden;

import java.nio.file.Path;
import java.util.Optional;

/**
 * What checking a trace against its golden file found and did, as a value: it matched, a golden was written or
 * updated, it did not match (with the unified diff), or the golden is missing on CI. {@link GoldenTraces#compare}
 * returns it; {@link GoldenTraces#assertMatches} turns a failed one into an {@link AssertionError} with
 * {@link #message()} as its text.
 *
 * @param status what happened
 * @param golden the golden file
 * @param message for a success a one-line account for logs and test reports; for a failure the whole failure text
 *     (what differs, where the pending {@code .new} file is, how to accept the change, and the diff)
 * @param diff the unified diff between golden and actual trace, for {@link Status#MISMATCH}; empty otherwise
 */
public record GoldenResult(Status status, Path golden, String message, Optional<String> diff) {

  /** What happened to the golden file. */
  public enum Status {
    /** The trace matched the golden. */
    MATCHED,
    /** There was no golden; it was written from this trace (review and commit it). */
    WRITTEN,
    /** Update mode rewrote the golden from this trace. */
    UPDATED,
    /** The trace differs from the golden; nothing was overwritten (a {@code .new} file holds the actual trace). */
    MISMATCH,
    /** There is no golden and this is CI, where goldens are never written. */
    MISSING_ON_CI
  }

  /** A result without a diff. */
  public GoldenResult(Status status, Path golden, String message) {
    this(status, golden, message, Optional.empty());
  }

  /** True when a file was written that a developer should review. */
  public boolean wroteFile() {
    return status == Status.WRITTEN || status == Status.UPDATED;
  }

  /** True when the test should fail: a mismatch, or a golden missing on CI. */
  public boolean failed() {
    return status == Status.MISMATCH || status == Status.MISSING_ON_CI;
  }
}
