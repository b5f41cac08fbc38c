package dev.agenttrace.runtime;

import java.util.Objects;

/**
 * One journaled operation of an execution: its position, kind, deterministic key and a readable description, and
 * either its result, its failure, or — for a wait not yet satisfied — {@link #isPending() pending} with the
 * {@link Wait} it is waiting on.
 */
public record JournalEntry(
    int position, OperationKind kind, String key, String description, Object value, RecordedFailure failure,
    Wait pendingWait) {

  public JournalEntry {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(description, "description");
  }

  public static JournalEntry completed(int position, OperationKind kind, String key, String description, Object value) {
    return new JournalEntry(position, kind, key, description, value, null, null);
  }

  public static JournalEntry failed(
      int position, OperationKind kind, String key, String description, RecordedFailure failure) {
    return new JournalEntry(position, kind, key, description, null, Objects.requireNonNull(failure), null);
  }

  public static JournalEntry pending(int position, OperationKind kind, String key, String description, Wait wait) {
    return new JournalEntry(position, kind, key, description, null, null, Objects.requireNonNull(wait));
  }

  public boolean isPending() {
    return pendingWait != null;
  }

  public boolean isFailed() {
    return failure != null;
  }

  /** This entry with its wait satisfied by {@code result}. */
  public JournalEntry satisfiedWith(Object result) {
    return new JournalEntry(position, kind, key, description, result, null, null);
  }

  /** This entry with its wait ended by a failure. */
  public JournalEntry satisfiedWithFailure(RecordedFailure error) {
    return new JournalEntry(position, kind, key, description, null, error, null);
  }
}
