package dev.agenttrace.trace;

import static io.opentelemetry.api.common.AttributeKey.booleanKey;
import static io.opentelemetry.api.common.AttributeKey.longKey;
import static io.opentelemetry.api.common.AttributeKey.stringArrayKey;
import static io.opentelemetry.api.common.AttributeKey.stringKey;
import static io.opentelemetry.api.common.AttributeKey.doubleKey;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import java.util.List;

/**
 * The span conventions of AgentTrace, in one place: span names, attribute keys, event names and values. They follow
 * the OpenTelemetry GenAI semantic conventions and put durable-execution concepts under {@code agenttrace.*}. The
 * runtime writes them; the trace model, assertions, golden files and reports read them; nothing else spells them.
 */
public final class SpanConventions {
  private SpanConventions() {}

  // ---- GenAI operation names (gen_ai.operation.name) ----
  public static final String OP_INVOKE_AGENT = "invoke_agent";
  public static final String OP_INVOKE_WORKFLOW = "invoke_workflow";
  public static final String OP_CHAT = "chat";
  public static final String OP_EXECUTE_TOOL = "execute_tool";
  /** Operation names that denote a call to a model. */
  public static final List<String> LLM_OPERATIONS = List.of(OP_CHAT, "text_completion", "generate_content");

  // ---- GenAI attributes ----
  public static final AttributeKey<String> GEN_AI_OPERATION_NAME = stringKey("gen_ai.operation.name");
  public static final AttributeKey<String> GEN_AI_PROVIDER_NAME = stringKey("gen_ai.provider.name");
  public static final AttributeKey<String> GEN_AI_AGENT_NAME = stringKey("gen_ai.agent.name");
  public static final AttributeKey<String> GEN_AI_REQUEST_MODEL = stringKey("gen_ai.request.model");
  public static final AttributeKey<Double> GEN_AI_REQUEST_TEMPERATURE = doubleKey("gen_ai.request.temperature");
  public static final AttributeKey<Long> GEN_AI_REQUEST_MAX_TOKENS = longKey("gen_ai.request.max_tokens");
  public static final AttributeKey<String> GEN_AI_RESPONSE_MODEL = stringKey("gen_ai.response.model");
  public static final AttributeKey<String> GEN_AI_RESPONSE_ID = stringKey("gen_ai.response.id");
  public static final AttributeKey<List<String>> GEN_AI_RESPONSE_FINISH_REASONS =
      stringArrayKey("gen_ai.response.finish_reasons");
  public static final AttributeKey<Long> GEN_AI_USAGE_INPUT_TOKENS = longKey("gen_ai.usage.input_tokens");
  public static final AttributeKey<Long> GEN_AI_USAGE_OUTPUT_TOKENS = longKey("gen_ai.usage.output_tokens");
  public static final AttributeKey<String> GEN_AI_INPUT_MESSAGES = stringKey("gen_ai.input.messages");
  public static final AttributeKey<String> GEN_AI_OUTPUT_MESSAGES = stringKey("gen_ai.output.messages");
  public static final AttributeKey<String> GEN_AI_TOOL_DEFINITIONS = stringKey("gen_ai.tool.definitions");
  public static final AttributeKey<String> GEN_AI_TOOL_NAME = stringKey("gen_ai.tool.name");
  public static final AttributeKey<String> GEN_AI_TOOL_TYPE = stringKey("gen_ai.tool.type");
  public static final AttributeKey<String> GEN_AI_TOOL_CALL_ID = stringKey("gen_ai.tool.call.id");
  public static final AttributeKey<String> GEN_AI_TOOL_CALL_ARGUMENTS = stringKey("gen_ai.tool.call.arguments");
  public static final AttributeKey<String> GEN_AI_TOOL_CALL_RESULT = stringKey("gen_ai.tool.call.result");
  public static final AttributeKey<String> ERROR_TYPE = stringKey("error.type");
  /**
   * On a {@code chat} span an HTTP LLM stub records for a call whose client already traced it (an instrumented SDK):
   * the server side of that call, a child of the client's span. Not counted as an LLM call of its own.
   */
  public static final AttributeKey<Boolean> LLM_SERVER_SIDE = booleanKey("agenttrace.llm.server_side");
  /** On spans an HTTP LLM stub recorded: the stub's base URL (so a stub never mistakes its own span for a client's). */
  public static final AttributeKey<String> STUB_SERVER = stringKey("agenttrace.stub.server");
  /** On spans an HTTP LLM stub recorded while its chaos was on: the seed that reproduces the run's faults. */
  public static final AttributeKey<Long> CHAOS_SEED = longKey("agenttrace.chaos.seed");
  /** On spans of calls that got an injected fault: which one, e.g. {@code RATE_LIMIT}. */
  public static final AttributeKey<String> CHAOS_FAULT = stringKey("agenttrace.chaos.fault");

  /**
   * On a span that came in another instrumentation's conventions (a dialect) and was normalized at ingestion: the
   * name of the dialect that classified it, e.g. {@code openinference}. Spans without it were written in
   * AgentTrace's own conventions.
   */
  public static final AttributeKey<String> DIALECT = stringKey("agenttrace.dialect");
  /** On a normalized span that got its conventional name: the name it was recorded with, e.g. {@code call_llm}. */
  public static final AttributeKey<String> DIALECT_ORIGINAL_NAME = stringKey("agenttrace.dialect.original_name");

