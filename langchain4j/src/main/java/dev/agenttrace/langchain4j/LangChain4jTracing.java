package dev.agenttrace.langchain4j;

import dev.agenttrace.capture.TraceCapture;
import dev.agenttrace.trace.SpanWriter;
import dev.langchain4j.agentic.observability.AgentListener;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.listener.ChatModelListener;
import dev.langchain4j.observability.api.listener.AiServiceListener;
import dev.langchain4j.service.AiServices;
import dev.langchain4j.service.tool.BeforeToolExecution;
import dev.langchain4j.service.tool.ToolErrorContext;
import dev.langchain4j.service.tool.ToolErrorHandlerResult;
import dev.langchain4j.service.tool.ToolExecution;
import dev.langchain4j.service.tool.ToolExecutionErrorHandler;
import io.opentelemetry.api.OpenTelemetry;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Traces LangChain4j agents in AgentTrace's span conventions, through LangChain4j's own listener APIs: an
 * {@code invoke_agent} span per AI-service call or agentic agent, a {@code chat} span per model call (request,
 * response, usage, finish reason, error) and an {@code execute_tool} span per tool execution (call id, arguments,
 * result, error), parented as they ran. In an {@code @AgentTest} declare it as a parameter; each test gets its own,
 * writing into that test's trace:
 *
 * <pre>{@code
 * @Test
 * void answers(OpenAiStub openAi, LangChain4jTracing tracing) {
 *   ChatModel model = OpenAiChatModel.builder().baseUrl(openAi.baseUrl()).apiKey("test").modelName("gpt-4o").build();
 *   WeatherAssistant assistant = tracing.aiService(WeatherAssistant.class, model).tools(new WeatherTools()).build();
 *   ...
 * }</pre>
 *
 * Outside JUnit, {@link #of(OpenTelemetry)} writes through any OpenTelemetry. Thread-safe.
 */
public final class LangChain4jTracing {
  private final ChatModelListener chatModelListener;
  private final AiServiceSpans aiServices;
  private final ToolCalls tools;
  private final SpanWriter writer;
  private final OpenAgents agents;

  private LangChain4jTracing(SpanWriter writer) {
    this.writer = writer;
    this.agents = new OpenAgents();
    this.tools = new ToolCalls(writer);
    this.chatModelListener = new TracingChatModelListener(writer, agents);
    this.aiServices = new AiServiceSpans(writer, agents, tools);
  }

  /** Tracing into {@code openTelemetry} (its tracer {@code dev.agenttrace.langchain4j}). */
  public static LangChain4jTracing of(OpenTelemetry openTelemetry) {
    Objects.requireNonNull(openTelemetry, "openTelemetry");
    return new LangChain4jTracing(SpanWriter.of(openTelemetry.getTracer(LangChain4jTracing.class.getPackageName())));
  }

  /** Tracing into a test's capture. */
  public static LangChain4jTracing of(TraceCapture capture) {
    return of(capture.openTelemetry());
  }

  /**
   * An AI-service builder for {@code service} on {@code model}, traced: {@link #instrument instrumented}, with the
   * model {@link #chatModel(ChatModel) wrapped} so its calls are traced too. Add tools, memory … and build it.
   */
  public <T> AiServices<T> aiService(Class<T> service, ChatModel model) {
    return instrument(AiServices.builder(service).chatModel(chatModel(model)));
  }

  /** The streaming counterpart of {@link #aiService(Class, ChatModel)}. */
  public <T> AiServices<T> aiService(Class<T> service, StreamingChatModel model) {
    return instrument(AiServices.builder(service).streamingChatModel(streamingChatModel(model)));
  }

  /**
   * Instruments an AI-service builder: registers the AI-service listeners (the agent span), the tool hooks and the
   * tool error handler (the tool spans). The model's calls are traced by the model's listener: build the model with
   * {@link #chatModelListener()} or pass it through {@link #chatModel(ChatModel)}.
   *
   * <p>This sets the builder's {@code beforeToolExecution}, {@code afterToolExecution} and
   * {@code toolExecutionErrorHandler}; to keep hooks of your own, set them after this call, composed with
   * {@link #beforeToolExecution()}, {@link #afterToolExecution()} and {@link #toolExecutionErrorHandler(
   * ToolExecutionErrorHandler)}.
   */
  public <T> AiServices<T> instrument(AiServices<T> aiService) {
    return aiService.registerListeners(aiServiceListeners())
        .beforeToolExecution(beforeToolExecution())
        .afterToolExecution(afterToolExecution())
        .toolExecutionErrorHandler(toolExecutionErrorHandler());
  }

  /** {@code model} with the tracing listener added to its own listeners. */
  public ChatModel chatModel(ChatModel model) {
    return new TracedChatModel(Objects.requireNonNull(model, "model"), chatModelListener);
  }

  /** {@code model} with the tracing listener added to its own listeners. */
  public StreamingChatModel streamingChatModel(StreamingChatModel model) {
    return new TracedStreamingChatModel(Objects.requireNonNull(model, "model"), chatModelListener);
  }

  /** The listener that writes a chat span per model call: pass it to a model builder's {@code listeners(...)}. */
  public ChatModelListener chatModelListener() {
    return chatModelListener;
  }

  /** The AI-service listeners that write the agent span (started, completed, error). */
  public List<AiServiceListener<?>> aiServiceListeners() {
    return aiServices.listeners();
  }

  /** The hook that starts a tool span: an AI service's {@code beforeToolExecution}. */
  public Consumer<BeforeToolExecution> beforeToolExecution() {
    return aiServices::beforeTool;
  }

  /** The hook that ends a tool span with the result or the error: an AI service's {@code afterToolExecution}. */
  public Consumer<ToolExecution> afterToolExecution() {
    return aiServices::afterTool;
  }

  /**
   * Records the exception a tool threw on its span and, as LangChain4j does by default, tells the model its message
   * (its class name when it has none). For builders {@link #instrument} does not cover, e.g. agentic agents:
   * {@code .toolExecutionErrorHandler(tracing.toolExecutionErrorHandler())}.
   */
  public ToolExecutionErrorHandler toolExecutionErrorHandler() {
    return toolExecutionErrorHandler(LangChain4jTracing::replyWithTheMessage);
  }

  /**
   * Records the exception a tool threw on its span (type, message, stack) and lets {@code handler} decide what the
   * model is told. Without it a failed tool is still marked failed, with the reply text and
   * {@code error.type=tool_error}.
   */
  public ToolExecutionErrorHandler toolExecutionErrorHandler(ToolExecutionErrorHandler handler) {
    Objects.requireNonNull(handler, "handler");
    return (error, context) -> {
      tools.threw(context.toolExecutionRequest(), error);
      return handler.handle(error, context);
    };
  }

  /**
   * The listener for {@code langchain4j-agentic} systems: register it on the top agent's builder
   * ({@code .listener(tracing.agentListener())}); sub-agents inherit it. Each agent invocation becomes a nested
   * {@code invoke_agent} span with its tools' spans under it. Needs {@code langchain4j-agentic} on the class path.
   */
  public AgentListener agentListener() {
    return new AgenticSpans(writer, agents, tools);
  }

  /** LangChain4j's default: the model is told the exception's message (its class name when it has none). */
  private static ToolErrorHandlerResult replyWithTheMessage(Throwable error, ToolErrorContext context) {
    String message = error.getMessage();
    return ToolErrorHandlerResult.text(message == null || message.isBlank() ? error.getClass().getName() : message);
  }
}
