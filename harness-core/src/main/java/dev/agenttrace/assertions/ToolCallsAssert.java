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

  public ToolCallsAssert(TraceSelection<ToolInvocation> actual) {
    super(actual, ToolCallsAssert.class);
  }

  @Override
  protected ToolCallsAssert newSelectionAssert(TraceSelection<ToolInvocation> selection) {
    return new ToolCallsAssert(selection);
  }

  @Override
  protected ToolInvocationAssert newElementAssert(ToolInvocation element) {
    return new ToolInvocationAssert(element, trace());
  }

  @Override
  protected Class<ToolInvocationAssert> elementAssertType() {
    return ToolInvocationAssert.class;
  }

  @Override
  protected Class<ToolInvocation> elementType() {
    return ToolInvocation.class;
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

  static TraceSelection<ToolInvocation> of(AgentTrace trace) {
    return TraceSelection.of(trace, "tool call", trace.toolInvocations(), ToolInvocation::span,
        ToolInvocation::name);
  }
}
