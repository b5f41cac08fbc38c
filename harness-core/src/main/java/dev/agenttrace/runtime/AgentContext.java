package dev.agenttrace.runtime;

import dev.agenttrace.llm.ChatRequest;
import dev.agenttrace.llm.ChatResponse;
import dev.agenttrace.llm.Message;
import dev.agenttrace.llm.ToolCall;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * What an {@link Agent} may do: every call here is a durable operation. Completed operations are journaled; when
 * the runtime re-runs the agent after a wait, they return their journaled result without running again and without
 * a new span. Waits ({@link #callTools}, {@link #sleep}, {@link #waitForEvent}, {@link #awaitApproval}) end the
 * current execution segment; the agent continues in a new segment once the wait is satisfied.
 *
 * <p>Waits unwind the agent with an internal {@link Error}: do not catch {@code Throwable} around these calls.
 */
public interface AgentContext {

  /** Calls the chat model; recorded as a {@code chat {model}} span. */
  ChatResponse chat(ChatRequest request);

  /**
   * Runs the requested tools while the agent waits (the segment ends; each tool gets an {@code execute_tool} span),
   * then returns one tool-result message per call, in order, to append to the conversation.
   *
   * @throws ToolFailedException when a tool threw; the tool span records the error
   */
  List<Message> callTools(List<ToolCall> calls);

  /** {@link #callTools} for one call; returns the tool's result text. */
  String callTool(ToolCall call);

  /** Runs {@code body} once as a journaled step ({@code step {name}} span); replays return its stored result. */
  <T> T step(String name, Supplier<T> body);

  /** {@link #step(String, Supplier)} with an explicit journal key instead of the derived one. */
  <T> T step(String name, String key, Supplier<T> body);

  /** Waits on the virtual clock: the segment ends; tests advance time instead of sleeping. */
  void sleep(Duration duration);

  /** Waits until an event of that name is sent to the run, and returns its payload. */
  String waitForEvent(String name);

  /** Waits for a human decision on {@code name} (human in the loop). */
  Approval awaitApproval(String name);

  /**
   * {@link #awaitApproval(String)} with a deadline on the virtual clock: when {@code timeout} passes without a
   * decision, the agent continues with {@link Approval#expired} (resume cause {@code approval_expired}).
   */
  Approval awaitApproval(String name, Duration timeout);

  /**
   * Enters several waits at once — tool calls, approvals, events — and continues when every one is satisfied: the
   * segment ends with one {@code agenttrace.wait} event per wait, the tools run, the test decides and sends in any
   * order ({@link AgentRun#pendingWaits()} lists what is still awaited), and the agent resumes in one new segment.
   * Each wait is journaled as its own operation, so a crash between two of them replays the ones already satisfied.
   *
   * @throws ToolFailedException when a tool of an {@link Await#tools} wait threw
   * @throws IllegalArgumentException when no wait is given
   */
  Awaited awaitAll(Await<?>... waits);

  /**
   * Runs another agent as a child execution and returns its output: the calling segment ends (a wait of kind
   * {@code child}); the child runs in its own segments, in the same trace, under the segment that called it; when it
   * completes, this agent continues in a new segment. The child's work is journaled under its own execution id, so
   * a crash anywhere in either replays without running anything twice.
   *
   * @throws RuntimeException what the child threw, when it failed
   */
  <I, R> R callAgent(Agent<I, R> child, I input);

  /** The current instant of the virtual clock; journaled, so replays see the same value. */
  Instant now();

  /** A UUID that is deterministic for the execution and journaled. */
  UUID randomUuid();

  /** The id of the running execution (stable across segments). */
  String executionId();
}
