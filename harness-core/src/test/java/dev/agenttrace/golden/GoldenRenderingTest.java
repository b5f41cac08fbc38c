package dev.agenttrace.golden;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agenttrace.capture.TraceCapture;
import dev.agenttrace.llm.ChatRequest;
import dev.agenttrace.llm.ChatResponse;
import dev.agenttrace.llm.FinishReason;
import dev.agenttrace.llm.Message;
import dev.agenttrace.llm.Usage;
import dev.agenttrace.trace.AgentTrace;
import dev.agenttrace.trace.ChatSpan;
import dev.agenttrace.trace.SpanWriter;
import dev.agenttrace.trace.TraceSpan;
import io.opentelemetry.context.Context;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class GoldenRenderingTest {
  private final GoldenTraces golden = GoldenTraces.builder().build();

  @Test
  void theCanonicalFormHasAVersionHeaderLfLineEndingsAndOneTrailingNewline() {
    String yaml = golden.render(new GoldenFixture().trace());

    assertThat(yaml).startsWith("format: agenttrace-golden/1\n").endsWith("\n").doesNotEndWith("\n\n")
        .doesNotContain("\r");
  }

  @Test
  void holdsSegmentsLlmRequestsAndResponsesToolsAndUsage() {
    String yaml = golden.render(new GoldenFixture().trace());

    assertThat(yaml)
        .contains("  - agent: weather\n    outcome: completed\n    segments:\n      - waiting\n      - completed\n")
        .contains("    segment: 0\n    outcome: waiting\n    wait:\n      kind: tool\n      key: 0:tools\n")
        .contains("    resumed:\n      cause: tool_result\n      replayed: 1\n")
        .contains("            - role: user\n              text: Weather in Paris?\n")
        .contains("          finish_reason: tool_call\n")
        .contains("        result:\n          sky: sunny\n          temp: 21\n")
        .contains("usage:\n  input_tokens: 42\n  output_tokens: 13\n");
  }

  @Test
  void leavesOutIdsTimestampsThreadsAndHosts() {
    AgentTrace trace = new GoldenFixture().trace();
    String yaml = golden.render(trace);

    for (TraceSpan span : trace.spans()) {
      assertThat(yaml).doesNotContain(span.spanId()).doesNotContain(span.traceId());
    }
    assertThat(yaml).doesNotContain("call_", "chatcmpl", "exec-", "worker-7", "build-host", "2026-01-01T")
        .contains("<uuid-1>", "<timestamp-1>");
  }

  @Test
  void neverWritesSecrets() {
    String yaml = golden.render(new GoldenFixture().trace());

    assertThat(yaml).doesNotContain("sk-live", "sk-ant", "abcdefghij")
        .contains("http.request.header.authorization: <secret>", "http.request.header.x-api-key: <secret>");
  }

  @Test
  void secretsInFreeTextAreRedactedToo() {
    Redactor redactor = new Redactor(java.util.List.of(), java.util.List.of());

    assertThat(redactor.scrubText("curl -H 'Authorization: Bearer abc.def' -H \"x-api-key: sk-ant-api03-xyzxyzxyz\""))
        .doesNotContain("abc.def", "xyzxyz");
    assertThat(redactor.scrubText("key sk-proj-1234567890abcdef and token Bearer eyJhbGciOi.x.y"))
        .isEqualTo("key <secret> and token Bearer <secret>");
  }

  @Test
  void errorsKeepTypeAndMessageButNoStackTrace() {
    GoldenFixture fixture = new GoldenFixture();
    fixture.failingTool = true;

    String yaml = golden.render(fixture.trace());

    assertThat(yaml).contains("        error:\n          type: java.lang.IllegalStateException\n"
        + "          message: service down at line 42\n").doesNotContain("at dev.agenttrace", ".java:");
  }

  @Test
  void theSameRunRendersByteIdenticalDespiteRandomIdsAndToolStartOrder() {
    GoldenFixture first = new GoldenFixture();
    GoldenFixture second = new GoldenFixture();
    second.reverseToolStart = true;

    assertThat(golden.render(second.trace())).isEqualTo(golden.render(first.trace()));
  }

  @Test
  void doesNotDependOnTheDefaultLocale() {
    AgentTrace trace = new GoldenFixture().trace();
    String expected = golden.render(trace);
    Locale original = Locale.getDefault();
    try {
      for (Locale locale : new Locale[] {Locale.forLanguageTag("tr-TR"), Locale.GERMANY, Locale.forLanguageTag("ar-EG")}) {
        Locale.setDefault(locale);
        assertThat(golden.render(trace)).as("rendered in %s", locale).isEqualTo(expected);
      }
    } finally {
      Locale.setDefault(original);
    }
  }

  @Test
  void theRenderingReadsBackToTheSameText() {
    String yaml = golden.render(new GoldenFixture().trace());

    assertThat(GoldenYaml.write(GoldenYaml.read(yaml, java.nio.file.Path.of("x")))).isEqualTo(yaml);
  }

  @Test
  void readsGoldensOfLargeTraces() {
    // beyond SnakeYAML's default 3 MB input limit, in spans of ordinary size like a real 10,000-span golden
    String span = "  - kind: other\n    name: " + "x".repeat(200) + "\n";
    String yaml = "format: agenttrace-golden/1\nspans:\n" + span.repeat(16_000);
    assertThat(yaml.length()).isGreaterThan(3 * 1024 * 1024);

    assertThat(GoldenYaml.read(yaml, java.nio.file.Path.of("big")).path("spans").size()).isEqualTo(16_000);
  }

  @Test
  void anEmptyTraceRendersJustTheHeader() {
    assertThat(golden.render(AgentTrace.empty())).isEqualTo("format: agenttrace-golden/1\nspans: []\n");
  }

  @Test
  void anLlmCallSeenByATracedClientAndByTheStubServerIsWrittenOnce() {
    try (TraceCapture capture = TraceCapture.create()) {
      SpanWriter writer = SpanWriter.of(capture.tracer("golden-test"));
      ChatRequest request = ChatRequest.of("gpt-4o", Message.user("Weather in Paris?"));
      ChatResponse response = new ChatResponse("r1", "gpt-4o", Message.assistant("Sunny."), FinishReason.STOP,
          Usage.of(5, 2));
      ChatSpan client = writer.startChat(Context.root(), request, "openai");
      writer.startObservedChat(client.context(), request, "openai", "http://localhost:40123", true).end(response);
      client.end(response);

      String yaml = golden.render(capture.trace());

      assertThat(yaml).containsOnlyOnce("kind: llm_call").doesNotContain("localhost").doesNotContain("server_side");
    }
  }
}
