package dev.agenttrace.stubs;

import dev.agenttrace.llm.ChatRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Which chat requests a stubbing answers: a conjunction of criteria (last user message, last tool result, turn,
 * model, tools offered, custom predicates). Create matchers with the factories of {@link AgentStubs} and combine
 * them with {@link #and}. Immutable. Each criterion is kept separately so an unmatched request can show, per
 * stubbing, which criteria held and which did not.
 */
public final class RequestMatcher {
  private final List<Criterion> criteria;

  private RequestMatcher(List<Criterion> criteria) {
    this.criteria = List.copyOf(criteria);
  }

  static RequestMatcher of(Criterion criterion) {
    return new RequestMatcher(List.of(criterion));
  }

  /** A matcher that requires this matcher's criteria and {@code other}'s. */
  public RequestMatcher and(RequestMatcher other) {
    List<Criterion> combined = new ArrayList<>(criteria);
    combined.addAll(other.criteria);
    return new RequestMatcher(combined);
  }

  /** Whether {@code request}, received as the {@code turn}-th chat call (1-based), satisfies every criterion. */
  public boolean matches(ChatRequest request, int turn) {
    Received received = new Received(request, turn);
    return criteria.stream().allMatch(criterion -> criterion.test().test(received));
  }

  /** The criteria in words, joined by {@code and}. */
  public String description() {
    return criteria.stream().map(Criterion::description).collect(Collectors.joining(" and "));
  }

  List<Criterion.Result> evaluate(Received received) {
    return criteria.stream().map(criterion -> criterion.evaluate(received)).toList();
  }

  @Override
  public String toString() {
    return description();
  }
}
