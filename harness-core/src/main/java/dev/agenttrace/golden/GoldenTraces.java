package dev.agenttrace.golden;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.agenttrace.files.SafeFileNames;
import dev.agenttrace.redaction.RedactionPolicy;
import dev.agenttrace.trace.AgentTrace;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Golden traces: compares a trace with a reviewed, checked-in rendering of it —
 * {@code <dir>/<test class>/<test>.trace.yaml}, a canonical YAML form without ids, timestamps or durations — and
 * fails with a unified diff when they differ. The golden-file counterpart of AssertJ's {@code isEqualTo}, in the
 * spirit of insta and Jest snapshots:
 *
 * <pre>{@code
 * GoldenTraces golden = GoldenTraces.builder()
 *     .redact(Selector.toolArguments("$.customer.email"), "email")
 *     .match(Selector.field("usage.output_tokens"), ValueMatcher.anyNumber())
 *     .build();
 * golden.assertMatches(trace, "WeatherAgentTest", "answersAfterOneToolRound");
 * }</pre>
 *
 * <p>Mode ({@value #MODE_PROPERTY}): {@code verify} (default) compares and writes a missing golden; {@code update}
 * rewrites every golden; {@code new} writes only missing ones. A mismatch also writes the actual trace to
 * {@code <test>.trace.yaml.new} beside the golden for review; a later match removes it. With {@code CI=true}
 * nothing is written: a missing golden fails, and the writing modes are refused. Immutable and thread-safe.
 */
public final class GoldenTraces {
  /** The version header of golden files written by this AgentTrace. */
  public static final String FORMAT = "agenttrace-golden/1";
  /** System property / JUnit configuration parameter selecting the {@link GoldenMode}. */
  public static final String MODE_PROPERTY = "agenttrace.golden.mode";
  /** System property / JUnit configuration parameter naming the golden folder. */
  public static final String DIR_PROPERTY = "agenttrace.golden.dir";
  /** Where goldens live unless told otherwise: next to the tests, so they are reviewed with them. */
  public static final String DEFAULT_DIR = "src/test/resources/agenttrace/golden";
  /** The file name suffix of golden traces. */
  public static final String SUFFIX = ".trace.yaml";

  private static final Pattern FORMAT_VERSION = Pattern.compile("agenttrace-golden/(\\d+)");

  private final Path directory;
  private final GoldenMode mode;
  private final boolean onCi;
  private final TraceNormalizer normalizer;
  private final GoldenProjection projection;
  private final Consumer<String> reporter;
  private final String testClass;
  private final String testName;

  private GoldenTraces(Builder builder) {
    this.directory = builder.directory.toAbsolutePath().normalize();
    this.mode = builder.mode;
    this.onCi = isCi(builder.environment.apply("CI"));
    this.normalizer = new TraceNormalizer(new Redactor(builder.selectorRules, builder.regexRules, builder.redaction));
    this.projection = new GoldenProjection(builder.comparison, builder.ignored);
    this.reporter = builder.reporter;
    this.testClass = null;
    this.testName = null;
    if (onCi && mode.writes()) {
      throw new IllegalStateException("Golden traces are read-only on CI (CI=true): " + MODE_PROPERTY + "="
          + mode.name().toLowerCase(Locale.ROOT) + " is refused. Update goldens locally and commit them.");
    }
  }

  private GoldenTraces(GoldenTraces settings, String testClass, String testName) {
    this.directory = settings.directory;
    this.mode = settings.mode;
    this.onCi = settings.onCi;
    this.normalizer = settings.normalizer;
    this.projection = settings.projection;
    this.reporter = settings.reporter;
    this.testClass = testClass;
    this.testName = testName;
  }

  /** A builder with the defaults: mode and folder from system properties, {@code CI} from the environment. */
  public static Builder builder() {
    return new Builder();
  }

  /** Golden traces with the defaults of {@link #builder()}. */
  public static GoldenTraces standard() {
    return builder().build();
  }

  /** These settings bound to one test, so that {@link #assertMatches(AgentTrace)} knows its file. */
  public GoldenTraces forTest(String testClass, String testName) {
    return new GoldenTraces(this, Objects.requireNonNull(testClass, "testClass"),
        Objects.requireNonNull(testName, "testName"));
  }

  /** Compares {@code trace} with the golden of the test these settings are bound to ({@link #forTest}). */
  public GoldenResult assertMatches(AgentTrace trace) {
    return assertMatches(trace, boundClass(), testName);
  }

  /**
   * Compares {@code trace} with {@code <dir>/<testClass>/<testName>.trace.yaml}. Returns what happened when the
   * trace matched or a golden was written; throws an {@link AssertionError} with a unified diff on a mismatch or a
   * missing golden on CI, and a {@link GoldenFileException} for a malformed or too new golden.
   */
  public GoldenResult assertMatches(AgentTrace trace, String testClass, String testName) {
    GoldenResult result = compare(trace, testClass, testName);
    if (result.failed()) {
      throw new AssertionError(result.message());
    }
    return result;
  }

  /** {@link #compare(AgentTrace, String, String)} for the test these settings are bound to ({@link #forTest}). */
  public GoldenResult compare(AgentTrace trace) {
    return compare(trace, boundClass(), testName);
  }

  /**
   * Compares {@code trace} with {@code <dir>/<testClass>/<testName>.trace.yaml} and says what it found, without
   * throwing for a mismatch: writes a missing golden (never on CI), rewrites it in update mode, and on a mismatch
   * writes the actual trace to the pending {@code .new} file beside it (never on CI). Throws only a
   * {@link GoldenFileException} for a malformed or too new golden.
   */
  public GoldenResult compare(AgentTrace trace, String testClass, String testName) {
    Path golden = fileFor(testClass, testName);
    String actual = render(trace);
    Optional<String> expected = GoldenFiles.read(golden);
    String label = testClass + "/" + testName;
    if (expected.isEmpty()) {
      if (onCi) {
        return new GoldenResult(GoldenResult.Status.MISSING_ON_CI, golden, "Golden trace missing on CI for " + label
            + ": " + golden + "\nGolden files are never written on CI. Run the test locally (it writes the golden), "
            + "review it and commit it.");
      }
      GoldenFiles.writeAtomically(golden, actual);
      GoldenFiles.delete(GoldenFiles.pending(golden));
      return report(new GoldenResult(GoldenResult.Status.WRITTEN, golden,
          "Golden trace written for " + label + ": " + golden + " — review and commit it"));
    }
    if (mode == GoldenMode.UPDATE) {
      GoldenFiles.delete(GoldenFiles.pending(golden));
      if (expected.get().equals(actual)) {
        return new GoldenResult(GoldenResult.Status.MATCHED, golden, "Golden trace unchanged for " + label);
      }
      GoldenFiles.writeAtomically(golden, actual);
      return report(new GoldenResult(GoldenResult.Status.UPDATED, golden,
          "Golden trace updated for " + label + ": " + golden + " — review the change with git diff"));
    }
    if (projection.isIdentity() && expected.get().equals(actual)) {
      return matched(golden, label);
    }
    String expectedView = GoldenYaml.write(projection.apply(parse(expected.get(), golden)));
    String actualView = GoldenYaml.write(projection.apply(normalizer.document(trace)));
    if (expectedView.equals(actualView)) {
      return matched(golden, label);
    }
    return mismatch(label, golden, expectedView, actualView, actual);
  }

  private String boundClass() {
    if (testClass == null) {
      throw new IllegalStateException("Not bound to a test: use forTest(class, test), or pass the class and test");
    }
    return testClass;
  }

  /** The canonical YAML of {@code trace}, as a golden file holds it (redactions applied). */
  public String render(AgentTrace trace) {
    return GoldenYaml.write(normalizer.document(trace));
  }

  /**
   * The golden file of a test: {@code <dir>/<testClass>/<testName>.trace.yaml}, both names reduced to safe file
   * name characters, so a name can never point outside the folder.
   */
  public Path fileFor(String testClass, String testName) {
    return SafeFileNames.inside(directory, SafeFileNames.safeName(testClass),
        SafeFileNames.safeName(testName) + SUFFIX);
  }

  /**
   * The goldens in the folders of {@code testClasses} that no test used — left behind by renamed or deleted tests.
   * Only those classes' folders are searched, so a partial run does not flag other classes' goldens.
   */
  public List<Path> unusedGoldens(Collection<String> testClasses, Collection<Path> used) {
    Set<Path> usedFiles = new HashSet<>();
    used.forEach(path -> usedFiles.add(path.toAbsolutePath().normalize()));
    List<Path> unused = new ArrayList<>();
    for (String testClass : new TreeSet<>(testClasses)) {
      Path folder = directory.resolve(SafeFileNames.safeName(testClass));
      if (!Files.isDirectory(folder)) {
        continue;
      }
      try (Stream<Path> files = Files.list(folder)) {
        files.filter(file -> file.getFileName().toString().endsWith(SUFFIX))
            .map(file -> file.toAbsolutePath().normalize())
            .filter(file -> !usedFiles.contains(file))
            .sorted()
            .forEach(unused::add);
      } catch (IOException e) {
        throw new UncheckedIOException("Could not list " + folder, e);
      }
    }
    return unused;
  }

  /** The golden folder. */
  public Path directory() {
    return directory;
  }

  /** The mode these settings run in. */
  public GoldenMode mode() {
    return mode;
  }

  /** True when running on CI ({@code CI=true}): goldens are read-only. */
  public boolean isReadOnly() {
    return onCi;
  }

  private GoldenResult matched(Path golden, String label) {
    if (!onCi) {
      GoldenFiles.delete(GoldenFiles.pending(golden));
    }
    return new GoldenResult(GoldenResult.Status.MATCHED, golden, "Golden trace matched for " + label);
  }

  private GoldenResult report(GoldenResult result) {
    reporter.accept("AgentTrace: " + result.message());
    return result;
  }

  private GoldenResult mismatch(String label, Path golden, String expectedView, String actualView, String actual) {
    StringBuilder message = new StringBuilder("Golden trace mismatch for ").append(label).append('\n')
        .append("  golden:  ").append(golden).append('\n');
    Path pending = GoldenFiles.pending(golden);
    if (onCi) {
      message.append("  pending: not written on CI (CI=true); the diff below is the whole change\n");
    } else {
      GoldenFiles.writeAtomically(pending, actual);
      message.append("  pending: ").append(pending).append(" (the actual trace)\n");
    }
    String diff = UnifiedDiff.of("golden " + golden.getFileName(), expectedView, "actual", actualView);
    message.append("Review the diff; if the change is intended, accept it by moving the .new file over the golden, ")
        .append("or rewrite all goldens with -D").append(MODE_PROPERTY).append("=update\n\n")
        .append(diff);
    return new GoldenResult(GoldenResult.Status.MISMATCH, golden, message.toString(), Optional.of(diff));
  }

  private static ObjectNode parse(String yaml, Path file) {
    JsonNode tree = GoldenYaml.read(yaml, file);
    String format = tree.path("format").asText("");
    if (!format.equals(FORMAT)) {
      Matcher version = FORMAT_VERSION.matcher(format);
      if (version.matches() && Long.parseLong(version.group(1)) > 1) {
        throw new GoldenFileException(file + ": written by a newer AgentTrace (format " + format + "); this "
            + "version reads " + FORMAT + ". Upgrade AgentTrace, or rewrite the file with -D" + MODE_PROPERTY
            + "=update");
      }
      throw new GoldenFileException(file + ":1:1: not a golden trace: expected the header 'format: " + FORMAT
          + "' but found " + (format.isEmpty() ? "none" : "'" + format + "'") + ". " + GoldenFileException.REWRITE_HINT);
    }
    return (ObjectNode) tree;
  }

  private static boolean isCi(String value) {
    return value != null && (value.equalsIgnoreCase("true") || value.equals("1"));
  }

  /** Configures {@link GoldenTraces}: folder, mode, comparison, redactions, matchers and ignored fields. */
  public static final class Builder {
    private Path directory = Path.of(System.getProperty(DIR_PROPERTY, DEFAULT_DIR));
    private GoldenMode mode = GoldenMode.parse(System.getProperty(MODE_PROPERTY, "verify"));
    private UnaryOperator<String> environment = System::getenv;
    private GoldenComparison comparison = GoldenComparison.EXACT;
    private Consumer<String> reporter = Logger.getLogger(GoldenTraces.class.getName())::info;
    private final List<Redactor.SelectorRule> selectorRules = new ArrayList<>();
    private final List<Redactor.RegexRule> regexRules = new ArrayList<>();
    private final List<Selector> ignored = new ArrayList<>();
    private RedactionPolicy redaction = RedactionPolicy.defaults();

    private Builder() {}

    /**
     * The secrets never written (default: the built-in rules of {@link RedactionPolicy}); they become
     * {@code <secret>}. The JUnit extension passes the policy configured under {@code agenttrace.redaction.*}.
     */
    public Builder redaction(RedactionPolicy redaction) {
      this.redaction = Objects.requireNonNull(redaction, "redaction");
      return this;
    }

    /** The golden folder (default {@value #DEFAULT_DIR}, or the system property {@value #DIR_PROPERTY}). */
    public Builder directory(Path directory) {
      this.directory = Objects.requireNonNull(directory, "directory");
      return this;
    }

    /** The mode (default from the system property {@value #MODE_PROPERTY}, else verify). */
    public Builder mode(GoldenMode mode) {
      this.mode = Objects.requireNonNull(mode, "mode");
      return this;
    }

    /** Where {@code CI} is looked up (default {@code System::getenv}); tests pass a map's {@code get}. */
    public Builder environment(UnaryOperator<String> environment) {
      this.environment = Objects.requireNonNull(environment, "environment");
      return this;
    }

    /** Exact (default) or structural comparison. */
    public Builder comparison(GoldenComparison comparison) {
      this.comparison = Objects.requireNonNull(comparison, "comparison");
      return this;
    }

    /** Replaces every selected value with {@code <redacted-N>}. */
    public Builder redact(Selector selector) {
      return redact(selector, "redacted");
    }

    /** Replaces every selected value with {@code <placeholder-N>}; equal values get the same number. */
    public Builder redact(Selector selector, String placeholder) {
      selectorRules.add(new Redactor.SelectorRule(Objects.requireNonNull(selector, "selector"),
          placeholderName(placeholder), null));
      return this;
    }

    /** Replaces every match of {@code regex} in any text with {@code <placeholder-N>}. */
    public Builder redactPattern(String regex, String placeholder) {
      regexRules.add(new Redactor.RegexRule(Pattern.compile(regex), placeholderName(placeholder)));
      return this;
    }

    /** Accepts any value the matcher accepts at the selected places; the golden holds the matcher's label. */
    public Builder match(Selector selector, ValueMatcher matcher) {
      selectorRules.add(new Redactor.SelectorRule(Objects.requireNonNull(selector, "selector"), null,
          Objects.requireNonNull(matcher, "matcher")));
      return this;
    }

    /** Leaves the selected fields out of the comparison (they stay in the golden file). */
    public Builder ignore(Selector... selectors) {
      ignored.addAll(List.of(selectors));
      return this;
    }

    /** Where "golden written / updated" notices go (default: {@code java.util.logging}, INFO, logger {@code dev.agenttrace.golden.GoldenTraces}). */
    public Builder reporter(Consumer<String> reporter) {
      this.reporter = Objects.requireNonNull(reporter, "reporter");
      return this;
    }

    public GoldenTraces build() {
      return new GoldenTraces(this);
    }

    private static String placeholderName(String placeholder) {
      if (!placeholder.matches("[A-Za-z][A-Za-z0-9_.-]*")) {
        throw new IllegalArgumentException("A placeholder name is a word such as 'email' or 'order-id'; got '"
            + placeholder + "'");
      }
      return placeholder;
    }
  }
}
