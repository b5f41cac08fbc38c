package dev.agenttrace.assertions;

import dev.agenttrace.trace.AgentTrace;
import dev.agenttrace.trace.TraceSpan;
import java.lang.reflect.Type;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.assertj.core.api.InstanceOfAssertFactory;

/**
 * One kind of trace element that can be selected and asserted on (tool calls, LLM calls, steps ...), described once:
 * which elements of a trace it selects and what they are called, which span each one is, how each one is named in
 * order checks, and which asserts to make for a selection of them and for one of them. {@link AbstractSelectionAssert}
 * does everything else from this description, so a selection assert is a constructor plus its own filters.
 *
 * @param noun the element kind in the singular, as failures say it, e.g. {@code tool call}
 * @param assertType the selection assert type (what soft assertions proxy)
 * @param newAssert makes a plain selection assert on a selection
 * @param elementType the element type
 * @param elementAssertType the assert type of one element (what soft assertions proxy)
 * @param newElementAssert makes a plain assert on one element of a trace
 * @param elements selects every element of this kind from a trace, in trace order
 * @param spanOf the span of an element
 * @param nameOf the name of an element, compared by {@code named} and the order checks
 * @param <S> the selection assert type
 * @param <V> the element type
 * @param <E> the assert type of one element
 */
public record SelectionKind<S extends AbstractSelectionAssert<S, V, E>, V, E extends AbstractTraceAssert<E, ?>>(
    String noun, Class<S> assertType, Function<TraceSelection<V>, S> newAssert, Class<V> elementType,
    Class<E> elementAssertType, BiFunction<V, AgentTrace, E> newElementAssert,
    Function<AgentTrace, List<V>> elements, Function<V, TraceSpan> spanOf, Function<V, String> nameOf) {

  /** Every element of this kind in {@code trace}. */
  public TraceSelection<V> selectFrom(AgentTrace trace) {
    return TraceSelection.of(trace, noun, elements.apply(trace), spanOf, nameOf);
  }

  /** The same asserts on other elements of the same type, e.g. the trajectory among the spans. */
  public SelectionKind<S, V, E> selecting(String otherNoun, Function<AgentTrace, List<V>> otherElements,
      Function<V, String> otherNameOf) {
    return new SelectionKind<>(otherNoun, assertType, newAssert, elementType, elementAssertType, newElementAssert,
        otherElements, spanOf, otherNameOf);
  }

  /**
   * An {@link InstanceOfAssertFactory} for a {@link TraceSelection} of this kind ({@code asInstanceOf(TOOL_CALLS)});
   * a selection of elements of another type fails with a message saying which.
   */
  public InstanceOfAssertFactory<TraceSelection<V>, S> assertFactory() {
    return new InstanceOfAssertFactory<>(TraceSelection.type(), new Type[] {elementType}, this::assertOn);
  }

  private S assertOn(TraceSelection<V> selection) {
    if (selection != null) {
      for (Object element : selection.elements()) {
        if (!elementType.isInstance(element)) {
          throw new IllegalArgumentException("A " + assertType.getSimpleName() + " asserts on a selection of "
              + elementType.getSimpleName() + " elements, but this selection of " + selection.kind() + "s holds "
              + element.getClass().getSimpleName() + " elements; use the factory of that kind instead.");
        }
      }
    }
    return newAssert.apply(selection);
  }
}
