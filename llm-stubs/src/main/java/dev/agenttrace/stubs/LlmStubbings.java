package dev.agenttrace.stubs;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The stubbings of one {@link LlmStub} and the lock that guards them. Picks the stubbing that answers a request:
 * the most recently registered one that matches and is not exhausted (WireMock's priority rule).
 */
final class LlmStubbings {
  private final Object lock = new Object();
  private final List<LlmStubbing> stubbings = new ArrayList<>();

  LlmStubbing register(RequestMatcher matcher, LlmReply first) {
    synchronized (lock) {
      LlmStubbing stubbing = new LlmStubbing(stubbings.size() + 1, matcher, first);
      stubbings.add(stubbing);
      return stubbing;
    }
  }

  void append(LlmStubbing stubbing, LlmReply reply) {
    synchronized (lock) {
      stubbing.append(reply);
    }
  }

  void updateLast(LlmStubbing stubbing, UnaryOperator<LlmReply> update) {
    synchronized (lock) {
      stubbing.updateLast(update);
    }
  }

  /** Picks and consumes the reply for {@code received}, or empty when no stubbing matches. */
  Optional<LlmReply> answer(Received received) {
    synchronized (lock) {
      for (int i = stubbings.size() - 1; i >= 0; i--) {
        LlmStubbing stubbing = stubbings.get(i);
        if (!stubbing.isExhausted() && stubbing.matcher().matches(received.request(), received.turn())) {
          return Optional.of(stubbing.next());
        }
      }
      return Optional.empty();
    }
  }

  /** How {@code received} fares against every stubbing, closest first. */
  List<NearMiss> nearMisses(Received received) {
    synchronized (lock) {
      List<NearMiss> misses = new ArrayList<>();
      for (LlmStubbing stubbing : stubbings) {
        misses.add(NearMiss.of(stubbing, received));
      }
      misses.sort(NearMiss.CLOSEST_FIRST);
      return misses;
    }
  }

  String describe(LlmStubbing stubbing) {
    synchronized (lock) {
      return stubbing.description();
    }
  }

  List<String> unused() {
    synchronized (lock) {
      return stubbings.stream().filter(s -> s.uses() == 0).map(LlmStubbing::description).toList();
    }
  }
}
