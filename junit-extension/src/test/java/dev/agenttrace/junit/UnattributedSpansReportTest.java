package dev.agenttrace.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agenttrace.capture.SharedCapture;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class UnattributedSpansReportTest {

  @Test
  @SuppressWarnings("try")
  void reportsSpansNoTestClaimedSinceTheReportStarted() {
    try (SharedCapture shared = SharedCapture.create()) {
      shared.openTelemetry().getTracer("pool").spanBuilder("before the run").startSpan().end();
      List<String> printed = new ArrayList<>();
      UnattributedSpansReport report = new UnattributedSpansReport(shared, printed::add);

      shared.openTelemetry().getTracer("pool").spanBuilder("orphaned work").startSpan().end();
      var scope = shared.openScope("a test");
      try (var ignored = scope.makeCurrent()) {
        shared.openTelemetry().getTracer("app").spanBuilder("claimed").startSpan().end();
      }
      report.close();

      assertThat(printed).singleElement().asString()
          .contains("1 span reached GlobalOpenTelemetry outside any test's context")
          .contains("'orphaned work'")
          .doesNotContain("before the run")
          .doesNotContain("claimed")
          .contains("Context.taskWrapping(executor)");
    }
  }

  @Test
  void staysQuietWhenEverySpanWasClaimed() {
    try (SharedCapture shared = SharedCapture.create()) {
      List<String> printed = new ArrayList<>();
      new UnattributedSpansReport(shared, printed::add).close();
      assertThat(printed).isEmpty();
    }
  }
}
