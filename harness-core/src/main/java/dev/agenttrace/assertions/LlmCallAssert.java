package dev.agenttrace.assertions;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agenttrace.llm.FinishReason;
import dev.agenttrace.llm.Message;
import dev.agenttrace.llm.Role;
import dev.agenttrace.llm.ToolCall;
import dev.agenttrace.llm.ToolDefinition;
import dev.agenttrace.llm.ToolResult;
import dev.agenttrace.llm.Usage;
import dev.agenttrace.trace.AgentTrace;
import dev.agenttrace.trace.LlmCall;
import dev.agenttrace.trace.TraceSpan;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Assertions on one LLM call: model, the messages sent (role, content, tool results), the tool definitions
 * offered, the reply (text equals / contains / regex / JSON value at a path, requested tool calls), the finish
 * reason (normalized across providers: stop, length, tool_call, content_filter, error) and token usage.
 */
public class LlmCallAssert extends AbstractTraceElementAssert<LlmCallAssert, LlmCall> {

  public LlmCallAssert(LlmCall actual) {
    this(actual, null);
  }

  public LlmCallAssert(LlmCall actual, AgentTrace trace) {
    super(actual, trace, LlmCallAssert.class);
  }

  @Override
  protected TraceSpan span() {
    return actual.span();
  }

  @Override
  protected String describe() {
    return "the LLM call";
  }

  /** The model (response model, else request model) matches {@code expected}, a glob. */
  public LlmCallAssert hasModel(String expected) {
    isNotNull();
    if (!Glob.of(expected).matches(actual.model())) {
      failWith("the LLM call to use model " + expected, expected, actual.model(), "it used " + actual.model());
    }
    return this;
  }

  /** The finish reason, normalized: {@code tool_calls}, {@code tool_use} and {@code function_call} are TOOL_CALL. */
  public LlmCallAssert hasFinishReason(FinishReason expected) {
    isNotNull();
    FinishReason reason = actual.finishReason().orElse(null);
    if (reason != expected) {
      failWith("the LLM call to finish with " + expected.wireValue(), expected, reason,
          "it finished with " + (reason == null ? "no recorded reason" : reason.wireValue()));
    }
    return this;
  }

  /** The model's reply requested a call of a tool matching {@code toolName} (a glob). */
  public LlmCallAssert requestedTool(String toolName) {
    isNotNull();
    List<String> requested = actual.requestedToolCalls().stream().map(ToolCall::name).toList();
    if (requested.stream().noneMatch(Glob.of(toolName)::matches)) {
      failWith("the LLM call to request tool '" + toolName + "'", toolName, requested,
          requested.isEmpty() ? "it requested no tools" : "it requested " + requested);
    }
    return this;
  }

  /** The reply requested a tool matching {@code toolName} (a glob) with arguments containing {@code partialJson} (recursive subset). */
  public LlmCallAssert requestedToolWithArguments(String toolName, String partialJson) {
    requestedTool(toolName);
    JsonNode expected = JsonText.parseExpected(partialJson, "The partial arguments");
    Glob tool = Glob.of(toolName);
    List<ToolCall> calls = actual.requestedToolCalls().stream().filter(call -> tool.matches(call.name())).toList();
    boolean found = calls.stream()
        .anyMatch(call -> JsonText.subsetMismatch(expected, JsonText.parseOrText(call.arguments())).isEmpty());
    if (!found) {
      List<String> arguments = calls.stream().map(ToolCall::arguments).toList();
      failWith("the LLM call to request tool '" + toolName + "' with arguments containing " + Values.show(partialJson),
          partialJson, arguments, "it requested it with " + Values.list(arguments));
    }
    return this;
  }

  /** The text the model replied with. */
  public LlmCallAssert hasOutputText(String expected) {
    isNotNull();
    if (!expected.equals(actual.outputText())) {
      failWith("the LLM call to reply " + Values.quoted(expected), expected, actual.outputText(),
          "it replied " + Values.quoted(actual.outputText()));
    }
    return this;
  }

  public LlmCallAssert hasOutputTextContaining(String fragment) {
    isNotNull();
    if (!actual.outputText().contains(fragment)) {
      failWith("the LLM reply to contain " + Values.quoted(fragment), fragment, actual.outputText(),
          "it replied " + Values.quoted(actual.outputText()));
    }
    return this;
  }

  /** The whole reply text matches the regular expression. */
  public LlmCallAssert hasOutputTextMatching(String regex) {
    isNotNull();
    if (!Pattern.compile(regex, Pattern.DOTALL).matcher(actual.outputText()).matches()) {
      failWith("the LLM reply to match /" + regex + "/", regex, actual.outputText(),
          "it replied " + Values.quoted(actual.outputText()));
    }
    return this;
  }

