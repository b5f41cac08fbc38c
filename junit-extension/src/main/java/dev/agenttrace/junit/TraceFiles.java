package dev.agenttrace.junit;

import dev.agenttrace.files.AtomicFiles;
import dev.agenttrace.files.SafeFileNames;
import dev.agenttrace.redaction.RedactionPolicy;
import dev.agenttrace.trace.AgentTrace;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Writes each test's trace tree to {@code <dir>/<test class>/<test method>.trace.txt}, so a test run leaves every
 * agent's trace behind to read or keep as a CI artifact. File names are built from the test's class and method
 * names reduced to {@code [A-Za-z0-9._$-]} (with a hash when anything was replaced or cut), and a path that would
 * still leave {@code dir} is rejected. Files are written atomically (temp file, then rename), with the umask's
 * permissions, and hold the tree redacted by the run's {@link RedactionPolicy}.
 */
final class TraceFiles {
  static final String DIR_PARAMETER = "agenttrace.trace.dir";
  static final String DEFAULT_DIR = "target/agenttrace-traces";
  private static final Pattern INVOCATION = Pattern.compile("invocation:#(\\d+)]");

  private final Path directory;
  private final String extension;

  TraceFiles(Path directory) {
    this(directory, ".trace.txt");
  }

  /** Files named like trace files but ending in {@code extension} (the HTML reports use {@code .html}). */
  TraceFiles(Path directory, String extension) {
    this.directory = directory.toAbsolutePath().normalize();
    this.extension = extension;
  }

  static TraceFiles from(ExtensionContext context) {
    return new TraceFiles(Path.of(context.getConfigurationParameter(DIR_PARAMETER).orElse(DEFAULT_DIR)));
  }

  /** The file for a test: class folder, method (and invocation index for parameterized and repeated tests). */
  Path fileFor(String className, String methodName, String uniqueId) {
    String suffix = invocationSuffix(uniqueId);
    Path file = directory.resolve(safeName(className)).resolve(safeName(methodName) + suffix + extension)
        .normalize();
    if (!file.startsWith(directory)) {
      throw new IllegalArgumentException("Refusing to write a file outside " + directory + ": " + file);
    }
    return file;
  }

  Path fileFor(ExtensionContext context) {
    return fileFor(context.getRequiredTestClass().getName(), context.getRequiredTestMethod().getName(),
        context.getUniqueId());
  }

  /** Writes the test's display name and trace tree, secrets redacted. */
  Path write(ExtensionContext context, AgentTrace trace) {
    RedactionPolicy redaction = ExtensionSettings.redaction(context);
    return AtomicFiles.write(fileFor(context),
        redaction.redactPlainText(context.getDisplayName()) + "\n" + trace.toTreeString(redaction, null));
  }


  /** {@code "-7"} for the 7th invocation of a parameterized or repeated test, else {@code ""}. */
  static String invocationSuffix(String uniqueId) {
    Matcher invocation = INVOCATION.matcher(uniqueId);
    return invocation.find() ? "-" + invocation.group(1) : "";
  }

  /** {@code name} reduced to safe characters; a hash of the original keeps altered names unique. */
  static String safeName(String name) {
    return SafeFileNames.safeName(name);
  }
}
