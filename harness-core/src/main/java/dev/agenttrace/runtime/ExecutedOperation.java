package dev.agenttrace.runtime;

import java.util.Objects;

/**
 * One real execution of an operation's side effect — an LLM request sent, a tool run, a step body run, a child agent
 * started — as counted by the runtime when it happens (replays are not executions). {@link AgentRun#executions()}
 * lists them; {@link CrashExploration} uses them to prove nothing ran twice.
 *
 * @param executionId the execution that did it (a child agent's id for work inside a child)
 * @param key the journal key of the operation; for a tool, the wait's key and {@code #} and the call's index
 * @param kind the operation kind ({@link OperationKind#TOOLS} for a tool call)
 * @param name the model, tool, step or child agent name
 */
public record ExecutedOperation(String executionId, String key, OperationKind kind, String name) {
  public ExecutedOperation {
    Objects.requireNonNull(executionId, "executionId");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(name, "name");
  }

  /** Reads like {@code "tool get_weather (1:tools:get_weather#0) in WeatherAgent-1"}. */
  public String describe() {
    String what = kind == OperationKind.TOOLS ? "tool" : kind.wireValue();
    return what + " " + name + " (" + key + ") in " + executionId;
  }
}
