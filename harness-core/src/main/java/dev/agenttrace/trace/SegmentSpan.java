package dev.agenttrace.trace;

import static dev.agenttrace.trace.SpanConventions.*;

import dev.agenttrace.llm.Usage;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * An execution segment span being written ({@code invoke_agent {agent}} / {@code invoke_workflow {workflow}}): its
 * state transitions as events — {@link #resumed resumed}, {@link #waiting waiting}, {@link #decided decided},
 * {@link #crashedBefore crashed} — and, at {@link #end}, its outcome, usage and replay count. Started by {@link SpanWriter#agentSegment} or
 * {@link SpanWriter#workflowSegment}.
 */
public final class SegmentSpan extends WrittenSpan {
  private boolean resumed;

  private SegmentSpan(Span span, Context parent) {
    super(span, parent);
  }

  /** Records the {@code agenttrace.resume} event: this segment continues an earlier one. */
  public SegmentSpan resumed(String cause, long waitedMillis) {
    span().addEvent(EVENT_RESUME, Attributes.of(RESUME_CAUSE, cause, RESUME_WAITED_MS, waitedMillis));
    resumed = true;
    return this;
  }

  /**
   * Records the {@code agenttrace.wait} event: the segment pauses on a wait of {@code kind} journaled under
   * {@code key}; {@code until} for timers, the {@code tools} run for tool waits, else the awaited {@code name}
   * (each {@code null} or empty when it does not apply).
   */
  public SegmentSpan waiting(WaitKind kind, String key, Instant until, List<String> tools, String name) {
    AttributesBuilder attributes = Attributes.builder()
        .put(WAIT_KIND, kind.wireValue())
        .put(WAIT_KEY, key);
    if (until != null) {
      attributes.put(WAIT_UNTIL, until.toString());
    }
    if (tools != null && !tools.isEmpty()) {
      attributes.put(WAIT_TOOLS, tools);
    } else if (name != null && !name.isEmpty()) {
      attributes.put(WAIT_NAME, name);
    }
    span().addEvent(EVENT_WAIT, attributes.build());
    return this;
  }

  /**
   * Records the {@code agenttrace.approval} event on the segment a decision resumes: which approval, whether it was
   * approved, by whom and why (an approval whose deadline passed is recorded as the runtime decided it).
   */
  public SegmentSpan decided(String name, boolean approved, String approver, String comment) {
    span().addEvent(EVENT_APPROVAL, Attributes.of(APPROVAL_NAME, name, APPROVAL_APPROVED, approved,
        APPROVAL_APPROVER, approver, APPROVAL_COMMENT, comment));
    return this;
  }

  /** Records the {@code agenttrace.crash} event: the process died before {@code operation} ran. */
  public SegmentSpan crashedBefore(String operation) {
    span().addEvent(EVENT_CRASH, Attributes.of(CRASH_BEFORE, operation));
    return this;
  }

  /** Marks the segment failed with {@code error} (type {@code errorType}); end it with outcome {@code failed}. */
  public SegmentSpan failed(Throwable error, String errorType) {
    markError(error, errorType);
    return this;
  }

  /**
   * Ends the segment: its outcome, usage totals, how many operations it replayed (recorded on a resumed segment)
   * and, when it completed the execution, the {@code agenttrace.complete} event.
   */
  public void end(SegmentOutcome outcome, Usage usage, int replayed) {
    Span span = span();
    span.setAttribute(SEGMENT_OUTCOME, outcome.wireValue());
    span.setAttribute(GEN_AI_USAGE_INPUT_TOKENS, usage.inputTokens());
    span.setAttribute(GEN_AI_USAGE_OUTPUT_TOKENS, usage.outputTokens());
    if (resumed) {
      span.setAttribute(RESUME_REPLAYED, (long) replayed);
    }
    if (outcome == SegmentOutcome.COMPLETED) {
      span.addEvent(EVENT_COMPLETE);
    }
    span.end();
  }

  /** Configures a segment span before it starts: parent, provider, execution and the segment it continues. */
  public static final class Starter {
    private final SpanBuilder builder;
    private final String agentName;
    private Context parent = Context.current();
    private String provider;
    private String executionId;
    private long index;

    Starter(Tracer tracer, boolean workflow, String name) {
      this.builder = tracer.spanBuilder(workflow ? workflowSegmentName(name) : agentSegmentName(name))
          .setSpanKind(SpanKind.INTERNAL)
          .setAttribute(GEN_AI_OPERATION_NAME, workflow ? OP_INVOKE_WORKFLOW : OP_INVOKE_AGENT);
      this.agentName = name;
    }

    /** The parent context (default: the current one). */
    public Starter parent(Context parent) {
      this.parent = Objects.requireNonNull(parent, "parent");
      return this;
    }

    /** {@code gen_ai.provider.name} of the model the agent calls. */
    public Starter provider(String provider) {
      this.provider = provider;
      return this;
    }

    /** The execution this segment belongs to and its index in it (0 for the first). */
    public Starter execution(String executionId, int index) {
      this.executionId = executionId;
      this.index = index;
      return this;
    }

    /** The segment this one continues: a span link and {@code agenttrace.segment.previous_span_id}. */
    public Starter continuing(SpanContext previous) {
      builder.addLink(previous);
      builder.setAttribute(SEGMENT_PREVIOUS_SPAN_ID, previous.getSpanId());
      return this;
    }

    /** Starts the segment span. */
    public SegmentSpan start() {
      return startWith(Supplier::get);
    }

    /**
     * Starts the segment span through {@code starter}, which calls the supplier it is given — e.g. to start a root
     * span inside a chosen trace ({@code TraceCapture.withRootTraceId}).
     */
    public SegmentSpan startWith(Function<Supplier<Span>, Span> starter) {
      builder.setParent(parent)
          .setAttribute(GEN_AI_PROVIDER_NAME, provider)
          .setAttribute(GEN_AI_AGENT_NAME, agentName)
          .setAttribute(EXECUTION_ID, executionId)
          .setAttribute(SEGMENT_INDEX, index);
      return new SegmentSpan(starter.apply(builder::startSpan), parent);
    }
  }
}
