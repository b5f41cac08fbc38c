package dev.agenttrace.runtime;

import dev.agenttrace.llm.Message;
import dev.agenttrace.llm.ToolCall;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * One of several waits an agent enters at once with {@link AgentContext#awaitAll}: tool calls, a human approval
 * (with or without a deadline) or an event. Each is journaled as its own operation; the agent continues in a new
 * segment once every one is satisfied, and reads each result with {@link Awaited#get}.
 *
 * <pre>{@code
 * Await<List<Message>> lookups = Await.tools(reply.toolCalls());
 * Await<Approval> refund = Await.approval("refund", Duration.ofHours(24));
 * Awaited done = ctx.awaitAll(lookups, refund);
 * messages.addAll(done.get(lookups));
 * }</pre>
 *
 * @param <T> the type of the result the agent gets
 */
public final class Await<T> {
  private final OperationKind kind;
  private final String name;
  private final List<ToolCall> calls;
  private final Duration timeout;

  private Await(OperationKind kind, String name, List<ToolCall> calls, Duration timeout) {
    this.kind = kind;
    this.name = name;
    this.calls = calls;
    this.timeout = timeout;
  }

  /** The tool calls, run while the agent waits; the result is one tool-result message per call, in order. */
  public static Await<List<Message>> tools(List<ToolCall> calls) {
    if (Objects.requireNonNull(calls, "calls").isEmpty()) {
      throw new IllegalArgumentException("Await.tools(calls) needs at least one tool call");
    }
    return new Await<>(OperationKind.TOOLS, calls.stream().map(ToolCall::name).collect(Collectors.joining(",")),
        List.copyOf(calls), null);
  }

  /** A human decision on {@code name}. */
  public static Await<Approval> approval(String name) {
    return new Await<>(OperationKind.APPROVAL, Objects.requireNonNull(name, "name"), List.of(), null);
  }

  /**
   * A human decision on {@code name} with a deadline on the virtual clock: when {@code timeout} passes without one,
   * the result is {@link Approval#expired}.
   */
  public static Await<Approval> approval(String name, Duration timeout) {
    Objects.requireNonNull(timeout, "timeout");
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("Await.approval(\"" + name + "\", timeout): the timeout must be positive; "
          + "got " + timeout);
    }
    return new Await<>(OperationKind.APPROVAL, Objects.requireNonNull(name, "name"), List.of(), timeout);
  }

  /** An event of that name sent to the run; the result is its payload. */
  public static Await<String> event(String name) {
    return new Await<>(OperationKind.EVENT, Objects.requireNonNull(name, "name"), List.of(), null);
  }

  OperationKind kind() {
    return kind;
  }

  /** The name in the journal key: the tool names, the approval's or the event's name. */
  String name() {
    return name;
  }

  List<ToolCall> calls() {
    return calls;
  }

  /** What the run waits on for this member, journaled under {@code key}, entered at {@code now}. */
  Wait waitFor(String key, Instant now) {
    return switch (kind) {
      case TOOLS -> Wait.tools(key, calls);
      case APPROVAL -> timeout == null ? Wait.approval(key, name) : Wait.approval(key, name, now.plus(timeout));
      default -> Wait.event(key, name);
    };
  }

  /** A decision or event the test gave before the agent asked for it; {@code null} when there is none. */
  Object alreadyGiven(AgentRun<?> run) {
    return switch (kind) {
      case APPROVAL -> run.takeBufferedApproval(name);
      case EVENT -> run.takeBufferedEvent(name);
      default -> null;
    };
  }

  /** Reads like "tools get_weather,get_time", "approval refund", "event paid". */
  @Override
  public String toString() {
    return kind.wireValue() + " " + name;
  }
}
