package dev.agenttrace.trace;

import java.util.Optional;

/**
 * A journaled workflow step ({@code step {name}}): its name, journal key, recorded result, duration and error. On
 * replay a step produces no span, so counting steps shows what actually ran.
 */
public final class Step extends SpanView {
  private final String name;

  Step(TraceSpan span) {
    super(span);
    this.name = span().attribute(SpanConventions.STEP_NAME)
        .orElseGet(() -> SpanNames.subject(span().name(), SpanConventions.stepSpanName("").strip()));
  }

  public String name() {
    return name;
  }

  /** The journal key the runtime stored the step under. */
  public Optional<String> key() {
    return span().attribute(SpanConventions.STEP_KEY);
  }

  public Optional<String> result() {
    return span().attribute(SpanConventions.STEP_RESULT);
  }

  @Override
  public String toString() {
    return "Step[" + name + "]";
  }
}
