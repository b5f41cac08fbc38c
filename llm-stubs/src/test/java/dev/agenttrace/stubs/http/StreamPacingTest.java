package dev.agenttrace.stubs.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agenttrace.stubs.openai.OpenAiStub;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Paced streams really stream: the client reads the first event while the server still holds the rest (a latch the
 * test opens only after reading it), and gets the whole stream afterwards. With the stream buffered anywhere on the
 * way, the first read would wait for the 20 s hold and the bounded 5 s wait would fail.
 */
class StreamPacingTest {
  private static final String STREAMING_REQUEST = "{\"model\":\"gpt-4o-mini\",\"stream\":true,"
      + "\"messages\":[{\"role\":\"user\",\"content\":\"Weather in Paris?\"}]}";

  private final RawHttp http = new RawHttp();

  @Test
  void theClientSeesTheFirstChunkBeforeTheLastIsSent() throws Exception {
    CountDownLatch firstEventRead = new CountDownLatch(1);
    try (OpenAiStub openAi = OpenAiStub.create().start()) {
      openAi.whenAnyRequest().replyWithText("18°C and sunny in Paris.");
      openAi.streamPacing(StreamPacing.eventsPerChunk(1).holdBeforeChunk(2, firstEventRead, Duration.ofSeconds(20)));

      HttpResponse<InputStream> response = http.postStreamingAsync(openAi.baseUrl() + "/chat/completions",
          STREAMING_REQUEST).get(5, TimeUnit.SECONDS);
      BufferedReader reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8));
      String first = CompletableFuture.supplyAsync(() -> readLine(reader)).get(5, TimeUnit.SECONDS);
      assertThat(firstEventRead.getCount()).as("the server still holds chunk 2").isEqualTo(1);
      firstEventRead.countDown();
      List<String> rest = CompletableFuture.supplyAsync(() -> readAll(reader)).get(5, TimeUnit.SECONDS);

      assertThat(first).startsWith("data: {").contains("\"role\":\"assistant\"");
      assertThat(String.join("\n", rest)).contains("\"content\":\"sunny \"").endsWith("data: [DONE]");
    }
  }

  @Test
  void pacedStreamsCarryTheSameEventsAsWholeOnes() throws Exception {
    try (OpenAiStub openAi = OpenAiStub.create().start()) {
      openAi.whenAnyRequest().replyWithText("18°C and sunny in Paris.").withResponseId("resp_fixed");
      String whole = http.post(openAi.baseUrl() + "/chat/completions", STREAMING_REQUEST).body();
      openAi.streamPacing(StreamPacing.eventsPerChunk(2).pauseBetweenChunks(Duration.ZERO));
      String paced = http.post(openAi.baseUrl() + "/chat/completions", STREAMING_REQUEST).body();

      assertThat(paced).isEqualTo(whole);
      assertThat(SseEvents.split(paced)).hasSize(8);
    }
  }

  @Test
  void badPacingIsRefusedWithTheReason() {
    assertThatThrownBy(() -> StreamPacing.eventsPerChunk(0)).hasMessageContaining("at least 1 event");
    assertThatThrownBy(() -> StreamPacing.eventsPerChunk(1).pauseBetweenChunks(Duration.ofMinutes(1)))
        .hasMessageContaining("between 0 and PT10S");
    assertThatThrownBy(() -> StreamPacing.eventsPerChunk(1).holdBeforeChunk(1, new CountDownLatch(1)))
        .hasMessageContaining("Only chunk 2 or later");
  }

  private static String readLine(BufferedReader reader) {
    try {
      return reader.readLine();
    } catch (java.io.IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> readAll(BufferedReader reader) {
    List<String> lines = new ArrayList<>();
    for (String line = readLine(reader); line != null; line = readLine(reader)) {
      if (!line.isEmpty()) {
        lines.add(line);
      }
    }
    return lines;
  }
}