  /** The reply text is JSON whose value at {@code path} (JSON Pointer or {@code $.a[0]}) equals {@code expected}. */
  public LlmCallAssert hasOutputJsonValue(String path, String expected) {
    isNotNull();
    String text = actual.outputText();
    Optional<JsonNode> value = JsonText.valueAt(JsonText.parseOrText(text), path);
    if (value.isEmpty() || !JsonText.valueEquals(value.get(), expected)) {
      failWith("the LLM reply's " + path + " to be " + Values.show(expected), expected,
          value.map(JsonText::text).orElse(null),
          value.map(v -> "it is " + Values.show(JsonText.text(v))).orElse("there is none")
              + " in " + Values.quoted(text));
    }
    return this;
  }

  /** The conversation sent holds a message of this role whose text contains {@code fragment}. */
  public LlmCallAssert sentMessage(Role role, String fragment) {
    isNotNull();
    boolean found = actual.inputMessages().stream()
        .anyMatch(message -> message.role() == role && message.text().contains(fragment));
    if (!found) {
      failWith("the LLM call to send a " + role.wireValue() + " message containing " + Values.quoted(fragment),
          role.wireValue() + ": " + fragment, conversation(), "it sent " + conversation());
    }
    return this;
  }

  /** The conversation sent holds the result of a tool matching {@code toolName} (a glob), containing {@code fragment}. */
  public LlmCallAssert sentToolResult(String toolName, String fragment) {
    isNotNull();
    Glob tool = Glob.of(toolName);
    List<ToolResult> results = actual.inputMessages().stream().flatMap(message -> message.toolResults().stream())
        .filter(result -> tool.matches(result.toolName())).toList();
    if (results.stream().noneMatch(result -> result.content().contains(fragment))) {
      failWith("the LLM call to send a result of tool '" + toolName + "' containing " + Values.quoted(fragment),
          toolName + ": " + fragment, conversation(), results.isEmpty()
              ? "it sent no result of that tool: " + conversation()
              : "it sent " + Values.list(results.stream().map(ToolResult::content).toList()));
    }
    return this;
  }

  /** The number of messages sent. */
  public LlmCallAssert hasMessageCount(int expected) {
    isNotNull();
    int count = actual.inputMessages().size();
    if (count != expected) {
      failWith("the LLM call to send " + expected + " message(s)", expected, count,
          "it sent " + count + ": " + conversation());
    }
    return this;
  }

  /** The tools offered to the model are exactly these, in any order. */
  public LlmCallAssert offeredTools(String... toolNames) {
    isNotNull();
    List<String> offered = actual.toolDefinitions().stream().map(ToolDefinition::name).toList();
    Sequences.anyOrder(offered, List.of(toolNames)).ifPresent(problem -> failWith(
        "the LLM call to offer the tools " + Values.list(List.of(toolNames)), List.of(toolNames), offered,
        "it offered " + Values.list(offered) + " (" + problem + ")"));
    return this;
  }

  /** Token usage, exactly. */
  public LlmCallAssert hasUsage(long inputTokens, long outputTokens) {
    isNotNull();
    Usage usage = actual.usage();
    if (usage.inputTokens() != inputTokens || usage.outputTokens() != outputTokens) {
      failWith("the LLM call to use " + inputTokens + " input and " + outputTokens + " output tokens",
          Usage.of(inputTokens, outputTokens), usage,
          "it used " + usage.inputTokens() + " input and " + usage.outputTokens() + " output tokens");
    }
    return this;
  }

  public LlmCallAssert hasTotalTokensAtMost(long maximum) {
    isNotNull();
    long total = actual.usage().totalTokens();
    if (total > maximum) {
      failWith("the LLM call to use at most " + maximum + " tokens", maximum, total, "it used " + total);
    }
    return this;
  }

  private String conversation() {
    return Values.list(actual.inputMessages().stream().map(LlmCallAssert::line).toList());
  }

  private static String line(Message message) {
    String text = message.text();
    if (!message.toolResults().isEmpty()) {
      text = message.toolResults().stream().map(r -> r.toolName() + " → " + r.content()).toList().toString();
    } else if (!message.toolCalls().isEmpty()) {
      text = (text.isEmpty() ? "" : text + " ") + "→ " + message.toolCalls().stream().map(ToolCall::name).toList();
    }
    return message.role().wireValue() + ": " + text;
  }
}
