package dev.agenttrace.runtime;

import dev.agenttrace.redaction.RedactionPolicy;
import dev.agenttrace.trace.AgentTrace;
import dev.agenttrace.trace.SegmentOutcome;
import java.util.List;
import java.util.Optional;

/**
 * What a {@link CrashExploration} found: every crash point it tried, the uncrashed run it compared them with, and
 * the points where the agent did not recover exactly once.
 */
public final class CrashExplorationResult {
  private final String agentName;
  private final AgentRun<?> uncrashed;
  private final List<CrashPoint> points;
  private final List<Failure> failures;

  /**
   * A crash point where the recovered run differed from the uncrashed one.
   *
   * @param point where the process died
   * @param problems what differed, one readable sentence each
   * @param run the crashed and recovered run
   */
  public record Failure(CrashPoint point, List<String> problems, AgentRun<?> run) {
    public Failure {
      problems = List.copyOf(problems);
    }

    /** The crashed run's trace (its crashed segment and the recovered ones). */
    public AgentTrace trace() {
      return run.trace();
    }

    /** The span id of the segment that crashed at this point, to mark it in a tree or report. */
    public Optional<String> crashedSegmentSpanId() {
      return trace().segments().stream().filter(segment -> segment.outcome() == SegmentOutcome.CRASHED).findFirst()
          .map(segment -> segment.span().spanId());
    }
  }

  CrashExplorationResult(String agentName, AgentRun<?> uncrashed, List<CrashPoint> points, List<Failure> failures) {
    this.agentName = agentName;
    this.uncrashed = uncrashed;
    this.points = List.copyOf(points);
    this.failures = List.copyOf(failures);
  }

  public String agentName() {
    return agentName;
  }

  /** The run without a crash that every crash point is compared with. */
  public AgentRun<?> uncrashedRun() {
    return uncrashed;
  }

  /** The uncrashed run's trace. */
  public AgentTrace uncrashedTrace() {
    return uncrashed.trace();
  }

  /** Every crash point tried, in order. */
  public List<CrashPoint> crashPoints() {
    return points;
  }

  public List<Failure> failures() {
    return failures;
  }

  public Optional<Failure> firstFailure() {
    return failures.stream().findFirst();
  }

  public boolean allRecovered() {
    return failures.isEmpty();
  }

  /**
   * A readable report: a line per failing point and its problems, then both traces of the first failure. It ends up
   * in failure messages and CI logs, so secrets are redacted by the default {@link RedactionPolicy}.
   */
  public String describe() {
    return RedactionPolicy.defaults().redactPlainText(text());
  }

  private String text() {
    StringBuilder text = new StringBuilder("Crash exploration of ").append(agentName).append(": ");
    if (failures.isEmpty()) {
      return text.append("all ").append(points.size()).append(" crash points recovered exactly once.").toString();
    }
    text.append(failures.size()).append(" of ").append(points.size())
        .append(" crash points did not recover exactly once.\n");
    for (Failure failure : failures) {
      text.append("\n✗ crash ").append(failure.point().description()).append('\n');
      failure.problems().forEach(problem -> text.append("    - ").append(problem).append('\n'));
    }
    Failure first = failures.get(0);
    text.append("\nUncrashed run:\n").append(uncrashedTrace().toTreeString())
        .append("\nRun crashed ").append(first.point().description()).append(":\n")
        .append(first.trace().toTreeString());
    return text.toString();
  }

  @Override
  public String toString() {
    return describe();
  }
}
