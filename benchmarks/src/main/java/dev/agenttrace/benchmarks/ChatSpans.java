package dev.agenttrace.benchmarks;

import static dev.agenttrace.trace.SpanConventions.GEN_AI_OPERATION_NAME;
import static dev.agenttrace.trace.SpanConventions.GEN_AI_PROVIDER_NAME;
import static dev.agenttrace.trace.SpanConventions.GEN_AI_REQUEST_MODEL;
import static dev.agenttrace.trace.SpanConventions.GEN_AI_RESPONSE_MODEL;
import static dev.agenttrace.trace.SpanConventions.GEN_AI_USAGE_INPUT_TOKENS;
import static dev.agenttrace.trace.SpanConventions.GEN_AI_USAGE_OUTPUT_TOKENS;
import static dev.agenttrace.trace.SpanConventions.OP_CHAT;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import org.openjdk.jmh.infra.Blackhole;

/** Emits chat spans shaped like the runtime's: three attributes at start, three at end (six in all). */
final class ChatSpans {
  private static final String NAME = "chat gpt-4o";
  private static final String MODEL = "gpt-4o";
  private static final String RESPONSE_MODEL = "gpt-4o-2024-08-06";

  private ChatSpans() {}

  /** Starts, fills and ends {@code count} root chat spans through {@code tracer}; each span goes to {@code sink}. */
  static void emit(Tracer tracer, int count, Blackhole sink) {
    for (int i = 0; i < count; i++) {
      Span span = tracer.spanBuilder(NAME)
          .setSpanKind(SpanKind.CLIENT)
          .setAttribute(GEN_AI_OPERATION_NAME, OP_CHAT)
          .setAttribute(GEN_AI_PROVIDER_NAME, "openai")
          .setAttribute(GEN_AI_REQUEST_MODEL, MODEL)
          .startSpan();
      span.setAttribute(GEN_AI_RESPONSE_MODEL, RESPONSE_MODEL);
      span.setAttribute(GEN_AI_USAGE_INPUT_TOKENS, 42L + i);
      span.setAttribute(GEN_AI_USAGE_OUTPUT_TOKENS, 7L + i);
      span.end();
      sink.consume(span);
    }
  }
}
