package dev.agenttrace.trace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agenttrace.llm.ChatResponse;
import dev.agenttrace.llm.FinishReason;
import dev.agenttrace.llm.Message;
import dev.agenttrace.llm.Usage;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TraceTreeRenderingTest {
  private final TraceFixtures fixtures = new TraceFixtures();

  @AfterEach
  void close() {
    fixtures.capture.close();
  }

  @Test
  void rendersOneLinePerSpanWithTheEssenceOfEach() {
    String tree = fixtures.weatherTrace(true, true).toTreeString();

    assertThat(tree.lines()).hasSize(1 + 6);
    assertThat(tree.lines().findFirst().orElseThrow()).isEqualTo("AgentTrace: 1 execution · 2 segments · "
        + "2 LLM calls · 1 tool call · 0 errors · 0 unfinished spans · 6 spans");
    assertThat(tree).contains(
        "invoke_agent weather [segment 0 · waiting on tool get_weather · tokens 12 in / 5 out] 4ms\n",
        "├─ chat gpt-4o [model gpt-4o-2024-08-06 · tool_call · → tool_call get_weather {\"city\":\"Paris\"}"
            + " · tokens 12 in / 5 out] 3ms\n",
        "└─ execute_tool get_weather [{\"city\":\"Paris\"} → {\"temp\":21,\"sky\":\"sunny\"}] 6ms\n",
        "invoke_agent weather [segment 1 · resumed by tool_result after 7ms · replayed 1 · completed"
            + " · tokens 30 in / 8 out] 5ms\n",
        "├─ step format [→ 21°C, sunny] 1ms\n",
        "└─ chat gpt-4o [model gpt-4o-2024-08-06 · stop · → \"It is sunny in Paris, 21°C.\" · tokens 30 in / 8 out] 4ms");
  }

  @Test
  void marksTheGivenSpan() {
    AgentTrace trace = fixtures.weatherTrace(true, true);
    ToolInvocation tool = trace.toolInvocations().get(0);

    String tree = trace.toTreeString(tool.span().spanId());

    assertThat(tree).contains("└─ ▶ execute_tool get_weather [").contains("6ms  ◀ here\n");
    assertThat(tree.lines().filter(line -> line.contains("▶"))).hasSize(1);
  }

  @Test
  void rendersErrorsAndNestedIndentation() {
    Span segment = fixtures.segment("weather", 0, "e", null, false).startSpan();
    Span outer = fixtures.child(segment, "outer", SpanKind.CLIENT).startSpan();
    Span inner = fixtures.child(outer, "inner", SpanKind.INTERNAL).startSpan();
    inner.recordException(new IllegalArgumentException("no city"));
    inner.setStatus(StatusCode.ERROR);
    inner.end();
    outer.end();
    fixtures.advance(1);
    fixtures.child(segment, "last", SpanKind.INTERNAL).startSpan().end();
    segment.end();

    String tree = fixtures.capture.trace().toTreeString();

    assertThat(tree).contains("├─ outer [CLIENT] 0µs\n"
        + "│  └─ inner 0µs  ✗ java.lang.IllegalArgumentException: no city\n"
        + "└─ last 0µs\n");
  }

  @Test
  void abbreviatesLongValuesAndShowsNewlines() {
    Span segment = fixtures.segment("weather", 0, "e", null, false).startSpan();
    Span chat = fixtures.child(segment, SpanConventions.chatSpanName("gpt-4o"), SpanKind.CLIENT).startSpan();
    String reply = "line one\nline two " + "x".repeat(5_000);
    TraceFixtures.recordChat(chat, List.of(Message.user("hi")),
        new ChatResponse("r", "gpt-4o", Message.assistant(reply), FinishReason.STOP, Usage.NONE));
    chat.end();
    segment.end();

    String tree = fixtures.capture.trace().toTreeString();

    int kept = TraceText.DEFAULT_MAX_CHARS;
    assertThat(tree).contains("→ \"line one⏎line two xxx")
        .contains("…(+" + String.format(java.util.Locale.ROOT, "%,d", reply.length() - kept) + " chars)\"");
  }

  @Test
  void hugeValuesDoNotBlowUpTheOutput() {
    String fiveMegabytes = "{\"data\":\"" + "y".repeat(5 * 1024 * 1024) + "\"}";
    Span segment = fixtures.segment("weather", 0, "e", null, false).startSpan();
    Span chat = fixtures.child(segment, SpanConventions.chatSpanName("gpt-4o"), SpanKind.CLIENT).startSpan();
    TraceFixtures.recordChat(chat, List.of(Message.user(fiveMegabytes)),
        new ChatResponse("r", "gpt-4o", Message.assistant(fiveMegabytes), FinishReason.STOP, Usage.NONE));
    chat.end();
    fixtures.child(segment, SpanConventions.toolSpanName("dump"), SpanKind.INTERNAL)
        .setAttribute(SpanConventions.GEN_AI_OPERATION_NAME, SpanConventions.OP_EXECUTE_TOOL)
        .setAttribute(SpanConventions.GEN_AI_TOOL_CALL_ARGUMENTS, fiveMegabytes)
        .setAttribute(SpanConventions.GEN_AI_TOOL_CALL_RESULT, fiveMegabytes)
        .startSpan().end();
    fixtures.child(segment, "step " + fiveMegabytes, SpanKind.INTERNAL)
        .setAttribute(SpanConventions.STEP_NAME, fiveMegabytes)
        .setAttribute(SpanConventions.STEP_RESULT, fiveMegabytes).startSpan().end();
    segment.end();

    String tree = fixtures.capture.trace().toTreeString();

    assertThat(tree.length()).isLessThan(3_000);
    assertThat(tree).contains("…(+5,242,").contains(" chars)");
  }

  @Test
  void listsUnfinishedSpansWithThreadAndStartSiteHint() {
    Span open = fixtures.segment("weather", 0, "e", null, false).startSpan();
    fixtures.child(open, "finished child", SpanKind.INTERNAL).startSpan().end();

    AgentTrace trace = fixtures.capture.trace();
    String tree = trace.toTreeString(open.getSpanContext().getSpanId());

    assertThat(trace.unfinishedSpans()).hasSize(1);
    assertThat(tree).contains("1 unfinished span")
        .contains("finished child 0µs  ⚠ orphan: parent " + open.getSpanContext().getSpanId()
            + " ('invoke_agent weather') never ended")
        .contains("Unfinished spans (1):\n  ▶ ⧗ invoke_agent weather · span " + open.getSpanContext().getSpanId()
            + " · thread \"" + Thread.currentThread().getName() + "\"  ◀ here\n")
        .contains("-Dagenttrace.capture.start-sites=true");
    open.end();
  }
}
