package dev.agenttrace.assertions;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agenttrace.trace.AgentTrace;
import dev.agenttrace.trace.ToolInvocation;
import java.util.function.BiPredicate;

/**
 * Assertions on the tool calls of a trace, or a selection of them; names are tool names. Adds argument filters
 * ({@link #withArguments}, {@link #withArgumentsContainingJson}) and per-tool argument comparators
 * ({@link #usingArgumentComparator}), which also apply to {@code hasArguments} on the calls navigated to.
 */
public class ToolCallsAssert extends AbstractSelectionAssert<ToolCallsAssert, ToolInvocation, ToolInvocationAssert> {

  /** What this assert selects and which asserts it makes; also behind {@code AgentTraceAssertions}' factory. */
  static final SelectionKind<ToolCallsAssert, ToolInvocation, ToolInvocationAssert> KIND =
      new SelectionKind<>("tool call", ToolCallsAssert.class, ToolCallsAssert::new, ToolInvocation.class,
          ToolInvocationAssert.class, ToolInvocationAssert::new, AgentTrace::toolInvocations, ToolInvocation::span,
          ToolInvocation::name);

  public ToolCallsAssert(TraceSelection<ToolInvocation> actual) {
    super(actual, KIND);
  }

  private ArgumentComparators comparators = ArgumentComparators.NONE;

  /**
   * Compares the arguments of tools matching {@code toolGlob} with {@code comparator} (given the expected and the
   * actual arguments as JSON) instead of JSON equality, in {@link #withArguments} and in
   * {@link ToolInvocationAssert#hasArguments(String)} on the calls this selection navigates to.
   */
  public ToolCallsAssert usingArgumentComparator(String toolGlob, BiPredicate<JsonNode, JsonNode> comparator) {
    isNotNull();
    comparators = comparators.with(toolGlob, comparator);
    return this;
  }

  /** Calls whose arguments equal {@code json} (as JSON, or by the tool's registered comparator). */
  public ToolCallsAssert withArguments(String json) {
    ArgumentComparators current = comparators;
    return where(new Criterion<>("with arguments " + Values.show(json), "arguments", json,
        call -> current.argumentsEqual(call.name(), call.arguments().orElse(""), json),
        call -> call.arguments().orElse("")));
  }

  /** Calls whose arguments contain {@code partialJson} (recursive subset). */
  public ToolCallsAssert withArgumentsContainingJson(String partialJson) {
    JsonNode expected = JsonText.parseExpected(partialJson, "The partial arguments");
    return where(new Criterion<>("with arguments containing " + Values.show(partialJson), "arguments",
        partialJson,
        call -> JsonText.subsetMismatch(expected, JsonText.parseOrText(call.arguments().orElse(""))).isEmpty(),
        call -> call.arguments().orElse("")));
  }

  @Override
  void carryOver(ToolCallsAssert narrowed) {
    narrowed.comparators = comparators;
  }

  @Override
  void prepare(ToolInvocationAssert elementAssert) {
    elementAssert.usingComparators(comparators);
  }
}
