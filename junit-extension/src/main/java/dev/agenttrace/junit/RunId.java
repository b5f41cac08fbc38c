package dev.agenttrace.junit;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Which test run this JVM belongs to, so that the run index lists the tests of this run and never those of an
 * earlier one left in the same report folder. In order:
 * <ol>
 *   <li>the configuration parameter or system property {@value #PARAMETER}, when the build sets one (Gradle with
 *       {@code maxParallelForks > 1}, CI shards writing into one folder, Maven daemons);</li>
 *   <li>in a JVM forked by Surefire or Failsafe, the forking Maven JVM (its process id and start time) — the nearest
 *       ancestor process that is a JVM, as Surefire starts each fork through a shell: every fork of one {@code mvn}
 *       invocation, reused or not, shares the run, and the next invocation starts a new one;</li>
 *   <li>otherwise this JVM (its process id and start time): an IDE run, a Gradle test worker, tests inside the
 *       Maven JVM ({@code forkCount=0}) — a long-lived parent such as an IDE or the Gradle daemon does not make
 *       later runs one run.</li>
 * </ol>
 */
final class RunId {
  /** The configuration parameter (or system property) that names the run. */
  static final String PARAMETER = "agenttrace.run.id";
  private static final int MAX_DEPTH = 4;

  private RunId() {}

  /** The run of this JVM: {@code explicit} when set, else derived from the processes (see the class comment). */
  static String resolve(Optional<String> explicit) {
    return resolve(explicit, System.getProperty("sun.java.command", ""), ProcessHandle.current());
  }

  static String resolve(Optional<String> explicit, String javaCommand, ProcessHandle self) {
    if (explicit.isPresent()) {
      String id = explicit.get().strip();
      if (id.isEmpty()) {
        throw new IllegalArgumentException(PARAMETER + " is blank: set it to a value unique to the test run "
            + "(such as the CI build number), or remove it to let AgentTrace derive the run");
      }
      return id;
    }
    if (isSurefireFork(javaCommand)) {
      Optional<ProcessHandle> maven = nearestJvmAncestor(self);
      if (maven.isPresent()) {
        return "maven-" + describe(maven.get());
      }
    }
    return "jvm-" + describe(self);
  }

  /** The closest process above {@code self} whose executable is {@code java}, skipping shells in between. */
  static Optional<ProcessHandle> nearestJvmAncestor(ProcessHandle self) {
    Optional<ProcessHandle> ancestor = self.parent();
    for (int depth = 0; ancestor.isPresent() && depth < MAX_DEPTH; depth++) {
      if (isJava(ancestor.get())) {
        return ancestor;
      }
      ancestor = ancestor.get().parent();
    }
    return Optional.empty();
  }

  private static boolean isJava(ProcessHandle process) {
    return process.info().command().map(command -> Path.of(command).getFileName().toString())
        .map(name -> name.equals("java") || name.equals("java.exe")).orElse(false);
  }

  /** True for a JVM started by Surefire's or Failsafe's fork booter (a main class or booter jar of Surefire). */
  static boolean isSurefireFork(String javaCommand) {
    String main = javaCommand.strip().split("\\s+", 2)[0];
    return main.contains("surefire");
  }

  private static String describe(ProcessHandle process) {
    return process.pid() + process.info().startInstant().map(start -> "-" + start.toEpochMilli()).orElse("");
  }
}
