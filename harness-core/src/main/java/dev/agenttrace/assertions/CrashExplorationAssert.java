package dev.agenttrace.assertions;

import dev.agenttrace.runtime.CrashExplorationResult;
import dev.agenttrace.runtime.CrashPoint;
import dev.agenttrace.trace.AgentTrace;
import java.util.List;

/**
 * Assertions on what a {@link dev.agenttrace.runtime.CrashExploration} found. A failure is a
 * {@link TraceAssertionError}: it names every crash point that did not recover exactly once and what differed there,
 * shows the uncrashed run's trace, and prints the first failing run's trace with its crashed segment marked.
 *
 * <pre>{@code
 * assertThat(CrashExploration.of(harness, agent, input).explore()).recoveredAtEveryPoint().hasCrashPointCount(8);
 * }</pre>
 */
public class CrashExplorationAssert extends AbstractTraceAssert<CrashExplorationAssert, CrashExplorationResult> {

  public CrashExplorationAssert(CrashExplorationResult actual) {
    super(actual, failingTrace(actual), CrashExplorationAssert.class);
  }

  /** Every crash point recovered to the same outcome, executed nothing twice and shows the same work. */
  public CrashExplorationAssert recoveredAtEveryPoint() {
    isNotNull();
    if (!actual.allRecovered()) {
      CrashExplorationResult.Failure first = actual.firstFailure().orElseThrow();
      StringBuilder found = new StringBuilder().append(actual.failures().size()).append(" of them did not:\n");
      for (CrashExplorationResult.Failure failure : actual.failures()) {
        found.append("\n✗ crash ").append(failure.point().description()).append('\n');
        failure.problems().forEach(problem -> found.append("    - ").append(problem).append('\n'));
      }
      found.append("\nUncrashed run:\n").append(actual.uncrashedTrace().toTreeString())
          .append("\nRun crashed ").append(first.point().description()).append(" (below)");
      fail(expecting(actual.agentName() + " to recover exactly once from a crash at each of its "
              + actual.crashPoints().size() + " crash points").but(found.toString())
              .marking(first.crashedSegmentSpanId().orElse(null)),
          List.of(), actual.failures().stream().map(failure -> failure.point().description()).toList());
    }
    return this;
  }

  /** The exploration tried exactly this many crash points. */
  public CrashExplorationAssert hasCrashPointCount(int expected) {
    isNotNull();
    int count = actual.crashPoints().size();
    if (count != expected) {
      fail(expecting("the exploration of " + actual.agentName() + " to try " + expected + " crash points")
          .but("it tried " + count + ": " + actual.crashPoints().stream().map(CrashPoint::description).toList()),
          expected, count);
    }
    return this;
  }

  /** The trace printed with a failure: the first failing run's, else the uncrashed run's. */
  private static AgentTrace failingTrace(CrashExplorationResult result) {
    if (result == null) {
      return null;
    }
    return result.firstFailure().map(CrashExplorationResult.Failure::trace).orElseGet(result::uncrashedTrace);
  }
}
