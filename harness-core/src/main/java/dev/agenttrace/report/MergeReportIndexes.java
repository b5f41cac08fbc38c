package dev.agenttrace.report;

import dev.agenttrace.redaction.RedactionPolicy;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line of {@link ReportIndex#merge}: one {@code index.html} over the report folders of several modules
 * or CI shards, with working relative links.
 *
 * <pre>
 * java -cp agenttrace-core.jar:jackson-core.jar:jackson-databind.jar:jackson-annotations.jar \
 *   dev.agenttrace.report.MergeReportIndexes --output target/agenttrace-all \
 *   module-a/target/agenttrace-reports module-b/target/agenttrace-reports
 * </pre>
 *
 * <p>Options: {@code --output <folder>} (required) where the index goes; {@code --all-runs} lists every record of
 * each folder instead of its latest run's. Test names are redacted by the built-in rules plus the system properties
 * {@code agenttrace.redaction.keys}, {@code .patterns} and {@code .allow} ({@code java -Dagenttrace.redaction.keys=ssn
 * …}), as in the test run. Exits 0 after printing the index's path, 2 with the reason on bad input.
 */
public final class MergeReportIndexes {
  static final String USAGE = "usage: java -cp <agenttrace-core and jackson jars> "
      + MergeReportIndexes.class.getName() + " --output <folder> [--all-runs] <report folder>...";

  private MergeReportIndexes() {}

  /** Merges the folders named in {@code args}; see the class comment. */
  public static void main(String[] args) {
    try {
      System.out.println(run(args));
    } catch (IllegalArgumentException badInput) {
      System.err.println(badInput.getMessage());
      System.err.println(USAGE);
      System.exit(2);
    }
  }

  /** Merges the folders named in {@code args}; returns the index written. */
  static Path run(String... args) {
    Path output = null;
    boolean allRuns = false;
    List<Path> folders = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--output" -> {
          if (i + 1 >= args.length) {
            throw new IllegalArgumentException("--output needs a folder");
          }
          output = Path.of(args[++i]);
        }
        case "--all-runs" -> allRuns = true;
        default -> {
          if (args[i].startsWith("--")) {
            throw new IllegalArgumentException("Unknown option " + args[i]);
          }
          folders.add(Path.of(args[i]));
        }
      }
    }
    if (output == null) {
      throw new IllegalArgumentException("Missing --output <folder>: where the merged index.html goes");
    }
    return ReportIndex.merge(output, folders, allRuns, RedactionPolicy.fromSettings(System::getProperty));
  }
}
