package dev.agenttrace.otlp.receiver;

import static dev.agenttrace.otlp.receiver.WeatherAgentAssertions.assertWeatherAgent;
import static org.assertj.core.api.Assertions.assertThat;

import dev.agenttrace.capture.TraceCapture;
import io.opentelemetry.api.common.AttributeKey;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A separate JVM runs the weather agent traced with the stock OpenTelemetry SDK and OTLP/HTTP exporter, pointed at
 * the receiver by the standard environment variable; the test's capture sees its spans and the assertions pass.
 */
class OutOfProcessJvmTest {
  @Test
  void theSpansOfAnAgentInAnotherJvmArriveInTheTestsCapture(@TempDir Path dir) throws Exception {
    try (TraceCapture capture = TraceCapture.create(); OtlpReceiver receiver = OtlpReceiver.start(capture)) {
      String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();

      ChildProcess.run(List.of(java, "-cp", System.getProperty("java.class.path"),
          ExternalWeatherAgent.class.getName()), dir, receiver.exporterEnvironment(), dir.resolve("agent.log"));
      receiver.awaitSpans(5, Duration.ofSeconds(30));

      assertWeatherAgent(capture.trace());
      assertThat(capture.trace().spans()).allSatisfy(span -> assertThat(span.data().getResource()
          .getAttribute(AttributeKey.stringKey("service.name"))).isEqualTo("external-weather-agent"));
    }
  }
}
