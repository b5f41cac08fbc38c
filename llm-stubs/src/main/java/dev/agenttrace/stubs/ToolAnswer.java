package dev.agenttrace.stubs;

import dev.agenttrace.llm.ToolCall;
import java.util.Objects;

/** One scripted outcome of a tool stub: a fixed result, a thrown exception, or a computed answer. */
record ToolAnswer(String description, ThrowingFunction<ToolCall, String> function) {

  static ToolAnswer returning(String result) {
    Objects.requireNonNull(result, "result");
    return new ToolAnswer("returns " + Text.quote(result), call -> result);
  }

  /** Throws exactly {@code exception}, the same instance on every call. */
  static ToolAnswer throwing(Exception exception) {
    Objects.requireNonNull(exception, "exception");
    String message = exception.getMessage() == null ? "" : ": " + Text.abbreviate(exception.getMessage());
    return new ToolAnswer("throws " + exception.getClass().getSimpleName() + message, call -> {
      throw exception;
    });
  }

  static ToolAnswer answering(ThrowingFunction<ToolCall, String> function) {
    return new ToolAnswer("computed answer", Objects.requireNonNull(function, "function"));
  }

  String apply(ToolCall call) throws Exception {
    return function.apply(call);
  }
}
