package dev.agenttrace.assertions;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agenttrace.llm.GenAiJson;
import dev.agenttrace.trace.AgentTrace;
import dev.agenttrace.trace.ToolInvocation;
import dev.agenttrace.trace.TraceSpan;
import java.util.List;
import java.util.Optional;
import java.util.function.BiPredicate;
import java.util.regex.Pattern;

/**
 * Assertions on one tool invocation: its name, arguments (exact, partial, ignoring keys or paths, by a custom
 * comparator, one value at a path), result (equals, contains, regex, value at a path), duration and error. JSON is
 * compared ignoring key order and whitespace; paths are JSON Pointers or simple JSONPath ({@code $.a[0]}).
 */
public class ToolInvocationAssert extends AbstractTraceElementAssert<ToolInvocationAssert, ToolInvocation> {
  private ArgumentComparators comparators = ArgumentComparators.NONE;

  public ToolInvocationAssert(ToolInvocation actual) {
    this(actual, null);
  }

  public ToolInvocationAssert(ToolInvocation actual, AgentTrace trace) {
    super(actual, trace, ToolInvocationAssert.class);
  }

  void usingComparators(ArgumentComparators argumentComparators) {
    this.comparators = argumentComparators;
  }

  @Override
  protected TraceSpan span() {
    return actual.span();
  }

  @Override
  protected String describe() {
    return "tool '" + actual.name() + "'";
  }

  /** The tool's name matches {@code expected}, a glob ({@code *}, {@code ?}; without them, exactly). */
  public ToolInvocationAssert hasName(String expected) {
    isNotNull();
    if (!Glob.of(expected).matches(actual.name())) {
      failWith("the tool call to be of '" + expected + "'", expected, actual.name(), "it called " + describe());
    }
    return this;
  }

  /** {@code gen_ai.tool.call.id}: ties the call to the LLM reply that requested it. */
  public ToolInvocationAssert hasCallId(String expected) {
    isNotNull();
    String id = actual.callId().orElse(null);
    if (!expected.equals(id)) {
      failWith(describe() + " to have call id " + expected, expected, id, "it has " + id);
    }
    return this;
  }

  /**
   * The arguments equal {@code expectedJson} as JSON (key order and whitespace ignored), or by the comparator
   * registered for this tool with {@link ToolCallsAssert#usingArgumentComparator}.
   */
  public ToolInvocationAssert hasArguments(String expectedJson) {
    isNotNull();
    String arguments = arguments();
    if (!comparators.argumentsEqual(actual.name(), arguments, expectedJson)) {
      failArguments("to be called with " + normalized(expectedJson), normalized(expectedJson), arguments, null);
    }
    return this;
  }

  /** The arguments are equal by {@code comparator}, given the expected and the actual arguments as JSON. */
  public ToolInvocationAssert hasArguments(String expectedJson, BiPredicate<JsonNode, JsonNode> comparator) {
    isNotNull();
    String arguments = arguments();
    if (!comparator.test(JsonText.parseOrText(expectedJson), JsonText.parseOrText(arguments))) {
      failArguments("to be called with arguments matching " + normalized(expectedJson) + " by the comparator",
          normalized(expectedJson), arguments, null);
    }
    return this;
  }

  /** The arguments text contains {@code fragment}. */
  public ToolInvocationAssert hasArgumentsContaining(String fragment) {
    isNotNull();
    String arguments = arguments();
    if (!arguments.contains(fragment)) {
      failWith("the arguments of " + describe() + " to contain " + Values.show(fragment), fragment, arguments,
          "they were " + Values.show(arguments));
    }
    return this;
  }

  /**
   * The arguments contain {@code partialJson}: every key it names is present with a matching value, recursively
   * (arrays match element by element); other keys are ignored.
   */
  public ToolInvocationAssert hasArgumentsContainingJson(String partialJson) {
    isNotNull();
    JsonNode expected = JsonText.parseExpected(partialJson, "The partial arguments");
    String arguments = arguments();
    JsonNode actualNode = JsonText.parseOrText(arguments);
    JsonText.subsetMismatch(expected, actualNode).ifPresent(mismatch -> failArguments(
        "to be called with arguments containing " + normalized(partialJson), normalized(partialJson), arguments,
        mismatch));
    return this;
  }

