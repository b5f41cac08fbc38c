package dev.agenttrace.assertions;

import dev.agenttrace.trace.Segment;
import dev.agenttrace.trace.TraceSpan;
import dev.agenttrace.trace.TraceText;
import io.opentelemetry.api.common.AttributeKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.IntPredicate;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Assertions on a selection of trace elements of one kind, the shared vocabulary of {@link ToolCallsAssert},
 * {@link LlmCallsAssert}, {@link SegmentsAssert}, {@link StepsAssert}, {@link SpansAssert}, {@link ErrorsAssert} and
 * {@link ExecutionsAssert}:
 * <ul>
 *   <li>narrowing: {@link #named}, {@link #nameMatching}, {@link #withAttribute}, {@link #withAttributeSatisfying},
 *       {@link #matching}, {@link #childrenOf}, {@link #descendantsOf}, {@link #inSegment}, {@link #withError};</li>
 *   <li>counts: {@link #hasSize}, {@link #hasSizeAtLeast}, {@link #hasSizeAtMost}, {@link #hasSizeBetween},
 *       {@link #isEmpty}, {@link #isNotEmpty};</li>
 *   <li>order of the names: {@link #containsExactly}, {@link #containsInOrder},
 *       {@link #containsExactlyInAnyOrder}, {@link #isSubsetOf}, {@link #contains}, {@link #happensBefore};</li>
 *   <li>one element: {@link #first}, {@link #last}, {@link #nth}, {@link #single}; all of them: {@link #allSatisfy},
 *       {@link #anySatisfy}, {@link #haveDurationsLessThan}.</li>
 * </ul>
 * Names are globs: {@code *} stands for any text, {@code ?} for one character, and a name without them matches
 * exactly; {@link #nameMatching(Pattern)} takes a regular expression. When a selection comes up short, the failure shows the closest element
 * with a field-by-field near-miss table and marks it in the trace.
 *
 * @param <SELF> the selection assert type
 * @param <V> the element type
 * @param <E> the assert type of one element
 */
public abstract class AbstractSelectionAssert<SELF extends AbstractSelectionAssert<SELF, V, E>, V,
    E extends AbstractTraceAssert<E, ?>> extends AbstractTraceAssert<SELF, TraceSelection<V>> {
  private final SelectionKind<SELF, V, E> kind;

  /**
   * @param actual the selection asserted on
   * @param kind what the selection holds and which asserts to make for it and its elements
   */
  protected AbstractSelectionAssert(TraceSelection<V> actual, SelectionKind<SELF, V, E> kind) {
    super(actual, actual == null ? null : actual.trace(), kind.assertType());
    this.kind = kind;
  }

  /** Copies per-assert settings (such as argument comparators) to a narrowed selection; none by default. */
  void carryOver(SELF narrowed) {}

  /** Passes per-assert settings to an element assert; none by default. */
  void prepare(E elementAssert) {}

  TraceSelection<V> selection() {
    return actual;
  }

  // ---- narrowing ----

  /**
   * Elements whose name matches the glob: {@code *} stands for any text, {@code ?} for one character, and a name
   * without them matches exactly.
   */
  public SELF named(String glob) {
    Glob pattern = Glob.of(glob);
    return where(new Criterion<>("named " + Values.quoted(glob), "name", glob,
        element -> pattern.matches(actual.nameOf(element)), actual::nameOf));
  }

  /** Elements whose whole name matches the regular expression. */
  public SELF nameMatching(String regex) {
    return nameMatching(Pattern.compile(regex));
  }

  /** Elements whose whole name matches the pattern (with its flags). */
  public SELF nameMatching(Pattern pattern) {
    return where(new Criterion<>("with name matching /" + pattern.pattern() + "/", "name",
        "/" + pattern.pattern() + "/", element -> pattern.matcher(actual.nameOf(element)).matches(), actual::nameOf));
  }

  /** Elements whose span carries the attribute with this value (typed, like OTel's {@code equalTo(key, value)}). */
  public <T> SELF withAttribute(AttributeKey<T> key, T value) {
    return where(new Criterion<>("with " + key.getKey() + " = " + Values.show(String.valueOf(value)), key.getKey(),
        String.valueOf(value), element -> Objects.equals(span(element).attributes().get(key), value),
        element -> String.valueOf(span(element).attributes().get(key))));
  }

  /** Elements whose span carries the attribute with a value meeting the condition (absent attributes never do). */
  public <T> SELF withAttributeSatisfying(AttributeKey<T> key, Predicate<? super T> condition) {
    return where(new Criterion<>("with " + key.getKey() + " satisfying the condition", key.getKey(),
        "satisfies the condition", element -> {
          T value = span(element).attributes().get(key);
          return value != null && condition.test(value);
        }, element -> String.valueOf(span(element).attributes().get(key))));
  }

  /** Elements meeting a condition of your own; {@code description} names it in failures. */
  public SELF matching(String description, Predicate<? super V> condition) {
    return where(new Criterion<>("matching " + description, description, "true", condition::test,
        element -> String.valueOf(condition.test(element))));
  }

  /** Elements whose span is a direct child of a span selected by {@code parents}. */
  public SELF childrenOf(AbstractSelectionAssert<?, ?, ?> parents) {
    Set<String> ids = parents.selectedSpanIds();
    return where(new Criterion<>("whose parent is one of the " + parents.selection().description(), "parent",
        parents.selection().description(), element -> span(element).parentSpanId().map(ids::contains).orElse(false),
        element -> trace().parentOf(span(element)).map(TraceSpan::name).orElse("(none)")));
  }

  /** Elements whose span lies anywhere below a span selected by {@code ancestors}. */
  public SELF descendantsOf(AbstractSelectionAssert<?, ?, ?> ancestors) {
    Set<String> ids = ancestors.selectedSpanIds();
    return where(new Criterion<>("below one of the " + ancestors.selection().description(), "ancestor",
        ancestors.selection().description(), element -> ancestorsOf(span(element)).stream()
            .anyMatch(ancestor -> ids.contains(ancestor.spanId())),
        element -> ancestorsOf(span(element)).stream().map(TraceSpan::name).collect(Collectors.joining(" < "))));
  }

  /** Elements that ran inside the segment at {@code index} (0-based, in trace order, as {@code segment(i)}). */
  public SELF inSegment(int index) {
    Map<String, Integer> positions = segmentPositions();
    return where(new Criterion<>("in segment #" + index, "segment", "#" + index,
        element -> Objects.equals(segmentOf(span(element), positions), index),
        element -> Optional.ofNullable(segmentOf(span(element), positions)).map(i -> "#" + i).orElse("(none)")));
  }

  /** Elements whose span failed (status ERROR). */
  public SELF withError() {
    return where(new Criterion<>("that failed", "status", "ERROR", element -> span(element).isError(),
        element -> span(element).statusCode().name()));
  }

  /** Elements whose span did not fail. */
  public SELF withoutError() {
    return where(new Criterion<>("that did not fail", "status", "not ERROR", element -> !span(element).isError(),
        element -> span(element).statusCode().name()));
  }

  SELF where(Criterion<V> criterion) {
    isNotNull();
    TraceSelection<V> narrowed = actual.where(criterion);
    SELF next = creator().create(kind.assertType(), TraceSelection.class, narrowed, trace(),
        () -> kind.newAssert().apply(narrowed));
    carryOver(next);
    return next;
  }

  // ---- counts ----

  /** Exactly {@code expected} elements are selected. */
  public SELF hasSize(int expected) {
    return checkSize(size -> size == expected, expected, expected, () -> "exactly " + expected, null);
  }

  public SELF hasSizeAtLeast(int minimum) {
    return checkSize(size -> size >= minimum, minimum, 0, () -> "at least " + minimum, null);
  }

  public SELF hasSizeAtMost(int maximum) {
    return checkSize(size -> size <= maximum, maximum, maximum, () -> "at most " + maximum, null);
  }

  public SELF hasSizeBetween(int minimum, int maximum) {
    return checkSize(size -> size >= minimum && size <= maximum, minimum + ".." + maximum, maximum,
        () -> "between " + minimum + " and " + maximum, null);
  }

  /** Nothing is selected: the thing never happened. */
  public SELF isEmpty() {
    return checkSize(size -> size == 0, 0, 0, () -> "no", null);
  }

  /** Something is selected: it happened at least once. */
  public SELF isNotEmpty() {
    return hasSizeAtLeast(1);
  }

  /**
   * The count check behind {@link #hasSize} and its kin, and behind the trace's count shortcuts
   * ({@code hasToolCallCount}, {@code calledTool(name, times)} ...), which word the failure their own way.
   *
   * @param mark the element to mark when there are more than that (the first one too many), else the first
   * @param howMany {@code exactly 2}: the expectation then reads {@code exactly 2 tool calls named ...}
   * @param wording the expectation and the finding of the shortcut, or {@code null} for the selection's own
   */
  SELF checkSize(IntPredicate ok, Object expected, int mark, Supplier<String> howMany, Wording<V> wording) {
    isNotNull();
    int size = actual.size();
    if (!ok.test(size)) {
      long count = expected instanceof Integer number ? number : 2;
      throw failureWithNearMiss(wording != null ? wording.expectation()
              : howMany.get() + " " + actual.description(count),
          wording != null ? wording.finding().apply(actual) : "found " + size + ": " + Values.list(actual.names()),
          expected, size, mark < size ? mark : 0);
    }
    return myself;
  }

  /** How a shortcut on the trace words a failed check: its expectation, and what it found in the selection. */
  record Wording<V>(String expectation, Function<TraceSelection<V>, String> finding) {}

  // ---- order ----

  /** The selected names are exactly this sequence. */
  public SELF containsExactly(String... names) {
    return checkOrder(Sequences.exactly(actual.names(), List.of(names)), "exactly", names);
  }

  /** The names occur in this order, other elements allowed in between (a subsequence). */
  public SELF containsInOrder(String... names) {
    return checkOrder(Sequences.inOrder(actual.names(), List.of(names)), "in order", names);
  }

  /** The names are exactly these, in any order. */
  public SELF containsExactlyInAnyOrder(String... names) {
    return checkOrder(Sequences.anyOrder(actual.names(), List.of(names)), "exactly, in any order,", names);
  }

  /** Every selected name is one of these: nothing beyond them happened. */
  public SELF isSubsetOf(String... names) {
    return checkOrder(Sequences.subsetOf(actual.names(), List.of(names)), "only names among", names);
  }

  /** Each of these names occurs (a distinct element per name), in any order; others may occur too. */
  public SELF contains(String... names) {
    return checkOrder(Sequences.supersetOf(actual.names(), List.of(names)), "at least", names);
  }

  /** Some element named {@code earlier} comes before some element named {@code later} (names are globs). */
  public SELF happensBefore(String earlier, String later) {
    isNotNull();
    int first = indexOf(earlier, false);
    int second = indexOf(later, true);
    if (first < 0 || second < 0 || first >= second) {
      String found = first < 0 ? Values.quoted(earlier) + " never happens"
          : second < 0 ? Values.quoted(later) + " never happens"
          : Values.quoted(later) + " happens first (#" + second + " vs #" + first + ")";
      TraceSpan mark = second >= 0 ? spanAt(second) : first >= 0 ? spanAt(first) : null;
      fail(expecting(Values.quoted(earlier) + " to happen before " + Values.quoted(later) + " among the "
              + actual.description()).but(found + "; the order was " + Values.list(actual.names()))
              .marking(mark == null ? null : mark.spanId()),
          List.of(earlier, later), actual.names());
    }
    return myself;
  }

  private int indexOf(String glob, boolean last) {
    List<String> names = actual.names();
    Glob pattern = Glob.of(glob);
    int found = -1;
    for (int i = 0; i < names.size() && (last || found < 0); i++) {
      if (pattern.matches(names.get(i))) {
        found = i;
      }
    }
    return found;
  }

  private SELF checkOrder(Optional<String> problem, String mode, String[] expected) {
    isNotNull();
    problem.ifPresent(what -> fail(expecting("the " + actual.description() + " to be " + mode + " "
            + Values.list(Arrays.asList(expected))).but(what + "; they were " + Values.list(actual.names())),
        List.of(expected), actual.names()));
    return myself;
  }

  /** {@link #containsExactly}, worded by a shortcut on the trace: {@code calledToolsInOrder}. */
  SELF containsExactly(List<String> names, String expectation) {
    isNotNull();
    if (Sequences.exactly(actual.names(), names).isPresent()) {
      fail(expecting(expectation).but("they were " + Values.list(actual.names())), names, actual.names());
    }
    return myself;
  }

  // ---- elements ----

  /** The first selected element (trace order). */
  public E first() {
    return element(0, "the first");
  }

  /** The last selected element. */
  public E last() {
    isNotNull();
    return element(actual.size() - 1, "the last");
  }

  /** The selected element at {@code index} (0-based). */
  public E nth(int index) {
    return element(index, "#" + index + " of the");
  }

  /** The one element selected; fails when there are none or several. */
  public E single() {
    isNotNull();
    if (actual.size() > 1) {
      creator().report(failure(expecting("a single one of the " + actual.description())
              .but("found " + actual.size() + ": " + Values.list(actual.names()))
              .marking(spanAt(1).spanId()), 1, actual.size()));
    }
    return element(0, "the single one of the");
  }

  private E element(int index, String which) {
    return element(index, which, null);
  }

  /**
   * The element at {@code index}, or a failure (collected when soft) worded by {@code wording}, or by the selection
   * ({@code which} + what is selected) when it is {@code null}: behind {@link #first()} ... and the trace's
   * {@code calledTool(name)}, {@code llmCall(i)} and {@code segment(i)}.
   */
  E element(int index, String which, Wording<V> wording) {
    isNotNull();
    V element = index >= 0 && index < actual.size() ? actual.elements().get(index) : null;
    if (element == null) {
      creator().report(wording != null
          ? failureWithNearMiss(wording.expectation(), wording.finding().apply(actual), wording.expectation(),
              actual.size(), 0)
          : failureWithNearMiss(which + " " + actual.description(),
              "found " + actual.size() + ": " + Values.list(actual.names()), which, actual.size(), 0));
    }
    E elementAssert = creator().create(kind.elementAssertType(), kind.elementType(), element, trace(),
        () -> kind.newElementAssert().apply(element, trace()));
    prepare(elementAssert);
    return elementAssert;
  }

  /** Every selected element passes the requirements (given as assertions on the element). */
  public SELF allSatisfy(Consumer<? super E> requirements) {
    isNotNull();
    List<String> failures = new ArrayList<>();
    String firstFailing = null;
    for (V element : actual.elements()) {
      Optional<String> failed = failureOf(element, requirements);
      if (failed.isPresent()) {
        failures.add(actual.nameOf(element) + ": " + failed.get());
        firstFailing = firstFailing == null ? actual.spanOf(element).spanId() : firstFailing;
      }
    }
    if (!failures.isEmpty()) {
      fail(expecting("every one of the " + actual.description() + " to satisfy the requirements")
          .but(failures.size() + " of " + actual.size() + " did not:\n" + String.join("\n", failures))
          .marking(firstFailing), "all satisfy", failures);
    }
    return myself;
  }

  /** At least one selected element passes the requirements. */
  public SELF anySatisfy(Consumer<? super E> requirements) {
    isNotNull();
    List<String> failures = new ArrayList<>();
    for (V element : actual.elements()) {
      Optional<String> failed = failureOf(element, requirements);
      if (failed.isEmpty()) {
        return myself;
      }
      failures.add(actual.nameOf(element) + ": " + failed.get());
    }
    fail(expecting("one of the " + actual.description() + " to satisfy the requirements")
        .but(actual.size() == 0 ? "none was selected" : "none did:\n" + String.join("\n", failures)),
        "any satisfies", failures);
    return myself;
  }

  /** What went wrong with one element, in one line: the headline of a trace failure, else the whole message. */
  private Optional<String> failureOf(V element, Consumer<? super E> requirements) {
    E elementAssert = kind.newElementAssert().apply(element, trace());
    elementAssert.attach(trace(), AssertCreator.HARD);
    prepare(elementAssert);
    try {
      requirements.accept(elementAssert);
      return Optional.empty();
    } catch (TraceAssertionError failed) {
      return Optional.of(failed.headline().strip().replace("\n", " "));
    } catch (AssertionError failed) {
      return Optional.of(String.valueOf(failed.getMessage()).strip().replace("\n", " "));
    }
  }

  /** Every selected span took less than {@code limit}. */
  public SELF haveDurationsLessThan(Duration limit) {
    isNotNull();
    V slowest = actual.elements().stream()
        .max((a, b) -> span(a).duration().compareTo(span(b).duration())).orElse(null);
    if (slowest != null && span(slowest).duration().compareTo(limit) >= 0) {
      fail(expecting("every one of the " + actual.description() + " to take less than "
              + TraceText.duration(limit))
              .but(actual.nameOf(slowest) + " took " + TraceText.duration(span(slowest).duration()))
              .marking(span(slowest).spanId()), limit, span(slowest).duration());
    }
    return myself;
  }

  // ---- helpers ----

  private TraceSpan span(V element) {
    return actual.spanOf(element);
  }

  private TraceSpan spanAt(int index) {
    return span(actual.elements().get(index));
  }

  Set<String> selectedSpanIds() {
    return actual.elements().stream().map(element -> actual.spanOf(element).spanId()).collect(Collectors.toSet());
  }

  private List<TraceSpan> ancestorsOf(TraceSpan span) {
    List<TraceSpan> ancestors = new ArrayList<>();
    Optional<TraceSpan> parent = trace().parentOf(span);
    while (parent.isPresent() && ancestors.size() <= trace().size()) {
      ancestors.add(parent.get());
      parent = trace().parentOf(parent.get());
    }
    return ancestors;
  }

  private Map<String, Integer> segmentPositions() {
    Map<String, Integer> positions = new HashMap<>();
    List<Segment> segments = trace().segments();
    for (int i = 0; i < segments.size(); i++) {
      positions.put(segments.get(i).span().spanId(), i);
    }
    return positions;
  }

  /** The position of the segment {@code span} ran in, as the trace model indexes it. */
  private Integer segmentOf(TraceSpan span, Map<String, Integer> positions) {
    return trace().segmentOf(span.spanId()).map(segment -> positions.get(segment.span().spanId())).orElse(null);
  }

  private TraceAssertionError failureWithNearMiss(String expectation, String found, Object expected,
      Object actualValue, int mark) {
    FailureMessage message = expecting(expectation).but(found);
    Optional<V> closest = actual.size() == 0 ? actual.closestMiss() : Optional.empty();
    closest.ifPresent(candidate -> message.withNearMiss(actual.nearMiss(candidate)));
    if (closest.isEmpty() && actual.size() > 0) {
      message.marking(spanAt(mark).spanId());
    }
    return failure(message, expected, actualValue);
  }
}
