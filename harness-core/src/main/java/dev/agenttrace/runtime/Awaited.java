package dev.agenttrace.runtime;

import java.util.IdentityHashMap;
import java.util.Map;

/**
 * The results of an {@link AgentContext#awaitAll} call, one per {@link Await} it was given: read each with
 * {@link #get(Await)}, passing the same object.
 */
public final class Awaited {
  private final Map<Await<?>, Object> results;

  Awaited(Map<Await<?>, Object> results) {
    this.results = new IdentityHashMap<>(results);
  }

  /**
   * The result of {@code member}.
   *
   * @throws IllegalArgumentException when {@code member} was not one of the waits given to {@code awaitAll}
   */
  @SuppressWarnings("unchecked")
  public <T> T get(Await<T> member) {
    if (!results.containsKey(member)) {
      throw new IllegalArgumentException(member + " was not given to this awaitAll(...) call: pass the same Await "
          + "object to get(...) that you passed to awaitAll(...)");
    }
    return (T) results.get(member);
  }
}
