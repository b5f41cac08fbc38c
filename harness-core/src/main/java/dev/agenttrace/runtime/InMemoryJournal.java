package dev.agenttrace.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The default {@link Journal}: keeps entries in memory for the life of the harness. Thread-safe. */
public final class InMemoryJournal implements Journal {
  private final Map<String, List<JournalEntry>> entries = new ConcurrentHashMap<>();
  private final Map<String, ExecutionRecord> executions = new ConcurrentHashMap<>();

  @Override
  public List<JournalEntry> entries(String executionId) {
    List<JournalEntry> list = entries.get(executionId);
    if (list == null) {
      return List.of();
    }
    synchronized (list) {
      return List.copyOf(list);
    }
  }

  @Override
  public void append(String executionId, JournalEntry entry) {
    List<JournalEntry> list = entries.computeIfAbsent(executionId, id -> new ArrayList<>());
    synchronized (list) {
      if (entry.position() != list.size()) {
        throw new IllegalStateException("Journal of " + executionId + " has " + list.size()
            + " entries; cannot append an entry at position " + entry.position());
      }
      list.add(entry);
    }
  }

  @Override
  public void replace(String executionId, JournalEntry entry) {
    List<JournalEntry> list = entries.get(executionId);
    if (list == null) {
      throw new IllegalStateException("No journal for execution " + executionId);
    }
    synchronized (list) {
      if (entry.position() >= list.size()) {
        throw new IllegalStateException("Journal of " + executionId + " has no entry at position " + entry.position());
      }
      list.set(entry.position(), entry);
    }
  }

  @Override
  public Optional<ExecutionRecord> execution(String executionId) {
    return Optional.ofNullable(executions.get(executionId));
  }

  @Override
  public void saveExecution(ExecutionRecord record) {
    executions.put(record.executionId(), record);
  }
}
