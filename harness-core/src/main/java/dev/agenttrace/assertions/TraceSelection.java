package dev.agenttrace.assertions;

import dev.agenttrace.trace.AgentTrace;
import dev.agenttrace.trace.TraceSpan;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * An immutable selection of trace elements of one kind (tool calls, LLM calls, spans ...): every element of that
 * kind in the trace, the conditions applied so far, and the elements that meet them, in trace order. It is the
 * value the selection asserts ({@link ToolCallsAssert} ...) assert on; it also finds the closest element when a
 * selection comes up short, for the near-miss table of a failure.
 *
 * @param <V> the element type
 */
public final class TraceSelection<V> {
  private final AgentTrace trace;
  private final String kind;
  private final List<V> all;
  private final Function<V, TraceSpan> spanOf;
  private final Function<V, String> nameOf;
  private final List<Criterion<V>> criteria;
  private final List<V> elements;
  private volatile List<String> names;

  private TraceSelection(AgentTrace trace, String kind, List<V> all, Function<V, TraceSpan> spanOf,
      Function<V, String> nameOf, List<Criterion<V>> criteria, List<V> meetingEarlierCriteria) {
    this.trace = trace;
    this.kind = kind;
    this.all = all;
    this.spanOf = spanOf;
    this.nameOf = nameOf;
    this.criteria = List.copyOf(criteria);
    this.elements = criteria.isEmpty() ? all : matching(meetingEarlierCriteria, this.criteria.get(this.criteria.size() - 1));
  }

  /** The narrowed elements: those of {@code all} (already meeting the earlier criteria) meeting the newest one. */
  private static <V> List<V> matching(List<V> candidates, Criterion<V> newest) {
    List<V> kept = new ArrayList<>();
    for (V candidate : candidates) {
      if (newest.test().test(candidate)) {
        kept.add(candidate);
      }
    }
    return Collections.unmodifiableList(kept);
  }

  /** Every element of one kind, named by {@code nameOf} (tool name, model, step name ...) for order assertions. */
  static <V> TraceSelection<V> of(AgentTrace trace, String kind, List<V> all, Function<V, TraceSpan> spanOf,
      Function<V, String> nameOf) {
    // the trace is immutable: a read-only view of its list is enough, a copy would cost a pass over every element
    List<V> elements = Collections.unmodifiableList(all);
    return new TraceSelection<>(trace, kind, elements, spanOf, nameOf, List.of(), elements);
  }

  /** {@code TraceSelection.class} with its type argument, for {@code InstanceOfAssertFactory}s. */
  @SuppressWarnings("unchecked")
  static <V> Class<TraceSelection<V>> type() {
    return (Class<TraceSelection<V>>) (Class<?>) TraceSelection.class;
  }

  TraceSelection<V> where(Criterion<V> criterion) {
    List<Criterion<V>> more = new ArrayList<>(criteria);
    more.add(criterion);
    return new TraceSelection<>(trace, kind, all, spanOf, nameOf, more, elements);
  }

  public AgentTrace trace() {
    return trace;
  }

  /** The selected elements, in trace order. */
  public List<V> elements() {
    return elements;
  }

  /** The names of the selected elements (tool names, models, step names, span names ...), in trace order. */
  public List<String> names() {
    List<String> result = names;
    if (result == null) {
      String[] computed = new String[elements.size()];
      for (int i = 0; i < computed.length; i++) {
        computed[i] = nameOf.apply(elements.get(i));
      }
      result = Collections.unmodifiableList(Arrays.asList(computed));
      names = result;
    }
    return result;
  }

  public int size() {
    return elements.size();
  }

  /** What is selected, e.g. {@code tool calls named 'get_*'}. */
  public String description() {
    return description(2);
  }

  /** {@link #description()} in the singular when {@code count} is 1: {@code exactly 1 tool call named ...}. */
  public String description(long count) {
    String conditions = criteria.stream().map(Criterion::phrase).collect(Collectors.joining(" and "));
    return kind + (count == 1 ? "" : "s") + (conditions.isEmpty() ? "" : " " + conditions);
  }

  /** The element kind in the singular, e.g. {@code tool call}. */
  public String kind() {
    return kind;
  }

  public TraceSpan spanOf(V element) {
    return spanOf.apply(element);
  }

  public String nameOf(V element) {
    return nameOf.apply(element);
  }

  /** The element meeting the most conditions (the first such), when some condition failed for all of them. */
  Optional<V> closestMiss() {
    if (criteria.isEmpty() || all.isEmpty()) {
      return Optional.empty();
    }
    V best = null;
    long bestScore = -1;
    for (V candidate : all) {
      long score = criteria.stream().filter(c -> c.test().test(candidate)).count();
      if (score > bestScore && score < criteria.size()) {
        best = candidate;
        bestScore = score;
      }
    }
    return Optional.ofNullable(best);
  }

  /** The near-miss table of {@code candidate} against every condition. */
  NearMissTable nearMiss(V candidate) {
    List<NearMissTable.Row> rows = new ArrayList<>();
    for (Criterion<V> criterion : criteria) {
      rows.add(new NearMissTable.Row(criterion.field(), criterion.expected(), criterion.actual().apply(candidate),
          criterion.test().test(candidate)));
    }
    return new NearMissTable(kind, spanOf(candidate), rows);
  }

  @Override
  public String toString() {
    return description() + ": " + Values.list(names());
  }
}
