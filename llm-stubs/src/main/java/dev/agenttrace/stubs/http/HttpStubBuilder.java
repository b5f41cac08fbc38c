package dev.agenttrace.stubs.http;

import dev.agenttrace.capture.TraceCapture;
import dev.agenttrace.redaction.RedactionPolicy;
import io.opentelemetry.api.OpenTelemetry;
import java.net.URI;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Function;

/**
 * Options of an HTTP LLM stub ({@code OpenAiStub.builder()}, {@code AnthropicStub.builder()}): port, where its
 * spans go, and record/replay of cassettes.
 *
 * @param <S> the stub type built
 */
public final class HttpStubBuilder<S extends HttpLlmStub> {
  private final Function<HttpStubBuilder<S>, S> factory;
  int port;
  TraceCapture capture;
  OpenTelemetry openTelemetry;
  String responseModel;
  URI recordTarget;
  Path cassette;
  boolean replay;
  RedactionPolicy redaction = RedactionPolicy.defaults();

  /** For stub implementations: {@code factory} builds the stub from these options. */
  public HttpStubBuilder(Function<HttpStubBuilder<S>, S> factory) {
    this.factory = Objects.requireNonNull(factory, "factory");
  }

  /** A fixed port; by default a free one is picked (so stubs and tests run side by side). */
  public HttpStubBuilder<S> port(int port) {
    this.port = port;
    return this;
  }

  /**
   * Records a {@code chat {model}} span per call into {@code capture}, parented through {@code traceparent}, and
   * detects an instrumented client's own chat span in it (see {@code SpanConventions.LLM_SERVER_SIDE}).
   */
  public HttpStubBuilder<S> traceTo(TraceCapture capture) {
    this.capture = Objects.requireNonNull(capture, "capture");
    return this;
  }

  /** Records the spans through {@code openTelemetry} (no detection of instrumented clients). */
  public HttpStubBuilder<S> openTelemetry(OpenTelemetry openTelemetry) {
    this.openTelemetry = Objects.requireNonNull(openTelemetry, "openTelemetry");
    return this;
  }

  /** The model of replies that do not set one; default: the request's model. */
  public HttpStubBuilder<S> responseModel(String model) {
    this.responseModel = Objects.requireNonNull(model, "model");
    return this;
  }

  /**
   * Record mode: forwards every chat request to the provider at {@code targetOrigin} (e.g.
   * {@code https://api.openai.com}; the request path is kept) and writes the exchanges, scrubbed, to
   * {@code cassette}.
   */
  public HttpStubBuilder<S> recordTo(URI targetOrigin, Path cassette) {
    this.recordTarget = Objects.requireNonNull(targetOrigin, "targetOrigin");
    this.cassette = Objects.requireNonNull(cassette, "cassette");
    this.replay = false;
    return this;
  }

  /**
   * The secrets scrubbed from recorded cassettes (default: the built-in rules of {@link RedactionPolicy}); the JUnit
   * extension passes the policy configured under {@code agenttrace.redaction.*}.
   */
  public HttpStubBuilder<S> redaction(RedactionPolicy redaction) {
    this.redaction = Objects.requireNonNull(redaction, "redaction");
    return this;
  }

  /** Replay mode: answers from {@code cassette}, offline; requests it does not hold are unmatched. */
  public HttpStubBuilder<S> replayFrom(Path cassette) {
    this.cassette = Objects.requireNonNull(cassette, "cassette");
    this.recordTarget = null;
    this.replay = true;
    return this;
  }

  /** Builds the stub, not yet started. */
  public S build() {
    return factory.apply(this);
  }

  /** Builds and starts the stub. */
  public S start() {
    S stub = build();
    stub.start();
    return stub;
  }
}
