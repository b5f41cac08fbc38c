package dev.agenttrace.runtime;

import dev.agenttrace.llm.LlmClient;
import dev.agenttrace.llm.ToolExecutor;
import dev.agenttrace.trace.AgentTrace;
import dev.agenttrace.trace.SpanWriter;
import dev.agenttrace.trace.TraceSource;
import dev.agenttrace.trace.WaitKind;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.context.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The durable test runtime: runs agents deterministically in the JVM — each wait ends an execution segment span,
 * journaled operations replay without running, timers run on a {@link VirtualClock} — and records every segment,
 * LLM call, tool call and step as OpenTelemetry spans. What Temporal's test environment is for Temporal.
 *
 * <pre>{@code
 * AgentHarness harness = AgentHarness.builder().llm(llm).tools(tools).openTelemetry(otel).build();
 * AgentRun<String> run = harness.run(new WeatherAgent(), "What's the weather in Paris?");
 * }</pre>
 *
 * In an {@code @AgentTest} the harness is injected, already wired to the test's stubs and trace capture.
 */
public final class AgentHarness {
  private static final String INSTRUMENTATION_NAME = "dev.agenttrace.runtime";

  private final HarnessServices services;
  private final AtomicInteger executionSequence = new AtomicInteger();
  private final List<AgentRun<?>> runs = new ArrayList<>();

