package dev.agenttrace.runtime;

import dev.agenttrace.capture.TraceCapture;
import dev.agenttrace.llm.ChatRequest;
import dev.agenttrace.llm.ChatResponse;
import dev.agenttrace.llm.FinishReason;
import dev.agenttrace.llm.LlmClient;
import dev.agenttrace.llm.Message;
import dev.agenttrace.llm.ToolCall;
import dev.agenttrace.llm.ToolExecutor;
import dev.agenttrace.llm.Usage;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/** A real OTel SDK with an in-memory exporter, plus hand-scripted LLM and tools, for testing the runtime alone. */
final class RuntimeFixture implements AutoCloseable {
  final InMemorySpanExporter exporter = InMemorySpanExporter.create();
  final SdkTracerProvider tracerProvider;
  final OpenTelemetrySdk openTelemetry;
  final VirtualClock clock = VirtualClock.create();
  final ScriptedLlm llm = new ScriptedLlm();
  final ScriptedTools tools = new ScriptedTools();

  RuntimeFixture() {
    tracerProvider = SdkTracerProvider.builder()
        .setClock(clock)
        .addSpanProcessor(SimpleSpanProcessor.create(exporter))
        .build();
    openTelemetry = OpenTelemetrySdk.builder().setTracerProvider(tracerProvider).build();
  }

  AgentHarness harness() {
    return AgentHarness.builder().llm(llm).tools(tools).openTelemetry(openTelemetry).clock(clock).build();
  }

  List<SpanData> spans() {
    List<SpanData> spans = new ArrayList<>(exporter.getFinishedSpanItems());
    spans.sort((a, b) -> Long.compare(a.getStartEpochNanos(), b.getStartEpochNanos()));
    return spans;
  }

  List<SpanData> spansNamed(String name) {
    return spans().stream().filter(span -> span.getName().equals(name)).toList();
  }

  static <T> T attr(SpanData span, AttributeKey<T> key) {
    return span.getAttributes().get(key);
  }

  static <T> T attr(EventData event, AttributeKey<T> key) {
    return event.getAttributes().get(key);
  }

  static EventData event(SpanData span, String name) {
    return span.getEvents().stream().filter(e -> e.getName().equals(name)).findFirst()
        .orElseThrow(() -> new AssertionError("no event " + name + " on " + span.getName() + ": " + span.getEvents()));
  }

  @Override
  public void close() {
    openTelemetry.close();
  }

  /** A harness wired to {@code capture} like {@code @AgentTest} does, over the given journal and scripted ports. */
  static AgentHarness capturedHarness(TraceCapture capture, Journal journal, ScriptedLlm llm, ScriptedTools tools) {
    return AgentHarness.builder().journal(journal).llm(llm).tools(tools).openTelemetry(capture.openTelemetry())
        .rootTraceIds(capture::withRootTraceId).traces(capture::trace).build();
  }

  /** The weather conversation: the model asks for Paris' weather, the tool answers, the model sums up. */
  static void scriptWeather(ScriptedLlm llm, ScriptedTools tools) {
    llm.reply(request -> request.lastMessage().role() == dev.agenttrace.llm.Role.TOOL
            ? ScriptedLlm.text("18°C and sunny in Paris.") : null)
        .reply(request -> ScriptedLlm.toolCall("call_" + llm.calls.get(), "get_weather", "{\"city\":\"Paris\"}"));
    tools.on("get_weather", call -> "{\"tempC\":18}");
  }

  /** Answers each request with the first rule whose predicate matches; counts calls. */
  static final class ScriptedLlm implements LlmClient {
    private final List<Function<ChatRequest, ChatResponse>> rules = Collections.synchronizedList(new ArrayList<>());
    final AtomicInteger calls = new AtomicInteger();

    ScriptedLlm reply(Function<ChatRequest, ChatResponse> rule) {
      rules.add(rule);
      return this;
    }

    @Override
    public ChatResponse chat(ChatRequest request) {
      int n = calls.incrementAndGet();
      for (Function<ChatRequest, ChatResponse> rule : rules) {
        ChatResponse response = rule.apply(request);
        if (response != null) {
          return response;
        }
      }
      throw new AssertionError("no scripted reply for call " + n + ": " + request);
    }

    static ChatResponse text(String text) {
      return new ChatResponse("resp-text", "gpt-4o-2024", Message.assistant(text), FinishReason.STOP, Usage.of(20, 8));
    }

    static ChatResponse toolCall(String id, String name, String args) {
      return new ChatResponse("resp-tool", "gpt-4o-2024",
          Message.assistant(null, List.of(new ToolCall(id, name, args))), FinishReason.TOOL_CALL, Usage.of(12, 5));
    }
  }

  /** Tools by name; counts calls. */
  static final class ScriptedTools implements ToolExecutor {
    final Map<String, ToolExecutor> byName = new ConcurrentHashMap<>();
    final AtomicInteger calls = new AtomicInteger();
    final Map<String, AtomicInteger> callsByName = new ConcurrentHashMap<>();
    final java.util.Set<String> nonIdempotent = ConcurrentHashMap.newKeySet();

    @Override
    public boolean isIdempotent(String toolName) {
      return !nonIdempotent.contains(toolName);
    }

    int callCount(String name) {
      return callsByName.getOrDefault(name, new AtomicInteger()).get();
    }

    ScriptedTools on(String name, ToolExecutor executor) {
      byName.put(name, executor);
      return this;
    }

    @Override
    public String execute(ToolCall call) throws Exception {
      calls.incrementAndGet();
      callsByName.computeIfAbsent(call.name(), n -> new AtomicInteger()).incrementAndGet();
      ToolExecutor executor = byName.get(call.name());
      if (executor == null) {
        throw new AssertionError("unstubbed tool " + call.name());
      }
      return executor.execute(call);
    }
  }
}
