package dev.agenttrace.runtime;

import java.util.List;
import java.util.Optional;

/**
 * Where the runtime persists what an execution has done, so that a resume — in the same harness or after a
 * simulated process restart — replays instead of re-running. In-memory by default ({@link InMemoryJournal});
 * implement it to persist elsewhere. Implementations must be safe for use from several threads.
 */
public interface Journal {

  /** The execution's entries in position order; empty for an unknown execution. */
  List<JournalEntry> entries(String executionId);

  /** Appends an entry; its position must equal the current number of entries. */
  void append(String executionId, JournalEntry entry);

  /** Replaces the entry at {@code entry.position()} (to satisfy a pending wait). */
  void replace(String executionId, JournalEntry entry);

  /** The execution's tracing state, needed to continue its trace after a restart. */
  Optional<ExecutionRecord> execution(String executionId);

  void saveExecution(ExecutionRecord record);
}
