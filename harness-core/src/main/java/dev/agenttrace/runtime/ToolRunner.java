package dev.agenttrace.runtime;

import dev.agenttrace.llm.ToolCall;
import dev.agenttrace.trace.ToolSpan;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the tool calls of one tool wait, journaling progress after every call so that a crash in the middle of the
 * wait re-runs no finished tool. A non-idempotent tool is marked in flight in the journal before it starts; if the
 * process dies while it runs, recovery never starts it again and reports a {@link ToolOutcomeUnknownException}.
 */
final class ToolRunner {
  /** The outcomes, one per call in order, and a stub misconfiguration that must fail the run, if any. */
  record Result(List<ToolOutcome> outcomes, Error fatal) {}

  private final AgentRun<?> run;
  private final HarnessServices services;
  private final Wait wait;
  private final JournalEntry pending;

  ToolRunner(AgentRun<?> run, HarnessServices services, Wait wait, JournalEntry pending) {
    this.run = run;
    this.services = services;
    this.wait = wait;
    this.pending = pending;
  }

  Result run(Context requestingSegment) {
    List<ToolOutcome> progress = progress();
    List<ToolOutcome> outcomes = new ArrayList<>();
    Error fatal = null;
    List<ToolCall> calls = wait.toolCalls();
    for (int i = 0; i < calls.size(); i++) {
      ToolCall call = calls.get(i);
      ToolOutcome earlier = i < progress.size() ? progress.get(i) : null;
      if (earlier != null && !earlier.inFlight()) {
        outcomes.add(earlier);   // finished before the crash: never again
        continue;
      }
      boolean idempotent = services.requireTools().isIdempotent(call.name());
      ToolSpan span = services.spans().startTool(requestingSegment, call);
      if (earlier != null && !idempotent) {
        ToolOutcomeUnknownException unknown = new ToolOutcomeUnknownException(call.name(), call.id());
        span.fail(unknown, ErrorTypes.of(unknown));
        outcomes.add(failed(call, unknown));
        journal(outcomes);
        continue;
      }
      if (!idempotent) {
        List<ToolOutcome> marked = new ArrayList<>(outcomes);
        marked.add(ToolOutcome.started(call.id(), call.name(), call.arguments()));
        journal(marked);
      }
      run.recordExecution(wait.key() + "#" + i, OperationKind.TOOLS, call.name());
      try (Scope scope = span.context().makeCurrent()) {
        String result = services.requireTools().execute(call);
        if (run.crashPlannedDuringTool(pending.position(), i)) {
          span.endCrashedBefore("journaling the result of tool " + call.name(), result);
          throw new SimulatedCrash("during tool " + call.name());
        }
        span.end(result);
        outcomes.add(new ToolOutcome(call.id(), call.name(), call.arguments(), result, null, false));
      } catch (SimulatedCrash crash) {
        throw crash;
      } catch (Exception e) {
        span.fail(e, ErrorTypes.of(e));
        outcomes.add(failed(call, e));
      } catch (Error e) {
        span.fail(e, ErrorTypes.of(e));
        outcomes.add(failed(call, e));
        fatal = fatal == null ? e : fatal;
      }
      journal(outcomes);
    }
    return new Result(List.copyOf(outcomes), fatal);
  }

  private static ToolOutcome failed(ToolCall call, Throwable error) {
    return new ToolOutcome(call.id(), call.name(), call.arguments(), null, RecordedFailure.of(error), false);
  }

  @SuppressWarnings("unchecked")
  private List<ToolOutcome> progress() {
    JournalEntry current = services.journal().entries(run.executionId()).get(pending.position());
    return current.value() instanceof List<?> list ? (List<ToolOutcome>) list : List.of();
  }

  /** Keeps the wait pending, with the outcomes so far as its value. */
  private void journal(List<ToolOutcome> soFar) {
    services.journal().replace(run.executionId(), new JournalEntry(pending.position(), pending.kind(), pending.key(),
        pending.description(), List.copyOf(soFar), null, wait));
  }
}
