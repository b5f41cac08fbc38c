package dev.agenttrace.junit;

import dev.agenttrace.golden.GoldenMode;
import dev.agenttrace.golden.GoldenResult;
import dev.agenttrace.golden.GoldenTraces;
import dev.agenttrace.redaction.RedactionPolicy;
import dev.agenttrace.trace.AgentTrace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.logging.Logger;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Golden traces in JUnit: builds each test's {@link GoldenTraces} from the configuration parameters
 * {@value GoldenTraces#MODE_PROPERTY} and {@value GoldenTraces#DIR_PROPERTY} (JUnit falls back to system
 * properties, so {@code mvn verify -Dagenttrace.golden.mode=update} works), bound to the test's class and method,
 * compares the test's trace after the test when {@code @AgentTest(golden = true)}, publishes written goldens as
 * report entries, and lists the goldens no test used when the run ends.
 */
final class GoldenSupport {
  /** Golden notices (written, updated, unused) go to java.util.logging: users route or silence them as they like. */
  private static final Logger NOTICES = Logger.getLogger(GoldenSupport.class.getName());
  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(GoldenSupport.class);

  private GoldenSupport() {}

  /** The golden traces of the current test, bound to its class and method (and invocation index). */
  static GoldenTraces forTest(PerTestContext test) {
    return test.settings().goldens().get().forTest(test.identity().className(), test.identity().testName());
  }

  /**
   * The run's golden trace settings from the configuration parameters {@value GoldenTraces#MODE_PROPERTY} and
   * {@value GoldenTraces#DIR_PROPERTY}, the CI flag and the run's redaction policy; not bound to a test.
   */
  static GoldenTraces goldenTraces(Function<String, Optional<String>> parameters, boolean onCi,
      RedactionPolicy redaction) {
    String ci = String.valueOf(onCi);
    UnaryOperator<String> environment = name -> name.equals("CI") ? ci : System.getenv(name);
    GoldenTraces.Builder builder = GoldenTraces.builder()
        .environment(environment)
        .reporter(NOTICES::info)
        .redaction(redaction);
    parameters.apply(GoldenTraces.MODE_PROPERTY).map(GoldenMode::parse).ifPresent(builder::mode);
    parameters.apply(GoldenTraces.DIR_PROPERTY).map(Path::of).ifPresent(builder::directory);
    return builder.build();
  }

  /**
   * Compares the finished test's trace with its golden and says what it found; empty when the test already failed,
   * and for a test that recorded no spans and has no golden (a plain unit test in an agent test class). A written
   * golden is published as the report entry {@code agenttrace.golden}.
   */
  static Optional<GoldenResult> compareAfterTest(ExtensionContext context, PerTestContext test, AgentTrace trace) {
    if (context.getExecutionException().isPresent()) {
      return Optional.empty();
    }
    GoldenTraces golden = forTest(test);
    String testClass = test.identity().className();
    Path file = golden.fileFor(testClass, test.identity().testName());
    if (trace.isEmpty() && !Files.exists(file)) {
      return Optional.empty();
    }
    Ledger ledger = context.getRoot().getStore(NAMESPACE)
        .getOrComputeIfAbsent(Ledger.class, type -> new Ledger(NOTICES::warning), Ledger.class);
    GoldenResult result;
    try {
      result = golden.compare(trace);
    } finally {
      ledger.used(golden, testClass, file);
    }
    if (result.wroteFile()) {
      context.publishReportEntry("agenttrace.golden", result.message());
    }
    return Optional.of(result);
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
