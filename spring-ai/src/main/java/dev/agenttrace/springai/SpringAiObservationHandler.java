package dev.agenttrace.springai;

import dev.agenttrace.capture.SharedCapture;
import dev.agenttrace.llm.ChatRequest;
import dev.agenttrace.llm.ToolCall;
import dev.agenttrace.trace.SpanWriter;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationView;
import io.opentelemetry.api.OpenTelemetry;
import java.util.Objects;
import java.util.function.Supplier;
import org.springframework.ai.chat.client.observation.ChatClientObservationContext;
import org.springframework.ai.chat.observation.ChatModelObservationContext;
import org.springframework.ai.tool.observation.ToolCallingObservationContext;

/**
 * A Micrometer {@link ObservationHandler} that writes Spring AI's observations as AgentTrace convention spans, through
 * core's one {@link SpanWriter}:
 *
 * <ul>
 *   <li>a {@code ChatClient} call ({@link ChatClientObservationContext}) → an {@code invoke_agent {agent}} segment,
 *       named by the call's advisor parameter {@link SpringAiTracing#AGENT_NAME}, else the handler's default;</li>
 *   <li>a chat model call ({@link ChatModelObservationContext}) → a {@code chat {model}} span with the prompt's
 *       messages, the tools offered, the reply, finish reason, this call's usage, or the error;</li>
 *   <li>a tool run ({@link ToolCallingObservationContext}) → an {@code execute_tool {tool}} span with the call id of
 *       the LLM call that requested it, the arguments, the result or the error.</li>
 * </ul>
 *
 * Each span's parent is the span of its nearest traced parent observation (advisors are looked through: the chat
 * spans already record what they did to the prompt), else the current OpenTelemetry context. What one observation
 * needs from another lives in the observations' contexts (for chat and tool calls without a parent observation, in a
 * slot of the thread that runs them), never in the handler, so one handler serves any number of concurrent tests.
 *
 * <p>Register it on the {@code ObservationRegistry} that Spring AI's {@code ChatClient}, chat model and
 * {@code ToolCallingManager} use. {@link SpringAiTracing} does that for a plain test; the Spring Boot test
 * auto-configuration for a {@code @SpringBootTest}.
 */
public final class SpringAiObservationHandler implements ObservationHandler<Observation.Context> {
  /** The instrumentation scope of the spans this handler writes. */
  public static final String INSTRUMENTATION_SCOPE = "dev.agenttrace.spring-ai";

  /** The agent name of a {@code ChatClient} call that names none. */
  public static final String DEFAULT_AGENT_NAME = "ChatClient";

  private final Supplier<OpenTelemetry> openTelemetry;
  private final String defaultAgentName;
  private final ThreadLocal<ToolLoop> loopsWithoutParent = ThreadLocal.withInitial(ToolLoop::new);
  private volatile SpanWriter writer;

  private SpringAiObservationHandler(Supplier<OpenTelemetry> openTelemetry, String defaultAgentName) {
    this.openTelemetry = openTelemetry;
    this.defaultAgentName = defaultAgentName;
  }

  /** A handler writing through {@code openTelemetry}: in a plain test, the test's capture's. */
  public static SpringAiObservationHandler writingTo(OpenTelemetry openTelemetry) {
    Objects.requireNonNull(openTelemetry, "openTelemetry");
    return new SpringAiObservationHandler(() -> openTelemetry, DEFAULT_AGENT_NAME);
  }

  /**
   * A handler writing through the JVM's shared global capture ({@link SharedCapture#global()}, looked up at the first
   * observation), which attributes each span to the test whose capture scope is current where the observation starts
   * — the mode of {@code @AgentTest(globalOpenTelemetry = true)}, for a Spring context shared by many tests.
   */
  public static SpringAiObservationHandler writingToGlobalCapture() {
    return new SpringAiObservationHandler(() -> SharedCapture.global().openTelemetry(), DEFAULT_AGENT_NAME);
  }

  /** This handler with {@code agentName} as the name of {@code ChatClient} calls that name no agent. */
  public SpringAiObservationHandler withDefaultAgentName(String agentName) {
    if (agentName == null || agentName.isBlank()) {
      throw new IllegalArgumentException("The default agent name must not be blank; it names the invoke_agent span "
          + "of a ChatClient call, e.g. \"WeatherAgent\"");
    }
    return new SpringAiObservationHandler(openTelemetry, agentName);
  }

  /** The name of {@code ChatClient} calls that name no agent. */
  public String defaultAgentName() {
    return defaultAgentName;
  }

  @Override
  public boolean supportsContext(Observation.Context context) {
    return context instanceof ChatClientObservationContext
        || context instanceof ChatModelObservationContext
        || context instanceof ToolCallingObservationContext;
  }

  @Override
  public void onStart(Observation.Context context) {
    TracedObservation traced;
    if (context instanceof ChatClientObservationContext client) {
      traced = startAgent(client);
    } else if (context instanceof ChatModelObservationContext chat) {
      traced = startChat(chat);
    } else if (context instanceof ToolCallingObservationContext tool) {
      traced = startTool(tool);
    } else {
      return;
    }
    context.put(TracedObservation.class, traced);
  }

  @Override
  public void onStop(Observation.Context context) {
    TracedObservation traced = TracedObservation.of(context);
    if (traced != null) {
      traced.end(context);
    }
  }

  private AgentObservation startAgent(ChatClientObservationContext client) {
    Object named = client.getRequest().context().get(SpringAiTracing.AGENT_NAME);
    String agentName = named instanceof String name && !name.isBlank() ? name : defaultAgentName;
    return new AgentObservation(writer().agentSegment(agentName)
        .parent(TracedObservation.parentContext(client))
        .execution(null, 0)
        .start());
  }

  private ChatObservation startChat(ChatModelObservationContext chat) {
    ChatRequest request = SpringAiMessages.request(chat.getRequest());
    String provider = chat.getOperationMetadata().provider();
    return new ChatObservation(writer().startChat(TracedObservation.parentContext(chat), request, provider),
        request.model(), loopOf(chat), TracedObservation.nearest(chat, AgentObservation.class));
  }

  private ToolObservation startTool(ToolCallingObservationContext tool) {
    String name = tool.getToolDefinition().name();
    String arguments = tool.getToolCallArguments();
    ToolLoop loop = loopOf(tool);
    String callId = SpringAiVersions.toolCallId(tool).orElseGet(() -> loop.takeCallId(name, arguments));
    return new ToolObservation(writer().startTool(TracedObservation.parentContext(tool),
        new ToolCall(callId, name, arguments)));
  }

  /**
   * The tool loop {@code observation} is part of: its parent observation's (a chat model and its tool calling run
   * under the same parent), else this thread's.
   */
  private ToolLoop loopOf(Observation.Context observation) {
    ObservationView parent = observation.getParentObservation();
    if (parent != null && parent.getContextView() instanceof Observation.Context parentContext) {
      return parentContext.computeIfAbsent(ToolLoop.class, key -> new ToolLoop());
    }
    return loopsWithoutParent.get();
  }

  private SpanWriter writer() {
    SpanWriter current = writer;
    if (current == null) {
      synchronized (this) {
        current = writer;
        if (current == null) {
          current = SpanWriter.of(openTelemetry.get().getTracer(INSTRUMENTATION_SCOPE));
          writer = current;
        }
      }
    }
    return current;
  }
}
