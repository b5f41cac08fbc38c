package dev.agenttrace.junit;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.List;
import java.util.Map;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/** Runs test classes through a real JUnit Jupiter engine and hands back what happened. */
final class TestKit {
  private TestKit() {}

  static EngineExecutionResults run(Class<?> testClass) {
    return run(testClass, Map.of());
  }

  static EngineExecutionResults run(Class<?> testClass, Map<String, String> configuration) {
    return EngineTestKit.engine("junit-jupiter")
        .configurationParameters(configuration)
        .selectors(selectClass(testClass))
        .execute();
  }

  static List<Throwable> failures(EngineExecutionResults results) {
    return results.testEvents().failed().stream()
        .map(Event::getPayload)
        .map(payload -> payload.orElseThrow())
        .map(payload -> ((TestExecutionResult) payload).getThrowable().orElseThrow())
        .toList();
  }

  static Throwable onlyFailure(EngineExecutionResults results) {
    List<Throwable> failures = failures(results);
    if (failures.size() != 1) {
      throw new AssertionError("expected exactly one failed test but got " + failures.size() + ": " + failures
          + "\nall events: " + results.allEvents().list());
    }
    return failures.get(0);
  }
}