  private AgentHarness(Builder builder) {
    this.services = new HarnessServices(builder.llm, builder.tools,
        SpanWriter.of(builder.openTelemetry.getTracer(INSTRUMENTATION_NAME)), builder.clock, builder.journal,
        builder.rootTraceIds, builder.traces);
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * Starts an execution and runs its first segment until the agent completes, fails or first waits. Segments are
   * children of the span current on the calling thread, if any.
   */
  public <I, O> AgentRun<O> start(Agent<I, O> agent, I input) {
    return start(agent, input, null);
  }

  /**
   * {@link #start(Agent, Object)} with a simulated process crash planned: the run stops {@link RunStatus#CRASHED}
   * right before the chosen operation; {@link AgentRun#recover()} continues it.
   */
  public <I, O> AgentRun<O> start(Agent<I, O> agent, I input, Crash crash) {
    Objects.requireNonNull(agent, "agent");
    AgentRun<O> run = new AgentRun<>(agent, input, newExecutionId(agent), services, Context.current(), crash);
    remember(run);
    run.begin();
    return run;
  }

  /**
   * Picks up an execution from the journal, as a new process does after a restart: a harness built over the same
   * {@link Journal} continues the execution another harness started — in the same trace, linked to its last
   * segment. A run that was waiting is returned waiting on the same thing; one that died mid-segment continues at
   * once in a new segment (resume cause {@code process_restart}).
   *
   * @throws IllegalArgumentException when the journal has no such execution, or it belongs to another agent
   * @throws IllegalStateException when the execution already completed or failed
   */
  public <I, O> AgentRun<O> recover(String executionId, Agent<I, O> agent, I input) {
    ExecutionRecord record = services.journal().execution(executionId).orElseThrow(() ->
        new IllegalArgumentException("The journal has no execution '" + executionId + "'"));
    AgentRun<O> run = AgentRun.restored(agent, input, record, services);
    remember(run);
    if (run.status() == RunStatus.CRASHED) {
      run.recover();
    }
    return run;
  }

  private String newExecutionId(Agent<?, ?> agent) {
    String id;
    do {
      id = agent.name() + "-" + executionSequence.incrementAndGet();
    } while (services.journal().execution(id).isPresent());
    return id;
  }

  private void remember(AgentRun<?> run) {
    synchronized (runs) {
      runs.add(run);
    }
  }

  /**
   * Runs an execution to its end, satisfying every wait the runtime can: tool waits run the tools, timers skip
   * virtual time. A failed run is returned (its failure is in the trace) except when a stub was misconfigured — an
   * {@link AssertionError} such as an unmatched LLM request — which is rethrown so the test fails with it.
   *
   * @throws IllegalStateException when the agent waits for an event or approval only the test can give; use
   *     {@link #start} and drive the run instead
   */
  public <I, O> AgentRun<O> run(Agent<I, O> agent, I input) {
    return run(agent, input, null);
  }

  /**
   * {@link #run(Agent, Object)} with a simulated crash: the run crashes before the chosen operation and is
   * recovered at once, as a supervising runtime would, then driven to its end.
   */
  public <I, O> AgentRun<O> run(Agent<I, O> agent, I input, Crash crash) {
    AgentRun<O> run = start(agent, input, crash);
    while (run.status() == RunStatus.WAITING || run.status() == RunStatus.CRASHED) {
      if (run.status() == RunStatus.CRASHED) {
        run.recover();
        continue;
      }
      List<Wait> waits = run.pendingWaits();
      Wait wait = waits.get(waits.size() - 1);   // the innermost: a child agent's own wait (issue 14)
      if (wait.kind() != WaitKind.TOOL && wait.kind() != WaitKind.TIMER) {
        throw new IllegalStateException("harness.run(...) cannot finish " + agent.name() + " (execution "
            + run.executionId() + "): it waits on " + wait + ", which only the test can provide. Use "
            + "harness.start(...) and then " + (wait.kind() == WaitKind.APPROVAL
                ? "run.approve(\"" + wait.name() + "\")" : "run.sendEvent(\"" + wait.name() + "\", payload)")
            + ", or send it before it is awaited.");
      }
      run.resume();
    }
    if (run.failure().orElse(null) instanceof AssertionError stubProblem) {
      throw stubProblem;
    }
    return run;
  }

  /** The ports and journal of this harness, for {@link CrashExploration} (issue 14). */
  HarnessServices services() {
    return services;
  }

  /** The virtual clock timers wait on. */
  public VirtualClock clock() {
    return services.clock();
  }

  /** The journal every run of this harness writes to. */
  public Journal journal() {
    return services.journal();
  }

  /** Every run this harness started, in order. */
  public List<AgentRun<?>> runs() {
    synchronized (runs) {
      return List.copyOf(runs);
    }
  }

  /** Configures an {@link AgentHarness}; every setting has a working default except the ports the agent uses. */
  public static final class Builder {
    private LlmClient llm;
    private ToolExecutor tools;
    private OpenTelemetry openTelemetry = OpenTelemetry.noop();
    private RootTraceIds rootTraceIds;
    private VirtualClock clock = VirtualClock.create();
    private Journal journal = new InMemoryJournal();
    private TraceSource traces = AgentTrace::empty;

    private Builder() {}

    /**
     * Where {@link AgentRun#trace()} reads the captured spans from: the test's spans ({@code TestSpans}) or its
     * {@code TraceCapture}. Without one, runs answer the empty trace.
     */
    public Builder traces(TraceSource source) {
      this.traces = Objects.requireNonNull(source, "source");
      return this;
    }

    /** The chat model agents call through {@code ctx.chat(...)}. */
    public Builder llm(LlmClient llm) {
      this.llm = Objects.requireNonNull(llm, "llm");
      return this;
    }

    /** The tools agents call through {@code ctx.callTools(...)}. */
    public Builder tools(ToolExecutor tools) {
      this.tools = Objects.requireNonNull(tools, "tools");
      return this;
    }

    /** Where spans go; a no-op by default. */
    public Builder openTelemetry(OpenTelemetry openTelemetry) {
      this.openTelemetry = Objects.requireNonNull(openTelemetry, "openTelemetry");
      return this;
    }

    /** Lets parentless segments of one execution share a trace id (see {@link RootTraceIds}). */
    public Builder rootTraceIds(RootTraceIds rootTraceIds) {
      this.rootTraceIds = Objects.requireNonNull(rootTraceIds, "rootTraceIds");
      return this;
    }

    public Builder clock(VirtualClock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    public Builder journal(Journal journal) {
      this.journal = Objects.requireNonNull(journal, "journal");
      return this;
    }

    public AgentHarness build() {
      return new AgentHarness(this);
    }
  }
}
