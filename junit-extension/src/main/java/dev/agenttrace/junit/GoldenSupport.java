package dev.agenttrace.junit;

import dev.agenttrace.golden.GoldenMode;
import dev.agenttrace.golden.GoldenResult;
import dev.agenttrace.golden.GoldenTraces;
import dev.agenttrace.trace.AgentTrace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Golden traces in JUnit: builds each test's {@link GoldenTraces} from the configuration parameters
 * {@value GoldenTraces#MODE_PROPERTY} and {@value GoldenTraces#DIR_PROPERTY} (JUnit falls back to system
 * properties, so {@code mvn verify -Dagenttrace.golden.mode=update} works), bound to the test's class and method,
 * compares the test's trace after the test when {@code @AgentTest(golden = true)}, publishes written goldens as
 * report entries, and lists the goldens no test used when the run ends.
 */
final class GoldenSupport {
  /** Overrides the {@code CI} environment variable (e.g. {@code false} to write goldens in a CI-like shell). */
  static final String CI_PARAMETER = "agenttrace.golden.ci";
  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(GoldenSupport.class);

  private GoldenSupport() {}

  /** The golden traces of the current test, bound to its class and method (and invocation index). */
  static GoldenTraces forTest(ExtensionContext context) {
    Optional<String> ci = context.getConfigurationParameter(CI_PARAMETER);
    UnaryOperator<String> environment = name -> name.equals("CI") && ci.isPresent() ? ci.get() : System.getenv(name);
    GoldenTraces.Builder builder = GoldenTraces.builder()
        .environment(environment)
        .reporter(System.err::println)
        .redaction(ExtensionSettings.redaction(context));
    context.getConfigurationParameter(GoldenTraces.MODE_PROPERTY)
        .map(GoldenMode::parse).ifPresent(builder::mode);
    context.getConfigurationParameter(GoldenTraces.DIR_PROPERTY).map(Path::of).ifPresent(builder::directory);
    return builder.build().forTest(context.getRequiredTestClass().getName(), testName(context));
  }

  /**
   * Compares the finished test's trace with its golden; skipped when the test already failed, and for a test that
   * recorded no spans and has no golden (a plain unit test in an agent test class).
   */
  /** {@link #verifyAfterTest} returning the mismatch (or missing golden on CI) instead of throwing it. */
  static AssertionError mismatchAfterTest(ExtensionContext context, AgentTrace trace) {
    try {
      verifyAfterTest(context, trace);
      return null;
    } catch (AssertionError mismatch) {
      return mismatch;
    }
  }

  static void verifyAfterTest(ExtensionContext context, AgentTrace trace) {
    if (context.getExecutionException().isPresent()) {
      return;
    }
    GoldenTraces golden = forTest(context);
    String testClass = context.getRequiredTestClass().getName();
    Path file = golden.fileFor(testClass, testName(context));
    if (trace.isEmpty() && !Files.exists(file)) {
      return;
    }
    Ledger ledger = context.getRoot().getStore(NAMESPACE)
        .getOrComputeIfAbsent(Ledger.class, type -> new Ledger(System.err::println), Ledger.class);
    GoldenResult result;
    try {
      result = golden.assertMatches(trace);
    } finally {
      ledger.used(golden, testClass, file);
    }
    if (result.wroteFile()) {
      context.publishReportEntry("agenttrace.golden", result.message());
    }
  }

  private static String testName(ExtensionContext context) {
    return context.getRequiredTestMethod().getName() + TraceFiles.invocationSuffix(context.getUniqueId());
  }

  /**
   * The goldens used in this run, per golden folder; kept in the root store, which closes it when the run ends and
   * it lists the goldens in the used classes' folders that no test read (renamed or deleted tests).
   */
  static final class Ledger implements AutoCloseable {
    private final Map<Path, GoldenTraces> folders = new ConcurrentHashMap<>();
    private final Map<Path, Set<String>> classes = new ConcurrentHashMap<>();
    private final Map<Path, Set<Path>> files = new ConcurrentHashMap<>();
    private final Consumer<String> sink;

    Ledger(Consumer<String> sink) {
      this.sink = sink;
    }

    void used(GoldenTraces golden, String testClass, Path file) {
      Path folder = golden.directory();
      folders.putIfAbsent(folder, golden);
      classes.computeIfAbsent(folder, key -> ConcurrentHashMap.newKeySet()).add(testClass);
      files.computeIfAbsent(folder, key -> ConcurrentHashMap.newKeySet()).add(file);
    }

    @Override
    public void close() {
      folders.forEach((folder, golden) -> {
        List<Path> unused = golden.unusedGoldens(classes.get(folder), files.get(folder));
        if (!unused.isEmpty()) {
          StringBuilder message = new StringBuilder("AgentTrace: ").append(unused.size())
              .append(" golden trace(s) no test used in this run (renamed or deleted tests?):\n");
          unused.forEach(file -> message.append("  - ").append(file).append('\n'));
          sink.accept(message.append("Delete them if the tests are gone.").toString());
        }
      });
    }
  }
}
