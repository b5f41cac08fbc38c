package dev.agenttrace.stubs.http;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Draws the faults of one stub's {@link Chaos} per request, in arrival order, and keeps the log of those injected.
 * Every request takes exactly two draws from a {@link SplittableRandom} seeded with the chaos seed (which fault, and
 * where in a stream), whether or not it gets a fault, so the same seed and requests give the same faults.
 */
final class ChaosEngine {
  private final Chaos chaos;
  private final SplittableRandom random;
  private final List<InjectedFault> injected = new ArrayList<>();
  private int requests;

  ChaosEngine(Chaos chaos) {
    this.chaos = chaos;
    this.random = new SplittableRandom(chaos.seed());
  }

  /** An engine that never injects anything (seed 0, no rates). */
  static ChaosEngine off() {
    return new ChaosEngine(Chaos.seed(0));
  }

  Chaos chaos() {
    return chaos;
  }

  boolean isOn() {
    for (Chaos.Fault fault : Chaos.Fault.values()) {
      if (chaos.rate(fault) > 0) {
        return true;
      }
    }
    return false;
  }

  /** The draw for the next request. */
  synchronized ChaosDraw next(boolean streaming) {
    int request = ++requests;
    double which = random.nextDouble();
    double where = random.nextDouble();
    double upTo = 0;
    for (Chaos.Fault fault : Chaos.Fault.values()) {
      if (fault.appliesTo(streaming)) {
        upTo += chaos.rate(fault);
        if (which < upTo) {
          return new ChaosDraw(this, request, fault, where);
        }
      }
    }
    return new ChaosDraw(this, request, null, where);
  }

  synchronized void injected(InjectedFault fault) {
    injected.add(fault);
  }

  synchronized List<InjectedFault> log() {
    return List.copyOf(injected);
  }

  /** What a failure message appends: the chaos and the faults injected so far. */
  String describe() {
    List<InjectedFault> log = log();
    return chaos + ", injected " + (log.isEmpty() ? "nothing" : log.toString())
        + "; set the same seed to reproduce this run";
  }
}
