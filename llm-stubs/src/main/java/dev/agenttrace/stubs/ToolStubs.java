package dev.agenttrace.stubs;

import dev.agenttrace.llm.ToolCall;
import dev.agenttrace.llm.ToolExecutor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Scripted tools for agent tests: per tool name, return a value, throw, delay, or answer from a function; every
 * call is recorded.
 *
 * <pre>{@code
 * ToolStubs tools = ToolStubs.create();
 * tools.stub("get_weather").returns("{\"tempC\":18}");
 * tools.stub("get_weather").whenArgumentsContain("Oslo").returns("{\"tempC\":-3}");
 * }</pre>
 *
 * <p><b>Matching.</b> For a call, the most recent stubbing of that tool whose argument conditions all hold wins;
 * when no conditional stubbing holds, the most recent unconditional one answers. A call nothing answers throws
 * {@link UnstubbedToolError}, an {@link AssertionError}.
 *
 * <p><b>Threads.</b> Safe for concurrent use; choosing the answer is atomic, so consecutive answers are handed
 * out exactly once each. Latency and the answer itself run outside the lock. Instances hold no static state.
 */
public final class ToolStubs implements ToolExecutor {
  private final Object lock = new Object();
  private final Consumer<Duration> sleeper;
  private final List<ToolScript> scripts = new ArrayList<>();
  private final List<ToolCall> calls = new ArrayList<>();
  private final Set<String> nonIdempotent = new TreeSet<>();

  private ToolStubs(Builder builder) {
    this.sleeper = builder.sleeper;
  }

  /** Tool stubs that simulate latency by really sleeping; see {@link Builder#sleeper}. */
  public static ToolStubs create() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * Marks tools whose second run would do harm (a payment, an e-mail): after a crash in the middle of such a call the
   * durable runtime never runs it again, and crash exploration checks it never ran twice.
   */
  public ToolStubs markNonIdempotent(String... toolNames) {
    synchronized (lock) {
      nonIdempotent.addAll(List.of(toolNames));
    }
    return this;
  }

  @Override
  public boolean isIdempotent(String toolName) {
    synchronized (lock) {
      return !nonIdempotent.contains(toolName);
    }
  }

  /** Starts a stubbing of {@code toolName}; it is registered when its first answer is given. */
  public ToolStubbing stub(String toolName) {
    return new ToolStubbing(this, toolName, List.of());
  }

  /**
   * Records {@code call} and answers it from the stubbings.
   *
   * @throws UnstubbedToolError when no stubbing answers the call
   * @throws Exception exactly what the stubbing throws
   */
  @Override
  public String execute(ToolCall call) throws Exception {
    Objects.requireNonNull(call, "call");
    ToolAnswer answer;
    Duration latency;
    synchronized (lock) {
      calls.add(call);
      ToolScript script = select(call);
      if (script == null) {
        throw unstubbed(call);
      }
      answer = script.next();
      latency = script.latency();
    }
    if (!latency.isZero()) {
      sleeper.accept(latency);
    }
    return answer.apply(call);
  }

  /** Every call received, answered or not, in arrival order. */
  public List<ToolCall> calls() {
    return read(() -> List.copyOf(calls));
  }

  /** The calls of {@code toolName}, in arrival order. */
  public List<ToolCall> calls(String toolName) {
    return read(() -> calls.stream().filter(call -> call.name().equals(toolName)).toList());
  }

  public int callCount() {
    return read(calls::size);
  }

  public int callCount(String toolName) {
    return calls(toolName).size();
  }

  /** The names of the stubbed tools, sorted. */
  public Set<String> stubbedTools() {
    return read(this::stubbedToolNames);
  }

  /** Descriptions of the stubbings that never answered, in registration order (for reporting unused stubs). */
  public List<String> unusedStubs() {
    return read(() -> scripts.stream().filter(s -> s.uses() == 0).map(ToolScript::description).toList());
  }

  @Override
  public String toString() {
    return "ToolStubs" + stubbedTools();
  }

  ToolScript register(ToolScript script) {
    guarded(() -> scripts.add(script));
    return script;
  }

  void guarded(Runnable action) {
    synchronized (lock) {
      action.run();
    }
  }

  <T> T read(Supplier<T> query) {
    synchronized (lock) {
      return query.get();
    }
  }

  private ToolScript select(ToolCall call) {
    ToolScript fallback = null;
    for (int i = scripts.size() - 1; i >= 0; i--) {
      ToolScript script = scripts.get(i);
      if (script.matches(call)) {
        if (script.isConditional()) {
          return script;
        }
        fallback = fallback == null ? script : fallback;
      }
    }
    return fallback;
  }

  private UnstubbedToolError unstubbed(ToolCall call) {
    List<String> sameTool = scripts.stream().filter(s -> s.toolName().equals(call.name()))
        .map(ToolScript::description).toList();
    return new UnstubbedToolError(UnstubbedToolRenderer.render(call, stubbedToolNames(), sameTool), call);
  }

  private Set<String> stubbedToolNames() {
    Set<String> names = new TreeSet<>();
    scripts.forEach(script -> names.add(script.toolName()));
    return names;
  }

  /** Options of {@link ToolStubs}. */
  public static final class Builder {
    private Consumer<Duration> sleeper = Sleepers.threadSleep();

    private Builder() {}

    /** Simulates latency; default sleeps the thread. Pass a virtual clock's advance so tests never wait. */
    public Builder sleeper(Consumer<Duration> sleeper) {
      this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
      return this;
    }

    public ToolStubs build() {
      return new ToolStubs(this);
    }
  }
}
