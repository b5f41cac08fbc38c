package dev.agenttrace.runtime;

import dev.agenttrace.llm.LlmException;

/** The {@code error.type} the runtime records for a failure: an LLM's or a tool's own type, else the class name. */
final class ErrorTypes {
  private ErrorTypes() {}

  static String of(Throwable error) {
    if (error instanceof LlmException llmError) {
      return llmError.errorType();
    }
    if (error instanceof ToolFailedException toolError) {
      return toolError.errorType();
    }
    return error.getClass().getName();
  }
}
