package dev.agenttrace.junit;

import static dev.agenttrace.junit.TestKit.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.agenttrace.trace.AgentTrace;
import dev.agenttrace.trace.TraceSpan;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Framework adapters registered as {@code TracingAdapterFactory} services are injected per test and closed after. */
class TracingAdapterParameterTest {
  @AgentTest
  static class UsesTheAdapter {
    private RecordingAdapter fromSetUp;

    @BeforeEach
    void setUp(RecordingAdapter adapter) {
      fromSetUp = adapter;
    }

    @Test
    void oneAdapterPerTestWritingIntoItsTrace(RecordingAdapter adapter, Supplier<AgentTrace> trace) {
      assertThat(adapter).isSameAs(fromSetUp);
      adapter.writeSpan("framework span");

      assertThat(trace.get().spans()).extracting(TraceSpan::name).containsExactly("framework span");
    }

    @Test
    void anotherTestGetsItsOwnAdapterAndTrace(RecordingAdapter adapter, Supplier<AgentTrace> trace) {
      assertThat(adapter).isSameAs(fromSetUp);
      assertThat(trace.get().spans()).isEmpty();
    }
  }

  @Test
  void adaptersAreInjectedPerTestAndClosedWhenTheTestEnds() {
    int closedBefore = RecordingAdapter.CLOSED.size();

    run(UsesTheAdapter.class).testEvents().assertStatistics(stats -> stats.started(2).succeeded(2));

    assertThat(RecordingAdapter.CLOSED.size() - closedBefore).isEqualTo(2);
  }

  @AgentTest
  static class NoAdapterParameter {
    @Test
    void anUnknownParameterTypeIsNotClaimed(StringBuilder notInjectable) {
    }
  }

  @Test
  void typesNoAdapterRegisteredAreLeftToOtherResolvers() {
    assertThat(TestKit.onlyFailure(run(NoAdapterParameter.class)))
        .hasMessageContaining("No ParameterResolver registered for parameter [java.lang.StringBuilder");
  }
}
