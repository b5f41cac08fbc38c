package dev.agenttrace.stubs;

import java.util.Comparator;
import java.util.List;

/**
 * How one stubbing fared against an unmatched request: each criterion's result, whether the stubbing was already
 * used up, and its closeness (the fraction of criteria matched; ties go to the more recent stubbing).
 */
record NearMiss(int sequence, String description, List<Criterion.Result> results, boolean exhausted, int uses) {

  static final Comparator<NearMiss> CLOSEST_FIRST = Comparator.comparingDouble(NearMiss::closeness).reversed()
      .thenComparing(Comparator.comparingInt(NearMiss::sequence).reversed());

  static NearMiss of(LlmStubbing stubbing, Received received) {
    return new NearMiss(stubbing.sequence(), stubbing.description(), stubbing.matcher().evaluate(received),
        stubbing.isExhausted(), stubbing.uses());
  }

  long matchedCount() {
    return results.stream().filter(Criterion.Result::matched).count();
  }

  double closeness() {
    return results.isEmpty() ? 1.0 : (double) matchedCount() / results.size();
  }
}
