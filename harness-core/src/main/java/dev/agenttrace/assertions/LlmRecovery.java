package dev.agenttrace.assertions;

import dev.agenttrace.trace.AgentTrace;
import dev.agenttrace.trace.LlmCall;
import dev.agenttrace.trace.SpanConventions;
import dev.agenttrace.trace.TraceSpan;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Whether an agent recovered from failed LLM calls: at least one call failed (span status error: an HTTP error, a
 * time-out, a cut or malformed stream) and every failed call was followed, later in time, by a successful one. The
 * problem text lists the calls in order and, when an HTTP stub injected the failures with {@code Chaos}, the seed
 * ({@code agenttrace.chaos.seed}) that reproduces the run.
 */
final class LlmRecovery {
  static final String EXPECTATION = "the agent to recover from failed LLM calls (a success after every failure)";

  private final List<LlmCall> calls;
  private final AgentTrace trace;

  LlmRecovery(List<LlmCall> calls, AgentTrace trace) {
    this.calls = calls.stream().sorted(Comparator.comparingLong(call -> call.span().startEpochNanos())).toList();
    this.trace = trace;
  }

  /** Why the calls do not show a recovery; empty when they do. */
  Optional<String> problem() {
    int lastFailure = -1;
    for (int i = 0; i < calls.size(); i++) {
      if (calls.get(i).span().isError()) {
        lastFailure = i;
      }
    }
    if (lastFailure < 0) {
      return Optional.of("no LLM call failed, so there was nothing to recover from" + details());
    }
    if (lastFailure == calls.size() - 1) {
      return Optional.of("LLM call #" + calls.size() + " failed and no call succeeded after it" + details());
    }
    return Optional.empty();
  }

  private String details() {
    StringBuilder text = new StringBuilder(":\n");
    for (int i = 0; i < calls.size(); i++) {
      TraceSpan span = calls.get(i).span();
      text.append("  #").append(i + 1).append(' ').append(span.isError() ? "✗ " : "✓ ").append(span.name())
          .append(span.isError() ? " (" + span.attribute(SpanConventions.ERROR_TYPE).orElse("error") + ")" : "")
          .append('\n');
    }
    if (trace != null) {
      String seeds = trace.spans().stream().map(span -> span.attribute(SpanConventions.CHAOS_SEED))
          .flatMap(Optional::stream).distinct().map(String::valueOf).collect(Collectors.joining(", "));
      if (!seeds.isEmpty()) {
        text.append("Faults were injected with chaos seed ").append(seeds)
            .append(": set the same seed to reproduce this run.");
      }
    }
    return text.toString().stripTrailing();
  }
}
