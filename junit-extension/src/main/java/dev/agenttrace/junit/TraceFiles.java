package dev.agenttrace.junit;

import dev.agenttrace.files.SafeFileNames;
import java.nio.file.Path;

/**
 * Names a test's files inside an output folder: {@code <dir>/<test class>/<test method>[-<invocation>]<suffix>}
 * (the trace text file {@code .trace.txt}, the HTML report {@code .html}), so a test run leaves every agent's trace
 * behind to read or keep as a CI artifact. Names are reduced to {@code [A-Za-z0-9._$-]} (with a hash when anything
 * was replaced or cut), and a path that would still leave the folder is rejected.
 */
final class TraceFiles {
  static final String TRACE_SUFFIX = ".trace.txt";
  static final String REPORT_SUFFIX = ".html";

  private final Path directory;
  private final String suffix;

  TraceFiles(Path directory) {
    this(directory, TRACE_SUFFIX);
  }

  /** Files named like trace files but ending in {@code suffix}. */
  TraceFiles(Path directory, String suffix) {
    this.directory = directory.toAbsolutePath().normalize();
    this.suffix = suffix;
  }

  /** The file for a test: class folder, method (and invocation index for parameterized and repeated tests). */
  Path fileFor(String className, String methodName, String uniqueId) {
    return fileFor(className, methodName + TestIdentity.invocationSuffix(uniqueId));
  }

  Path fileFor(TestIdentity identity) {
    return fileFor(identity.className(), identity.testName());
  }

  private Path fileFor(String className, String testName) {
    Path file = directory.resolve(SafeFileNames.safeName(className)).resolve(SafeFileNames.safeName(testName) + suffix)
        .normalize();
    if (!file.startsWith(directory)) {
      throw new IllegalArgumentException("Refusing to write a file outside " + directory + ": " + file);
    }
    return file;
  }
}
