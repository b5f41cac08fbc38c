package dev.agenttrace.junit;

import static dev.agenttrace.junit.TestKit.onlyFailure;
import static dev.agenttrace.junit.TestKit.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.agenttrace.stubs.openai.OpenAiStub;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One cassette per test: recorded through the stub parameter against a fake provider, then replayed offline. */
class CassettesTest {
  private static final String KEY = "sk-live-abcdef0123456789";

  @TempDir Path dir;

  @AgentTest
  static class TalksToTheProvider {
    @Test
    void asksOnce(OpenAiStub openAi) throws Exception {
      HttpRequest request = HttpRequest.newBuilder(URI.create(openAi.baseUrl() + "/chat/completions"))
          .header("content-type", "application/json")
          .header("authorization", "Bearer " + KEY)
          .POST(HttpRequest.BodyPublishers.ofString(
              "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}"))
          .build();
      String body = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).body();
      assertThat(body).contains("Hello from the provider");
    }
  }

  @Test
  void recordsTheTestsOwnCassetteOnceAndReplaysItWithoutTheProvider() throws Exception {
    AtomicInteger providerCalls = new AtomicInteger();
    HttpServer provider = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    provider.createContext("/v1/chat/completions", exchange -> {
      providerCalls.incrementAndGet();
      byte[] body = ("{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"model\":\"gpt-4o\",\"choices\":[{\"index\":0,"
          + "\"finish_reason\":\"stop\",\"message\":{\"role\":\"assistant\",\"content\":\"Hello from the provider\"}}]}")
          .getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    provider.start();
    Path cassettes = dir.resolve("cassettes");
    try {
      run(TalksToTheProvider.class, Map.of(Cassettes.MODE_PARAMETER, "record",
          Cassettes.DIR_PARAMETER, cassettes.toString(), ExtensionSettings.CI_PARAMETER, "false",
          Cassettes.ORIGIN_PARAMETER_PREFIX + "openai", "http://localhost:" + provider.getAddress().getPort()))
          .testEvents().assertStatistics(stats -> stats.succeeded(1));
    } finally {
      provider.stop(0);
    }

    Path cassette = cassettes.resolve(TalksToTheProvider.class.getName()).resolve("asksOnce.openai.json");
    assertThat(cassette).exists();
    assertThat(Files.readString(cassette)).contains("Hello from the provider").doesNotContain(KEY);
    assertThat(providerCalls).hasValue(1);

    run(TalksToTheProvider.class, Map.of(Cassettes.MODE_PARAMETER, "replay",
        Cassettes.DIR_PARAMETER, cassettes.toString()))
        .testEvents().assertStatistics(stats -> stats.succeeded(1));
    assertThat(providerCalls).as("replay never reaches the provider").hasValue(1);
  }

  @Test
  void replayWithoutACassetteSaysHowToRecordIt() {
    Throwable failure = onlyFailure(run(TalksToTheProvider.class, Map.of(Cassettes.MODE_PARAMETER, "replay",
        Cassettes.DIR_PARAMETER, dir.toString())));

    assertThat(failure).hasMessageContaining("No openai cassette for " + TalksToTheProvider.class.getName()
        + ".asksOnce").hasMessageContaining("-Dagenttrace.cassettes=record");
  }

  @Test
  void recordingIsRefusedOnCi() {
    Throwable failure = onlyFailure(run(TalksToTheProvider.class, Map.of(Cassettes.MODE_PARAMETER, "record",
        Cassettes.DIR_PARAMETER, dir.toString(), ExtensionSettings.CI_PARAMETER, "true")));

    assertThat(failure).hasMessageContaining("Refusing to record cassettes on CI");
    assertThat(dir).isEmptyDirectory();
  }

  @Test
  void anUnknownModeIsNamed() {
    Throwable failure = onlyFailure(run(TalksToTheProvider.class, Map.of(Cassettes.MODE_PARAMETER, "rewind")));

    assertThat(failure).hasMessageContaining("agenttrace.cassettes=rewind is not a cassette mode; use off, record or "
        + "replay");
  }
}
