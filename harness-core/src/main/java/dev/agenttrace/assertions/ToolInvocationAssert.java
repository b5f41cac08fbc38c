package dev.agenttrace.assertions;

import dev.agenttrace.llm.GenAiJson;
import dev.agenttrace.trace.AgentTrace;
import dev.agenttrace.trace.ToolInvocation;
import dev.agenttrace.trace.TraceError;

/** Assertions on one tool invocation: its arguments, result and error. JSON is compared ignoring formatting. */
public class ToolInvocationAssert extends AbstractTraceElementAssert<ToolInvocationAssert, ToolInvocation> {

  public ToolInvocationAssert(ToolInvocation actual, AgentTrace trace) {
    super(actual, trace, ToolInvocationAssert.class);
  }

  @Override
  protected String spanId() {
    return actual.span().spanId();
  }

  /** The arguments equal {@code expectedJson} as JSON (key order and whitespace ignored). */
  public ToolInvocationAssert hasArguments(String expectedJson) {
    isNotNull();
    String arguments = actual.arguments().orElse("");
    if (!JsonText.equivalent(arguments, expectedJson)) {
      failWith("tool '" + actual.name() + "' to be called with " + GenAiJson.normalize(expectedJson),
          GenAiJson.normalize(expectedJson), GenAiJson.normalize(arguments),
          "it was called with " + GenAiJson.normalize(arguments));
    }
    return this;
  }

  /** The arguments text contains {@code fragment}. */
  public ToolInvocationAssert hasArgumentsContaining(String fragment) {
    isNotNull();
    String arguments = actual.arguments().orElse("");
    if (!arguments.contains(fragment)) {
      failWith("the arguments of tool '" + actual.name() + "' to contain " + fragment, fragment, arguments,
          "they were " + arguments);
    }
    return this;
  }

  /** The result equals {@code expected} (as JSON when both are JSON). */
  public ToolInvocationAssert hasResult(String expected) {
    isNotNull();
    String result = actual.result().orElse("");
    if (!JsonText.equivalent(result, expected)) {
      failWith("tool '" + actual.name() + "' to return " + expected, expected, result, "it returned " + result);
    }
    return this;
  }

  public ToolInvocationAssert succeeded() {
    isNotNull();
    actual.error().ifPresent(error -> failWith("tool '" + actual.name() + "' to succeed", "no error",
        error.summary(), "it failed with " + error.summary()));
    return this;
  }

  /** The tool failed with an error of this type (the exception class name or provider error code). */
  public ToolInvocationAssert failedWith(String errorType) {
    isNotNull();
    String type = actual.error().map(TraceError::type).orElse(null);
    if (!errorType.equals(type)) {
      failWith("tool '" + actual.name() + "' to fail with " + errorType, errorType, type,
          type == null ? "it succeeded" : "it failed with " + actual.error().get().summary());
    }
    return this;
  }
}
