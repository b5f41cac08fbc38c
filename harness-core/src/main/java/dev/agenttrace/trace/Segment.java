package dev.agenttrace.trace;

import dev.agenttrace.llm.Usage;
import io.opentelemetry.sdk.trace.data.LinkData;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Collectors;

/**
 * One segment of active execution of an agent or workflow ({@code invoke_agent {agent}} /
 * {@code invoke_workflow {workflow}}): it runs until the execution waits, completes, fails or crashes. Exposes the
 * segment's place in its {@link Execution}, how it ended, what it waits on, how it resumed, and the LLM calls, tool
 * invocations and steps that ran inside it.
 */
public final class Segment extends SpanView {
  private final List<LlmCall> llmCalls;
  private final List<ToolInvocation> toolInvocations;
  private final List<Step> steps;

  Segment(TraceSpan span, List<LlmCall> llmCalls, List<ToolInvocation> toolInvocations, List<Step> steps) {
    super(span);
    this.llmCalls = List.copyOf(llmCalls);
    this.toolInvocations = List.copyOf(toolInvocations);
    this.steps = List.copyOf(steps);
  }

  /** {@code agenttrace.segment.index} (0 for the first segment); empty when not recorded. */
  public OptionalInt index() {
    return span().attribute(SpanConventions.SEGMENT_INDEX)
        .map(index -> OptionalInt.of(index.intValue())).orElse(OptionalInt.empty());
  }

  /** {@code agenttrace.segment.outcome}; {@link SegmentOutcome#UNKNOWN} when not recorded. */
  public SegmentOutcome outcome() {
    return SegmentOutcome.fromWireValue(span().attribute(SpanConventions.SEGMENT_OUTCOME).orElse(null));
  }

  /** {@code agenttrace.execution.id}; empty when the span does not carry one. */
  public Optional<String> executionId() {
    return span().attribute(SpanConventions.EXECUTION_ID);
  }

  /** Whether this segment belongs to an agent or a workflow. */
  public SpanCategory category() {
    return span().category();
  }

  /** {@code gen_ai.agent.name}, else the name in the span name. */
  public String agentName() {
    String operation = span().category() == SpanCategory.WORKFLOW_SEGMENT
        ? SpanConventions.OP_INVOKE_WORKFLOW : SpanConventions.OP_INVOKE_AGENT;
    return span().attribute(SpanConventions.GEN_AI_AGENT_NAME)
        .orElseGet(() -> SpanNames.subject(span().name(), operation));
  }

  /** What the segment waits on (its {@code agenttrace.wait} event); empty when it did not pause. */
  public Optional<WaitInfo> waitInfo() {
    return span().event(SpanConventions.EVENT_WAIT).map(WaitInfo::of);
  }

  /**
   * Every wait the segment paused on, in order: one {@code agenttrace.wait} event each — several when the agent
   * entered them at once ({@code AgentContext.awaitAll}). {@link #waitInfo()} is the first.
   */
  public List<WaitInfo> waits() {
    return span().events().stream().filter(event -> event.getName().equals(SpanConventions.EVENT_WAIT))
        .map(WaitInfo::of).toList();
  }

  public Optional<WaitKind> waitKind() {
    return waitInfo().map(WaitInfo::kind);
  }

  /** How the segment resumed (its {@code agenttrace.resume} event); empty for a first segment. */
  public Optional<ResumeInfo> resumeInfo() {
    return span().event(SpanConventions.EVENT_RESUME).map(ResumeInfo::of);
  }

  /** True when this segment continues an earlier one. */
  public boolean isResumed() {
    return previousSpanId().isPresent() || resumeInfo().isPresent();
  }

  /** True when the segment carries the {@code agenttrace.complete} event. */
  public boolean isCompletion() {
    return span().event(SpanConventions.EVENT_COMPLETE).isPresent();
  }

  /**
   * The span id of the segment this one continues: {@code agenttrace.segment.previous_span_id}, else the first span
   * link.
   */
  public Optional<String> previousSpanId() {
    return span().attribute(SpanConventions.SEGMENT_PREVIOUS_SPAN_ID)
        .or(() -> span().links().stream().findFirst().map(LinkData::getSpanContext).map(context -> context.getSpanId()));
  }

  /** How many journaled operations this segment replayed without running them. */
  public long replayed() {
    return span().attribute(SpanConventions.RESUME_REPLAYED).orElse(0L);
  }

  /** The segment's recorded usage totals, else the sum over its LLM calls. */
  public Usage usage() {
    if (SpanUsage.isRecorded(span())) {
      return SpanUsage.of(span());
    }
    return llmCalls.stream().map(LlmCall::usage).reduce(Usage.NONE, Usage::plus);
  }

  /** The LLM calls made in this segment, in start order. */
  public List<LlmCall> llmCalls() {
    return llmCalls;
  }

  /** The tools run for this segment (they may end after the segment), in start order. */
  public List<ToolInvocation> toolInvocations() {
    return toolInvocations;
  }

  /** The steps run in this segment, in start order. */
  public List<Step> steps() {
    return steps;
  }

  /** {@code "segment 0 · waiting on tool get_weather"}, the essence shown in trace renderings. */
  public String describe() {
    StringBuilder text = new StringBuilder("segment ");
    OptionalInt index = index();
    text.append(index.isPresent() ? String.valueOf(index.getAsInt()) : "?");
    resumeInfo().ifPresent(resume -> {
      text.append(" · resumed");
      if (!resume.cause().isEmpty()) {
        text.append(" by ").append(resume.cause());
      }
      if (!resume.waited().isZero()) {
        text.append(" after ").append(TraceText.duration(resume.waited()));
      }
    });
    if (replayed() > 0) {
      text.append(" · replayed ").append(replayed());
    }
    SegmentOutcome outcome = outcome();
    text.append(" · ");
    if (outcome == SegmentOutcome.WAITING) {
      List<WaitInfo> waits = waits();
      text.append("waiting on ").append(waits.isEmpty() ? "unknown"
          : waits.stream().map(WaitInfo::describe).collect(Collectors.joining(" + ")));
    } else if (outcome == SegmentOutcome.UNKNOWN) {
      text.append("outcome unknown");
    } else {
      text.append(outcome.wireValue());
    }
    return text.toString();
  }

  @Override
  public String toString() {
    return "Segment[" + agentName() + " " + describe() + "]";
  }
}