  // ---- Durable execution (agenttrace.*) ----
  public static final AttributeKey<String> EXECUTION_ID = stringKey("agenttrace.execution.id");
  public static final AttributeKey<Long> SEGMENT_INDEX = longKey("agenttrace.segment.index");
  public static final AttributeKey<String> SEGMENT_OUTCOME = stringKey("agenttrace.segment.outcome");
  public static final AttributeKey<String> SEGMENT_PREVIOUS_SPAN_ID = stringKey("agenttrace.segment.previous_span_id");
  /** On a resumed segment: how many journaled operations it replayed without running them. */
  public static final AttributeKey<Long> RESUME_REPLAYED = longKey("agenttrace.resume.replayed");
  public static final AttributeKey<String> STEP_NAME = stringKey("agenttrace.step.name");
  public static final AttributeKey<String> STEP_KEY = stringKey("agenttrace.step.key");
  public static final AttributeKey<String> STEP_RESULT = stringKey("agenttrace.step.result");

  // ---- Events ----
  /** On the segment that pauses. */
  public static final String EVENT_WAIT = "agenttrace.wait";
  /** On the segment that resumes. */
  public static final String EVENT_RESUME = "agenttrace.resume";
  /** On the segment that completes the execution. */
  public static final String EVENT_COMPLETE = "agenttrace.complete";
  /** The standard OpenTelemetry exception event. */
  public static final String EVENT_EXCEPTION = "exception";

  public static final AttributeKey<String> WAIT_KIND = stringKey("agenttrace.wait.kind");
  public static final AttributeKey<String> WAIT_KEY = stringKey("agenttrace.wait.key");
  /** For timer waits: the instant (ISO-8601, virtual clock) the timer fires. */
  public static final AttributeKey<String> WAIT_UNTIL = stringKey("agenttrace.wait.until");
  /** For tool waits: the tools being run. For event and approval waits: the awaited name. */
  public static final AttributeKey<List<String>> WAIT_TOOLS = stringArrayKey("agenttrace.wait.tools");
  public static final AttributeKey<String> WAIT_NAME = stringKey("agenttrace.wait.name");
  public static final AttributeKey<String> RESUME_CAUSE = stringKey("agenttrace.resume.cause");
  public static final AttributeKey<Long> RESUME_WAITED_MS = longKey("agenttrace.resume.waited_ms");
  /** On a segment that crashed (outcome {@code crashed}): the process died before this operation ran. */
  public static final String EVENT_CRASH = "agenttrace.crash";
  /** The operation a crashed segment died before, e.g. {@code tools get_weather}. */
  public static final AttributeKey<String> CRASH_BEFORE = stringKey("agenttrace.crash.before");

  // ---- Child agents, approvals, crash exploration (issue 14) ----
  /** Resume cause of a parent whose child agent completed. */
  public static final String CAUSE_CHILD_COMPLETED = "child_completed";
  /** Resume cause of a parent whose child agent failed. */
  public static final String CAUSE_CHILD_FAILED = "child_failed";
  /** Resume cause of an approval wait whose deadline passed without a decision. */
  public static final String CAUSE_APPROVAL_EXPIRED = "approval_expired";
  /** On the segment an approval decision resumes: who decided what, and why. */
  public static final String EVENT_APPROVAL = "agenttrace.approval";
  public static final AttributeKey<String> APPROVAL_NAME = stringKey("agenttrace.approval.name");
  public static final AttributeKey<Boolean> APPROVAL_APPROVED = booleanKey("agenttrace.approval.approved");
  public static final AttributeKey<String> APPROVAL_APPROVER = stringKey("agenttrace.approval.approver");
  public static final AttributeKey<String> APPROVAL_COMMENT = stringKey("agenttrace.approval.comment");

  public static final AttributeKey<String> EXCEPTION_TYPE = stringKey("exception.type");
  public static final AttributeKey<String> EXCEPTION_MESSAGE = stringKey("exception.message");
  public static final AttributeKey<String> EXCEPTION_STACKTRACE = stringKey("exception.stacktrace");

  // ---- Span names ----
  public static String agentSegmentName(String agentName) {
    return OP_INVOKE_AGENT + " " + agentName;
  }

  public static String workflowSegmentName(String workflowName) {
    return OP_INVOKE_WORKFLOW + " " + workflowName;
  }

  public static String chatSpanName(String model) {
    return OP_CHAT + " " + model;
  }

  public static String toolSpanName(String toolName) {
    return OP_EXECUTE_TOOL + " " + toolName;
  }

  public static String stepSpanName(String stepName) {
    return "step " + stepName;
  }

  /** Classifies a span by its attributes. */
  public static SpanCategory categorize(Attributes attributes) {
    String operation = attributes.get(GEN_AI_OPERATION_NAME);
    if (operation != null) {
      if (OP_INVOKE_AGENT.equals(operation)) {
        return SpanCategory.AGENT_SEGMENT;
      }
      if (OP_INVOKE_WORKFLOW.equals(operation)) {
        return SpanCategory.WORKFLOW_SEGMENT;
      }
      if (LLM_OPERATIONS.contains(operation)) {
        return Boolean.TRUE.equals(attributes.get(LLM_SERVER_SIDE)) ? SpanCategory.OTHER : SpanCategory.LLM_CALL;
      }
      if (OP_EXECUTE_TOOL.equals(operation)) {
        return SpanCategory.TOOL_CALL;
      }
    }
    if (attributes.get(STEP_NAME) != null) {
      return SpanCategory.STEP;
    }
    return SpanCategory.OTHER;
  }
}
