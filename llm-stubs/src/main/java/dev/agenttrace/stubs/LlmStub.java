package dev.agenttrace.stubs;

import dev.agenttrace.llm.ChatRequest;
import dev.agenttrace.llm.ChatResponse;
import dev.agenttrace.llm.LlmClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

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
 * <p><b>Scripting.</b> The {@code whenX} methods ({@link LlmScripting}) and the replies ({@link LlmReply},
 * {@link ReplyVocabulary}) are the same on the HTTP stubs {@code OpenAiStub} and {@code AnthropicStub}.
 *
 * <p><b>Matching.</b> The most recently added stubbing that matches and is not used up answers (WireMock's
 * rule), so a test can override a general stubbing with a specific one. A request no stubbing matches throws
 * {@link UnmatchedLlmRequestError}, an {@link AssertionError}.
 *
 * <p><b>Defaults.</b> Response ids are {@code resp_1}, {@code resp_2}, ... and generated tool call ids
 * {@code call_1}, {@code call_2}, ..., counted per stub. The response model is the builder's
 * {@link Builder#responseModel}, else the request's model. The finish reason is {@code STOP} for text and
 * {@code TOOL_CALL} for tool calls. Token usage, unless set with {@link LlmReply#withUsage}, is a deterministic
 * estimate: one token per four characters (rounded up, at least 1) of the request's messages (input) and of the
 * reply (output), counting text, tool call names and arguments, and tool results.
 *
 * <p><b>Threads.</b> Safe for concurrent use; selecting and consuming a reply is atomic, so {@code times(n)} is
 * exact under contention. Latency is simulated outside the lock through the configured sleeper. Instances hold no
 * static state.
 */
public final class LlmStub implements LlmClient, LlmScripting {
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

  /** Stubs requests that satisfy {@code matcher}; the {@code whenX} shorthands come from {@link LlmScripting}. */
  @Override
  public RequestStubbing when(RequestMatcher matcher) {
    return new RequestStubbing(stubbings, matcher);
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
    LlmReply reply = stubbings.answer(received).orElseThrow(() -> new UnmatchedLlmRequestError(
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
