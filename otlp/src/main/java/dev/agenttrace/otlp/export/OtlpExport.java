package dev.agenttrace.otlp.export;

import dev.agenttrace.redaction.RedactionPolicy;
import dev.agenttrace.trace.AgentTrace;
import dev.agenttrace.trace.TraceSpan;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporterBuilder;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

/**
 * Sends a test's trace over OTLP/HTTP protobuf to a Collector, Jaeger or Tempo with OpenTelemetry's standard
 * {@link OtlpHttpSpanExporter}, the test's identity added to every span's resource ({@link TestIdentity}). Headers
 * (API keys) come from the environment and are only ever handed to the exporter: never logged, never written, not in
 * {@link #toString()}. A backend that is down or slow costs at most the timeout and returns a failed
 * {@link ExportResult}; {@link #export} never throws. Reuse one instance for a whole run; close it at the end.
 *
 * <pre>{@code
 * try (OtlpExport export = OtlpExport.builder()
 *     .endpoint("http://localhost:4318/v1/traces")
 *     .headersFromEnvironment("AGENTTRACE_OTLP_HEADERS")   // "api-key=...,x-team=agents"
 *     .build()) {
 *   ExportResult result = export.export(trace, TestIdentity.of(testClass, testMethod, displayName));
 *   if (!result.isSuccess()) logger.warning(result.message());
 * }
 * }</pre>
 */
public final class OtlpExport implements AutoCloseable {
  /** The default bound on one export: connecting, sending and waiting for the answer. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

  private final String endpoint;
  private final Duration timeout;
  private final OtlpHttpSpanExporter exporter;
  private final RedactionPolicy redaction;

  private OtlpExport(Builder builder) {
    this.endpoint = builder.endpoint;
    this.redaction = builder.redaction;
    this.timeout = builder.timeout;
    Map<String, String> headers = Map.copyOf(builder.headers);
    OtlpHttpSpanExporterBuilder exporter = OtlpHttpSpanExporter.builder()
        .setEndpoint(endpoint)
        .setTimeout(timeout)
        .setConnectTimeout(timeout)
        .setRetryPolicy(null)   // one attempt: a down backend costs one bounded wait, not a series of retries
        .setHeaders(() -> headers);
    if (builder.gzip) {
      exporter.setCompression("gzip");
    }
    this.exporter = exporter.build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Exports the finished spans of {@code trace}, each with {@code test}'s identity in its resource. Never throws. */
  public ExportResult export(AgentTrace trace, TestIdentity test) {
    Objects.requireNonNull(trace, "trace");
    Objects.requireNonNull(test, "test");
    List<SpanData> spans = new ArrayList<>(trace.size());
    Map<Resource, Resource> identified = new HashMap<>();
    Resource identity = Resource.create(test.attributes());
    for (TraceSpan span : trace.spans()) {
      Resource resource = identified.computeIfAbsent(span.data().getResource(), own -> own.merge(identity));
      spans.add(new ExportedSpan(span.data(), resource, redaction));
    }
    String name = test.shortName();
    if (spans.isEmpty()) {
      return ExportResult.exported(0, endpoint, name);
    }
    try {
      CompletableResultCode result = exporter.export(spans).join(timeout.toMillis() + 1_000, TimeUnit.MILLISECONDS);
      if (result.isSuccess()) {
        return ExportResult.exported(spans.size(), endpoint, name);
      }
      Throwable why = result.getFailureThrowable();
      return ExportResult.failed(spans.size(), endpoint, name, !result.isDone()
          ? "no answer within " + timeout
          : why == null ? "the backend refused the spans (see the exporter's log for its HTTP status)" : describe(why));
    } catch (RuntimeException unexpected) {
      return ExportResult.failed(spans.size(), endpoint, name, describe(unexpected));
    }
  }

  /** Shuts the exporter down. */
  @Override
  public void close() {
    exporter.shutdown().join(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  @Override
  public String toString() {
    return "OtlpExport[" + endpoint + ", timeout " + timeout + "]";
  }

  private static String describe(Throwable failure) {
    Throwable root = failure;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage() == null ? "" : ": " + root.getMessage();
    return root.getClass().getSimpleName() + message;
  }

  /** Configures an {@link OtlpExport}. */
  public static final class Builder {
    private String endpoint = "http://localhost:4318/v1/traces";
    private Duration timeout = DEFAULT_TIMEOUT;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private boolean gzip;
    private RedactionPolicy redaction = RedactionPolicy.defaults();

    private Builder() {}

    /**
     * The policy every exported attribute, event attribute and status description goes through; the built-in one
     * ({@link RedactionPolicy#defaults()}) unless set. Secrets never leave the test, also not towards a backend.
     */
    public Builder redaction(RedactionPolicy redaction) {
      this.redaction = Objects.requireNonNull(redaction, "redaction");
      return this;
    }

    /** The full traces URL, e.g. {@code http://localhost:4318/v1/traces} (the default). */
    public Builder endpoint(String endpoint) {
      Objects.requireNonNull(endpoint, "endpoint");
      if (!endpoint.startsWith("http://") && !endpoint.startsWith("https://")) {
        throw new IllegalArgumentException("The OTLP endpoint must be an http:// or https:// URL such as "
            + "http://localhost:4318/v1/traces, got '" + endpoint + "'");
      }
      this.endpoint = endpoint;
      return this;
    }

    /** The bound on one export (connect, send, answer); {@link #DEFAULT_TIMEOUT} unless set. */
    public Builder timeout(Duration timeout) {
      if (timeout == null || timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("The export timeout must be positive, got " + timeout);
      }
      this.timeout = timeout;
      return this;
    }

    /** Compresses requests with gzip. */
    public Builder gzip(boolean gzip) {
      this.gzip = gzip;
      return this;
    }

    /** Adds one request header. Prefer {@link #headersFromEnvironment(String)} for secrets. */
    public Builder header(String name, String value) {
      headers.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
      return this;
    }

    /**
     * Adds the headers in environment variable {@code variable}, in the format of
     * {@code OTEL_EXPORTER_OTLP_HEADERS}: {@code name=value,name2=value2} with URL-encoded values. An unset
     * variable adds nothing.
     */
    public Builder headersFromEnvironment(String variable) {
      return headersFromEnvironment(variable, System::getenv);
    }

    /** As {@link #headersFromEnvironment(String)}, reading variables through {@code environment}. */
    public Builder headersFromEnvironment(String variable, UnaryOperator<String> environment) {
      String text = environment.apply(Objects.requireNonNull(variable, "variable"));
      if (text == null || text.isBlank()) {
        return this;
      }
      for (String pair : text.split(",")) {
        int equals = pair.indexOf('=');
        if (equals <= 0) {
          // the value is never shown: it may be a secret
          throw new IllegalArgumentException("Environment variable " + variable + " must hold headers as "
              + "name=value,name2=value2; one entry has no name=value form");
        }
        headers.put(pair.substring(0, equals).strip(),
            URLDecoder.decode(pair.substring(equals + 1).strip(), StandardCharsets.UTF_8));
      }
      return this;
    }

    public OtlpExport build() {
      return new OtlpExport(this);
    }
  }
}
