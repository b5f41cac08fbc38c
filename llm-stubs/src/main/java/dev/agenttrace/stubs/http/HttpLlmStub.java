package dev.agenttrace.stubs.http;

import com.jayway.jsonpath.JsonPath;
import dev.agenttrace.capture.TraceCapture;
import dev.agenttrace.llm.ChatRequest;
import dev.agenttrace.stubs.AgentStubs;
import dev.agenttrace.stubs.LlmScripting;
import dev.agenttrace.stubs.LlmStub;
import dev.agenttrace.stubs.RequestMatcher;
import dev.agenttrace.stubs.RequestStubbing;
import io.opentelemetry.api.OpenTelemetry;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * An LLM provider's HTTP API on localhost, for testing agents built on real clients: point the client's base URL at
 * {@link #baseUrl()} and script the replies with the same DSL as the in-process {@link LlmStub}: every
 * {@code whenX} of {@link LlmScripting} and every reply of {@link dev.agenttrace.stubs.LlmReply}, plus
 * {@link #whenJsonPath} on the raw JSON and the HTTP-only faults of {@link HttpFault}. Each request is decoded into
 * a {@link ChatRequest}, answered by the script and encoded in the provider's wire format ({@link WireFormat}); see
 * {@code OpenAiStub}, {@code AnthropicStub} and {@code GeminiStub}. Beyond the script, {@link #chaos} injects faults
 * drawn from a seed and {@link #streamPacing} sends event streams in paced chunks.
 *
 * <p>A request no stubbing matches gets a 404 in the provider's error format whose message is the near-miss report,
 * and is remembered: {@link #verifyNoUnmatchedRequests()} (called by the JUnit extension after each test) fails the
 * test with it even when the client swallowed the error. Each stub owns its server, port and state, so several run
 * side by side. Thread-safe.
 */
public abstract class HttpLlmStub implements LlmScripting, AutoCloseable {
  private final WireFormat format;
  private final LlmStub script;
  private final RawRequests rawRequests = new RawRequests();
  private final List<AssertionError> unmatched = new ArrayList<>();
  private final ServerBehaviour behaviour = new ServerBehaviour();
  private final StubServer server;

  /** For implementations: a stub speaking {@code format}, configured by {@code options}. */
  protected HttpLlmStub(WireFormat format, HttpStubBuilder<?> options) {
    this(List.of(format), options);
  }

  /**
   * For implementations: one server answering several endpoints with one script, e.g. OpenAI's chat completions and
   * Responses API. The first format names the provider and the base URL.
   */
  protected HttpLlmStub(List<WireFormat> formats, HttpStubBuilder<?> options) {
    if (formats.isEmpty()) {
      throw new IllegalArgumentException("An HTTP stub speaks at least one wire format");
    }
    this.format = Objects.requireNonNull(formats.get(0), "format");
    LlmStub.Builder scriptBuilder = LlmStub.builder().providerName(format.providerName());
    if (options.responseModel != null) {
      scriptBuilder.responseModel(options.responseModel);
    }
    this.script = scriptBuilder.build();
    ChatSpanRecorder spans = spanRecorder(options);
    ReplySource recorder = options.recordTarget != null ? new RecordingReplies(options.recordTarget, options.cassette,
        options.redaction) : null;
    List<StubServer.Route> routes = new ArrayList<>();
    for (WireFormat each : formats) {
      ReplySource replies;
      if (recorder != null) {
        replies = recorder;
      } else if (options.replay) {
        replies = new ReplayingReplies(options.cassette, each, this::remember, options.redaction);
      } else {
        replies = new ScriptedReplies(script, each, this::remember, behaviour);
      }
      routes.add(new StubServer.Route(each.chatPathRegex(),
          new ChatEndpoint(each, rawRequests, replies, spans, this::serverUrl)));
    }
    this.server = new StubServer(options.port, routes, behaviour);
  }

  private ChatSpanRecorder spanRecorder(HttpStubBuilder<?> options) {
    TraceCapture capture = options.capture;
    if (capture != null) {
      return new ChatSpanRecorder(capture.tracer(tracerName()), capture::unfinishedSpans, format.providerName());
    }
    OpenTelemetry otel = options.openTelemetry != null ? options.openTelemetry : OpenTelemetry.noop();
    return new ChatSpanRecorder(otel.getTracer(tracerName()), List::of, format.providerName());
  }

  private static String tracerName() {
    return "dev.agenttrace.stubs.http";
  }

  /** Starts the server (on a free port unless one was set); returns this stub. */
  public HttpLlmStub start() {
    server.start();
    return this;
  }

  /** Stops the server; requests, unmatched requests and stubbings stay readable. */
  public void stop() {
    server.stop();
  }

  /** Same as {@link #stop()}. */
  @Override
  public void close() {
    stop();
  }

  /** The base URL to give the client, e.g. {@code http://localhost:51234/v1} for OpenAI. */
  public String baseUrl() {
    return serverUrl() + format.baseUrlSuffix();
  }

  /** The port the server listens on. */
  public int port() {
    if (!server.isRunning()) {
      throw new IllegalStateException("The stub is not running: call start() first");
    }
    return server.port();
  }

  private String serverUrl() {
    return "http://localhost:" + port();
  }

  // ---- Scripting: the one LlmScripting vocabulary, plus matchers on the raw provider JSON ----

  /**
   * Stubs requests that satisfy {@code matcher} (from {@link AgentStubs}, or {@link #jsonPath}); every
   * {@code whenX} of {@link LlmScripting} comes through here.
   */
  @Override
  public RequestStubbing when(RequestMatcher matcher) {
    return script.when(matcher);
  }

  /** Stubs requests whose raw JSON has {@code expected} at {@code jsonPath}. */
  public RequestStubbing whenJsonPath(String jsonPath, Object expected) {
    return when(jsonPath(jsonPath, expected));
  }

  /**
   * A matcher on the raw provider JSON: the value at {@code jsonPath} (Jayway syntax, e.g.
   * {@code $.stream_options.include_usage}) equals {@code expected} (compared as text). Combine it with others via
   * {@link RequestMatcher#and}.
   */
  public RequestMatcher jsonPath(String jsonPath, Object expected) {
    String wanted = String.valueOf(expected);
    return jsonPath(jsonPath, value -> wanted.equals(String.valueOf(value)), jsonPath + " == " + wanted);
  }

  /** A matcher on the raw provider JSON: the value at {@code jsonPath} satisfies {@code test}. */
  public RequestMatcher jsonPath(String jsonPath, Predicate<Object> test, String description) {
    JsonPath compiled = JsonPath.compile(jsonPath);
    return AgentStubs.request(request -> rawRequests.bodyOf(request)
        .map(body -> test.test(compiled.read(body))).orElse(false), "json path " + description);
  }

  // ---- Server behaviour: chaos and stream pacing ----

  /**
   * Injects faults from now on, drawn from {@code chaos}'s seed per request (see {@link Chaos}); replaces earlier
   * chaos and starts its sequence afresh. {@code Chaos.seed(s)} with no rates turns it off.
   */
  public HttpLlmStub chaos(Chaos chaos) {
    behaviour.chaos(new ChaosEngine(Objects.requireNonNull(chaos, "chaos")));
    return this;
  }

  /** The faults injected since the chaos was set, in order. */
  public List<InjectedFault> injectedFaults() {
    return behaviour.chaos().log();
  }

  /**
   * The chaos seed, rates and the faults injected so far, e.g. for an assertion's description
   * ({@code assertThat(answer).as(openAi.chaosReport())}), so a failing run prints how to reproduce it.
   */
  public String chaosReport() {
    return behaviour.chaos().describe();
  }

  /** How event streams go out from now on: whole (default) or in paced chunks (see {@link StreamPacing}). */
  public HttpLlmStub streamPacing(StreamPacing pacing) {
    behaviour.pacing(Objects.requireNonNull(pacing, "pacing"));
    return this;
  }

  // ---- Verification ----

  /** Every chat request received, decoded, in arrival order. */
  public List<ChatRequest> requests() {
    return rawRequests.decoded();
  }

  /** The raw JSON bodies of every chat request, in arrival order (to check parameters the model omits). */
  public List<String> requestBodies() {
    return rawRequests.all();
  }

  public int requestCount() {
    return rawRequests.all().size();
  }

  /** Descriptions of the stubbings that never answered. */
  public List<String> unusedStubs() {
    return script.unusedStubs();
  }

  /** The near-miss reports of the requests that matched no stubbing (or no cassette entry). */
  public List<AssertionError> unmatchedRequests() {
    synchronized (unmatched) {
      return List.copyOf(unmatched);
    }
  }

  /**
   * Returns the unmatched requests' reports and forgets them: for tests that provoke an unmatched request on
   * purpose and assert its report, so that {@link #verifyNoUnmatchedRequests()} passes afterwards.
   */
  public List<AssertionError> takeUnmatchedRequests() {
    synchronized (unmatched) {
      List<AssertionError> taken = List.copyOf(unmatched);
      unmatched.clear();
      return taken;
    }
  }

  /** Fails with every unmatched request's report when there is one, even if the client swallowed the error. */
  public void verifyNoUnmatchedRequests() {
    List<AssertionError> errors = unmatchedRequests();
    if (errors.isEmpty()) {
      return;
    }
    StringBuilder message = new StringBuilder().append(errors.size()).append(" request")
        .append(errors.size() == 1 ? " was" : "s were").append(" not matched by ").append(getClass().getSimpleName())
        .append(" at ").append(server.isRunning() ? baseUrl() : "(stopped)")
        .append(behaviour.chaos().isOn() ? " (" + behaviour.chaos().describe() + ")" : "").append(":\n\n");
    for (AssertionError error : errors) {
      message.append(error.getMessage()).append("\n\n");
    }
    AssertionError failure = new AssertionError(message.toString().strip());
    errors.forEach(failure::addSuppressed);
    throw failure;
  }

  @Override
  public String toString() {
    return getClass().getSimpleName() + "[" + (server.isRunning() ? baseUrl() : "stopped") + ", "
        + requestCount() + " requests]";
  }

  private void remember(AssertionError error) {
    synchronized (unmatched) {
      unmatched.add(error);
    }
  }
}
