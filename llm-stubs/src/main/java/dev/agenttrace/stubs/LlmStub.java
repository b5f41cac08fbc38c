package dev.agenttrace.stubs;

import dev.agenttrace.llm.ChatRequest;
import dev.agenttrace.llm.ChatResponse;
import dev.agenttrace.llm.LlmClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * A scripted, in-process chat model for agent tests: stub replies by request content, record every request, and
 * fail the test with a near-miss report when a request matches no stubbing.
 *
 * <pre>{@code
 * LlmStub llm = LlmStub.create();
 * llm.whenLastUserMessageContains("Paris").replyWithToolCall("get_weather", "{\"city\":\"Paris\"}");
 * llm.whenLastMessageIsToolResult("get_weather").replyWithText("18°C and sunny in Paris.");
 * }</pre>
 *
 * <p><b>Matching.</b> The most recently added stubbing that matches and is not used up answers (WireMock's
 * rule), so a test can override a general stubbing with a specific one. A request no stubbing matches throws
 * {@link UnmatchedLlmRequestError}, an {@link AssertionError}.
 *
 * <p><b>Defaults.</b> Response ids are {@code resp_1}, {@code resp_2}, ... and generated tool call ids
 * {@code call_1}, {@code call_2}, ..., counted per stub. The response model is the builder's
 * {@link Builder#responseModel}, else the request's model. The finish reason is {@code STOP} for text and
 * {@code TOOL_CALL} for tool calls. Token usage, unless set with {@link ReplyChain#withUsage}, is a deterministic
 * estimate: one token per four characters (rounded up, at least 1) of the request's messages (input) and of the
 * reply (output), counting text, tool call names and arguments, and tool results.
 *
 * <p><b>Threads.</b> Safe for concurrent use; selecting and consuming a reply is atomic, so {@code times(n)} is
 * exact under contention. Latency is simulated outside the lock through the configured sleeper. Instances hold no
 * static state.
 */
public final class LlmStub implements LlmClient {
  private final String providerName;
  private final Consumer<Duration> sleeper;
  private final ResponseDefaults defaults;
  private final LlmStubbings stubbings = new LlmStubbings();
  private final List<ChatRequest> requests = new ArrayList<>();

  private LlmStub(Builder builder) {
    this.providerName = builder.providerName;
    this.sleeper = builder.sleeper;
    this.defaults = new ResponseDefaults(builder.responseModel);
  }

  /** A stub with the defaults: provider {@code openai}, response model = request model, real sleeping. */
  public static LlmStub create() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Stubs requests that satisfy {@code matcher}; build matchers with {@link AgentStubs}. */
  public RequestStubbing when(RequestMatcher matcher) {
    return new RequestStubbing(stubbings, matcher);
  }

  public RequestStubbing whenAnyRequest() {
    return when(AgentStubs.anyRequest());
  }

  /** Stubs requests whose last user message contains {@code fragment}. */
  public RequestStubbing whenLastUserMessageContains(String fragment) {
    return when(AgentStubs.lastUserMessageContains(fragment));
  }

  /** Stubs requests whose last user message contains a match of {@code regex} (anchor it to match it whole). */
  public RequestStubbing whenLastUserMessageMatches(String regex) {
    return when(AgentStubs.lastUserMessageMatches(regex));
  }

  /** Stubs requests whose last message carries the result of a call to {@code toolName}. */
  public RequestStubbing whenLastMessageIsToolResult(String toolName) {
    return when(AgentStubs.lastMessageIsToolResult(toolName));
  }

  /** Stubs the {@code turn}-th chat call this stub receives (1-based). */
  public RequestStubbing whenTurn(int turn) {
    return when(AgentStubs.turn(turn));
  }

  public RequestStubbing whenModel(String model) {
    return when(AgentStubs.model(model));
  }

  /** Stubs requests that offer at least these tools. */
  public RequestStubbing whenToolsOffered(String... toolNames) {
    return when(AgentStubs.toolsOffered(toolNames));
  }

  /** Stubs requests satisfying {@code predicate}; {@code description} names it in failure messages. */
  public RequestStubbing whenRequest(Predicate<ChatRequest> predicate, String description) {
    return when(AgentStubs.request(predicate, description));
  }

  /**
   * Answers {@code request} from the stubbings.
   *
   * @throws UnmatchedLlmRequestError when no stubbing matches
   * @throws dev.agenttrace.llm.LlmException when the matching reply is a failure
   */
  @Override
  public ChatResponse chat(ChatRequest request) {
    Objects.requireNonNull(request, "request");
    Received received = record(request);
    Reply reply = stubbings.answer(received).orElseThrow(() -> new UnmatchedLlmRequestError(
        NearMissRenderer.render(providerName, received, stubbings.nearMisses(received)), request, received.turn()));
    if (!reply.latency().isZero()) {
      sleeper.accept(reply.latency());
    }
    return reply.answer(request, defaults);
  }

  @Override
  public String providerName() {
    return providerName;
  }

  /** Every request received, matched or not, in arrival order. */
  public List<ChatRequest> requests() {
    synchronized (requests) {
      return List.copyOf(requests);
    }
  }

  public int requestCount() {
    synchronized (requests) {
      return requests.size();
    }
  }

  /** Descriptions of the stubbings that never answered, in registration order (for reporting unused stubs). */
  public List<String> unusedStubs() {
    return stubbings.unused();
  }

  @Override
  public String toString() {
    return "LlmStub[" + providerName + ", " + requestCount() + " requests]";
  }

  private Received record(ChatRequest request) {
    synchronized (requests) {
      requests.add(request);
      return new Received(request, requests.size());
    }
  }

  /** Options of an {@link LlmStub}. */
  public static final class Builder {
    private String providerName = "openai";
    private String responseModel;
    private Consumer<Duration> sleeper = Sleepers.threadSleep();

    private Builder() {}

    /** The {@code gen_ai.provider.name} the stub reports; default {@code openai}. */
    public Builder providerName(String name) {
      this.providerName = Objects.requireNonNull(name, "name");
      return this;
    }

    /** The model of replies that do not set one; default: the request's model. */
    public Builder responseModel(String model) {
      this.responseModel = Objects.requireNonNull(model, "model");
      return this;
    }

    /** Simulates latency; default sleeps the thread. Pass a virtual clock's advance so tests never wait. */
    public Builder sleeper(Consumer<Duration> sleeper) {
      this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
      return this;
    }

    public LlmStub build() {
      return new LlmStub(this);
    }
  }
}
