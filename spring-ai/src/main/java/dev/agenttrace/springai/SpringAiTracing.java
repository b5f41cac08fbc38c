package dev.agenttrace.springai;

import dev.agenttrace.capture.TraceCapture;
import io.micrometer.observation.ObservationRegistry;
import io.opentelemetry.api.OpenTelemetry;
import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.model.tool.DefaultToolCallingManager;
import org.springframework.ai.model.tool.ToolCallingManager;
import org.springframework.ai.tool.execution.DefaultToolExecutionExceptionProcessor;
import org.springframework.ai.tool.execution.ToolExecutionExceptionProcessor;

/**
 * Spring AI traced into one test's capture: an {@link ObservationRegistry} that writes Spring AI's observations as
 * convention spans ({@link SpringAiObservationHandler}), and a {@link ToolCallingManager} that observes tool runs in
 * it and records failing tools as errors. Inject it into an {@code @AgentTest} method and hand it to Spring AI:
 *
 * <pre>{@code
 * @AgentTest
 * class WeatherChatClientTest {
 *   @Test
 *   void answers(SpringAiTracing tracing, OpenAiStub openAi, Supplier<AgentTrace> trace) {
 *     OpenAiChatModel model = OpenAiChatModel.builder()
 *         .openAiApi(OpenAiApi.builder().baseUrl(openAi.baseUrl()).apiKey("test").build())
 *         .defaultOptions(OpenAiChatOptions.builder().model("gpt-4o").build())
 *         .observationRegistry(tracing.observationRegistry())
 *         .toolCallingManager(tracing.toolCallingManager())
 *         .build();
 *     ChatClient chat = tracing.chatClientBuilder(model).build();
 *     chat.prompt().user("What's the weather in Paris?").tools(new WeatherTools()).call().content();
 *
 *     assertThat(trace.get()).calledTool("get_weather").hasArguments("{\"city\":\"Paris\"}");
 *   }
 * }
 * }</pre>
 *
 * Name the agent span of a {@code ChatClient} call with the advisor parameter {@link #AGENT_NAME}
 * ({@code .advisors(a -> a.param(SpringAiTracing.AGENT_NAME, "WeatherAgent"))}); unnamed calls are
 * {@value SpringAiObservationHandler#DEFAULT_AGENT_NAME}. One instance per test; build your own with {@link #of}.
 */
public final class SpringAiTracing {
  /**
   * The {@code ChatClient} advisor parameter (request context key) that names a call's {@code invoke_agent} span.
   */
  public static final String AGENT_NAME = "agenttrace.agent.name";

  private final SpringAiObservationHandler handler;
  private final ObservationRegistry registry;
  private final ToolFailureRecorder toolFailures;
  private final ToolCallingManager toolCallingManager;

  private SpringAiTracing(SpringAiObservationHandler handler) {
    this.handler = handler;
    this.registry = ObservationRegistry.create();
    this.registry.observationConfig().observationHandler(handler);
    this.toolFailures = new ToolFailureRecorder(DefaultToolExecutionExceptionProcessor.builder().build(),
        () -> registry);
    this.toolCallingManager = DefaultToolCallingManager.builder()
        .observationRegistry(registry)
        .toolExecutionExceptionProcessor(toolFailures)
        .build();
  }

  /** Spring AI traced into {@code capture}. */
  public static SpringAiTracing of(TraceCapture capture) {
    return of(capture.openTelemetry());
  }

  /** Spring AI traced through {@code openTelemetry}. */
  public static SpringAiTracing of(OpenTelemetry openTelemetry) {
    return new SpringAiTracing(SpringAiObservationHandler.writingTo(openTelemetry));
  }

  /**
   * The registry to give Spring AI: {@code OpenAiChatModel.builder().observationRegistry(…)} (or any chat model's),
   * {@link #chatClientBuilder} (which on Spring AI 2.0 also runs the tools through {@link #toolCallingManager()}).
   * The same instance on every call.
   */
  public ObservationRegistry observationRegistry() {
    return registry;
  }

  /**
   * The tool calling manager to give the chat model ({@code .toolCallingManager(…)}): it observes every tool run in
   * {@link #observationRegistry()} (a chat model's default manager observes nothing) and notes failing tools, which
   * Spring AI otherwise reports to the model as a result, so their spans are errors.
   */
  public ToolCallingManager toolCallingManager() {
    return toolCallingManager;
  }

  /**
   * The exception processor {@link #toolCallingManager()} uses (Spring AI's default, failures noted first), for a
   * tool calling manager built by hand; see {@link ToolFailureRecorder} to wrap a processor of your own.
   */
  public ToolExecutionExceptionProcessor toolExecutionExceptionProcessor() {
    return toolFailures;
  }

  /**
   * A {@code ChatClient} builder for {@code chatModel} observed in {@link #observationRegistry()}; on Spring AI 2.0,
   * whose {@code ChatClient} runs tools itself, with {@link #toolCallingManager()} for them.
   */
  public ChatClient.Builder chatClientBuilder(ChatModel chatModel) {
    return SpringAiVersions.chatClientBuilder(chatModel, registry, toolCallingManager);
  }

  /** The handler writing the spans, to register on an {@code ObservationRegistry} of your own. */
  public SpringAiObservationHandler observationHandler() {
    return handler;
  }
}