  /**
   * The arguments equal {@code expectedJson} apart from the ignored parts: key names (removed at any depth) or
   * paths starting with {@code /} or {@code $}.
   */
  public ToolInvocationAssert hasArgumentsIgnoring(String expectedJson, String... ignoredKeysOrPaths) {
    isNotNull();
    List<String> ignored = List.of(ignoredKeysOrPaths);
    JsonNode expected = JsonText.without(JsonText.parseExpected(expectedJson, "The expected arguments"), ignored);
    String arguments = arguments();
    JsonNode actualNode = JsonText.without(JsonText.parseOrText(arguments), ignored);
    if (!expected.equals(actualNode)) {
      failArguments("to be called with " + normalized(expectedJson) + " ignoring " + ignored, expected.toString(),
          actualNode.toString(), JsonText.subsetMismatch(expected, actualNode).orElse("extra keys"));
    }
    return this;
  }

  /** The argument at {@code path} (e.g. {@code $.city} or {@code /city}) equals {@code expected}. */
  public ToolInvocationAssert hasArgument(String path, String expected) {
    isNotNull();
    checkValueAt("argument", arguments(), path, expected);
    return this;
  }

  /** The result equals {@code expected} (as JSON when both are JSON). */
  public ToolInvocationAssert hasResult(String expected) {
    isNotNull();
    String result = actual.result().orElse("");
    if (!JsonText.equivalent(result, expected)) {
      failWith(describe() + " to return " + Values.show(expected), expected, result,
          "it returned " + Values.show(result));
    }
    return this;
  }

  public ToolInvocationAssert hasResultContaining(String fragment) {
    isNotNull();
    String result = actual.result().orElse("");
    if (!result.contains(fragment)) {
      failWith("the result of " + describe() + " to contain " + Values.quoted(fragment), fragment, result,
          "it returned " + Values.show(result));
    }
    return this;
  }

  /** The whole result matches the regular expression. */
  public ToolInvocationAssert hasResultMatching(String regex) {
    isNotNull();
    String result = actual.result().orElse("");
    if (!Pattern.compile(regex, Pattern.DOTALL).matcher(result).matches()) {
      failWith("the result of " + describe() + " to match /" + regex + "/", regex, result,
          "it returned " + Values.show(result));
    }
    return this;
  }

  /** The result value at {@code path} (JSON Pointer or {@code $.a[0]}) equals {@code expected}. */
  public ToolInvocationAssert hasResultValue(String path, String expected) {
    isNotNull();
    checkValueAt("result value", actual.result().orElse(""), path, expected);
    return this;
  }

  private void checkValueAt(String what, String json, String path, String expected) {
    Optional<JsonNode> value = JsonText.valueAt(JsonText.parseOrText(json), path);
    if (value.isEmpty() || !JsonText.valueEquals(value.get(), expected)) {
      failWith("the " + what + " " + path + " of " + describe() + " to be " + Values.show(expected), expected,
          value.map(JsonText::text).orElse(null),
          value.map(v -> "it is " + Values.show(JsonText.text(v))).orElse("there is none")
              + " in " + Values.show(json));
    }
  }

  private String arguments() {
    return actual.arguments().orElse("");
  }

  private void failArguments(String expectation, String expected, String arguments, String detail) {
    String shown = normalized(arguments);
    failWith(describe() + " " + expectation, expected, shown,
        "it was called with " + Values.show(shown) + (detail == null ? "" : " (" + detail + ")"));
  }

  private static String normalized(String json) {
    try {
      return GenAiJson.normalize(json);
    } catch (RuntimeException notJson) {
      return json;
    }
  }
}
