package dev.agenttrace.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Makes a test class (or method) an agent test: every test gets its own trace capture, a durable
 * {@link dev.agenttrace.runtime.AgentHarness} wired to fresh {@link dev.agenttrace.stubs.LlmStub} and
 * {@link dev.agenttrace.stubs.ToolStubs}, and those are injected as parameters. A failing test's message shows the
 * trace as a tree; spans left open fail the test with their names.
 *
 * <p>Injectable parameters: {@code AgentHarness}, {@code LlmStub}, {@code ToolStubs}, {@code TraceCapture},
 * {@code Supplier<AgentTrace>}, {@code AgentTrace} (a snapshot taken when the parameter is resolved — useful in
 * {@code @AfterEach}), {@code OpenTelemetry} (to hand to frameworks), {@code VirtualClock} and
 * {@code GoldenTraces} (bound to the test's golden file).
 *
 * <p>Use {@link AgentTraceExtension#builder()} with {@code @RegisterExtension} to configure it in code instead.
 */
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(AgentTraceExtension.class)
public @interface AgentTest {

  /**
   * Also capture spans created through {@code GlobalOpenTelemetry}, for frameworks that read it. Installs one shared
   * SDK as the global instance (once per JVM) and attributes its spans to the test whose context they carry; spans
   * no test can claim are reported, never mixed into a test's trace.
   */
  boolean globalOpenTelemetry() default false;

  /** Fail a test that leaves spans open (their names and where they started are listed). */
  boolean failOnUnfinishedSpans() default true;

  /**
   * Compare each passing test's trace with its golden file after the test
   * ({@code src/test/resources/agenttrace/golden/<test class>/<method>.trace.yaml}); see
   * {@link dev.agenttrace.golden.GoldenTraces}. A {@code GoldenTraces} parameter is injectable either way.
   */
  boolean golden() default false;

  /**
   * After each passing test, explore every completed run of the test's harness at every crash point (see
   * {@link dev.agenttrace.runtime.CrashExploration}): approvals and events are answered as the run answered them, on
   * a separate harness and capture over the same stubs, so the test's own trace, golden file and report are
   * untouched. A failure names each crash point and writes both traces' HTML reports next to the test's report.
   */
  boolean crashExploration() default false;
}
