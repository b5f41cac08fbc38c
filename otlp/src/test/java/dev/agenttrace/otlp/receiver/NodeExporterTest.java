package dev.agenttrace.otlp.receiver;

import static dev.agenttrace.otlp.receiver.WeatherAgentAssertions.assertWeatherAgent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.agenttrace.capture.TraceCapture;
import io.opentelemetry.api.common.AttributeKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Node.js process runs the weather agent traced with the official OpenTelemetry JavaScript SDK and its OTLP/HTTP
 * protobuf exporter ({@code src/test/node}, installed with {@code npm ci} there); the test's capture sees its spans.
 * Skipped locally when {@code node_modules} is missing; with {@code CI=true} it always runs.
 */
class NodeExporterTest {
  private static final Path NODE_PROJECT = Path.of("src", "test", "node").toAbsolutePath();

  @Test
  void theSpansOfANodeAgentArriveInTheTestsCapture(@TempDir Path dir) throws Exception {
    boolean installed = Files.isDirectory(NODE_PROJECT.resolve("node_modules/@opentelemetry/exporter-trace-otlp-proto"));
    assumeTrue(installed || "true".equalsIgnoreCase(System.getenv("CI")),
        "run `npm ci` in " + NODE_PROJECT + " to run this test (it always runs with CI=true)");
    assertThat(installed).as("CI=true but %s has no node_modules: run `npm ci` there first", NODE_PROJECT).isTrue();

    try (TraceCapture capture = TraceCapture.create(); OtlpReceiver receiver = OtlpReceiver.start(capture)) {
      ChildProcess.run(List.of("node", "weather-agent.js"), NODE_PROJECT, receiver.exporterEnvironment(),
          dir.resolve("node.log"));
      receiver.awaitSpans(5, Duration.ofSeconds(30));

      assertWeatherAgent(capture.trace());
      assertThat(capture.trace().spans()).allSatisfy(span -> assertThat(span.data().getResource()
          .getAttribute(AttributeKey.stringKey("service.name"))).isEqualTo("node-weather-agent"));
    }
  }
}
