package dev.agenttrace.runtime;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What {@link CrashExploration} compares between the uncrashed run and a crashed one: how it ended, how often each
 * operation really executed, how much each counted side effect changed, and the work its trace shows — with the
 * values that differ between any two runs (execution ids, tool call ids, journaled {@code now} and
 * {@code randomUuid}) replaced by placeholders.
 */
final class RunFacts {
  private final String agentName;
  private final RunStatus status;
  private final String output;
  private final String failure;
  private final Map<String, Integer> executions;
  private final Map<String, String> executionNames;
  private final Map<String, Integer> effects;
  private final List<String> work;

  private RunFacts(AgentRun<?> run, List<String> volatileValues, Map<String, Integer> effects) {
    this.agentName = run.agentName();
    this.status = run.status();
    this.output = status == RunStatus.COMPLETED ? normalize(String.valueOf(run.output()), volatileValues) : "";
    this.failure = run.failure().map(error -> error.getClass().getName() + ": " + error.getMessage())
        .map(text -> normalize(text, volatileValues)).orElse("");
    this.executions = new LinkedHashMap<>();
    this.executionNames = new LinkedHashMap<>();
    String rootId = run.executionId();
    for (ExecutedOperation executed : run.executions()) {
      String path = executed.executionId().equals(rootId) ? ""
          : executed.executionId().substring(rootId.length() + 1);
      String identity = identity(path, executed.key());
      executions.merge(identity, 1, Integer::sum);
      executionNames.putIfAbsent(identity, (executed.kind() == OperationKind.TOOLS ? "tool " : executed.kind()
          .wireValue() + " ") + executed.name() + " (" + executed.key() + (path.isEmpty() ? "" : " in child " + path)
          + ")");
    }
    this.effects = Map.copyOf(effects);
    this.work = WorkProjection.of(run.trace(), volatileValues);
  }

  static RunFacts of(AgentRun<?> run, Journal journal, Map<String, Integer> effects) {
    if (run.failure().orElse(null) instanceof AssertionError stubProblem) {
      throw stubProblem;   // a broken stub setup, not agent behaviour
    }
    return new RunFacts(run, volatileValues(run, journal), effects);
  }

  /** How an operation is known across runs: its child path and journal key. */
  static String identity(String childPath, String key) {
    return childPath + "|" + key;
  }

  /** Operations {@code crashed} executed more often than this (uncrashed) run; {@code reRunnable} may run once more. */
  List<String> executedTwiceIn(RunFacts crashed, String reRunnable) {
    List<String> problems = new ArrayList<>();
    crashed.executions.forEach((identity, count) -> {
      int expected = executions.getOrDefault(identity, 0);
      int allowed = identity.equals(reRunnable) ? expected + 1 : expected;
      if (count > allowed) {
        problems.add(crashed.executionNames.get(identity) + " really executed " + times(count)
            + "; the uncrashed run executed it " + times(expected));
      }
    });
    return problems;
  }

  List<String> effectDifferences(RunFacts crashed) {
    List<String> problems = new ArrayList<>();
    effects.forEach((name, expected) -> {
      int actual = crashed.effects.getOrDefault(name, 0);
      if (actual != expected) {
        problems.add("side effect '" + name + "' happened " + times(actual) + "; the uncrashed run: "
            + times(expected) + " (work outside the journal happens again on every replay: move it into ctx.step(...)"
            + " or a tool)");
      }
    });
    return problems;
  }

  List<String> outcomeDifferences(RunFacts crashed) {
    if (status != crashed.status) {
      return List.of(agentName + " ended " + crashed.status + (crashed.failure.isEmpty() ? "" : " (" + crashed.failure
          + ")") + "; the uncrashed run ended " + status);
    }
    if (!Objects.equals(output, crashed.output)) {
      return List.of("output \"" + crashed.output + "\"; the uncrashed run returned \"" + output + "\"");
    }
    if (!Objects.equals(failure, crashed.failure)) {
      return List.of("failure " + crashed.failure + "; the uncrashed run failed with " + failure);
    }
    return List.of();
  }

  List<String> workDifferences(RunFacts crashed) {
    for (int i = 0; i < Math.max(work.size(), crashed.work.size()); i++) {
      String expected = i < work.size() ? work.get(i) : "(nothing)";
      String actual = i < crashed.work.size() ? crashed.work.get(i) : "(nothing)";
      if (!expected.equals(actual)) {
        return List.of("its trace shows other work than the uncrashed run's, first at line " + (i + 1)
            + ":\n        expected: " + expected.strip() + "\n        but was:  " + actual.strip());
      }
    }
    return List.of();
  }

  private static String times(int count) {
    return count == 1 ? "once" : count + " times";
  }

  private static List<String> volatileValues(AgentRun<?> run, Journal journal) {
    List<String> values = new ArrayList<>();
    collect(run, journal, values);
    return values;
  }

  private static void collect(AgentRun<?> run, Journal journal, List<String> values) {
    values.add(run.executionId());
    for (JournalEntry entry : journal.entries(run.executionId())) {
      if ((entry.kind() == OperationKind.NOW || entry.kind() == OperationKind.UUID) && entry.value() != null) {
        values.add(entry.value().toString());
      }
    }
    run.children().forEach(child -> collect(child, journal, values));
  }

  private static String normalize(String text, List<String> volatileValues) {
    String normalized = text;
    for (int i = 0; i < volatileValues.size(); i++) {
      normalized = normalized.replace(volatileValues.get(i), "<value#" + (i + 1) + ">");
    }
    return normalized;
  }
}
