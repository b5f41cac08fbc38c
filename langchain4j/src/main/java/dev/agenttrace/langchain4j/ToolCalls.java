package dev.agenttrace.langchain4j;

import dev.agenttrace.trace.SpanWriter;
import dev.agenttrace.trace.ToolSpan;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.service.tool.ToolExecution;
import io.opentelemetry.context.Context;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * The {@code execute_tool {tool}} spans of tool executions LangChain4j reports through its before/after hooks: one
 * span per execution, keyed by the request object LangChain4j hands to both hooks (and to the error handler). A
 * failure the error handler saw is recorded with its exception; one it did not see, from LangChain4j's error flag.
 */
final class ToolCalls {
  /** {@code error.type} of a tool failure LangChain4j reported without its exception. */
  static final String REPORTED_FAILURE = "tool_error";

  private final SpanWriter writer;
  // by identity: LangChain4j passes the same request object to every hook of one execution, and two executions may
  // carry equal requests (same tool, same arguments, no call id)
  private final Map<ToolExecutionRequest, ToolSpan> open = Collections.synchronizedMap(new IdentityHashMap<>());
  private final Map<ToolExecutionRequest, Throwable> errors = Collections.synchronizedMap(new IdentityHashMap<>());

  ToolCalls(SpanWriter writer) {
    this.writer = writer;
  }

  void started(Context parent, ToolExecutionRequest request) {
    open.put(request, writer.startTool(parent, ChatConversion.toolCall(request)));
  }

  void threw(ToolExecutionRequest request, Throwable error) {
    if (request != null && open.containsKey(request)) {
      errors.put(request, error);
    }
  }

  void finished(ToolExecution execution) {
    ToolSpan span = open.remove(execution.request());
    if (span == null) {
      return;
    }
    Throwable error = errors.remove(execution.request());
    if (error != null) {
      span.endFailed(error, execution.result());
    } else if (execution.hasFailed()) {
      span.endFailed(REPORTED_FAILURE, execution.result(), execution.result());
    } else {
      span.end(execution.result());
    }
  }
}
