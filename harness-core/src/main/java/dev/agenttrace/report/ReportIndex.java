package dev.agenttrace.report;

import dev.agenttrace.files.AtomicFiles;
import dev.agenttrace.files.FolderLock;
import dev.agenttrace.redaction.RedactionPolicy;
import dev.agenttrace.trace.AgentTrace;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Writes {@code index.html}, the page listing every agent test of a run — class, method, outcome, segments, LLM
 * calls, tool calls, tokens, duration — each linked to its report, filterable (failed only, by class) and sortable
 * by any column, with no network and under the same Content-Security-Policy as the reports.
 *
 * <p>A run spread over several JVMs (Surefire forks, Gradle workers) gets one complete index: every test leaves a
 * {@link RunRecord} beside its report, and {@link #rebuild(Path, String, RedactionPolicy)} writes the index from all
 * records of the run, holding a lock on the folder so that JVMs finishing at the same moment take turns.
 * {@link #merge} writes one index over several report folders (modules of a build, CI shards). Test names go
 * through the {@link RedactionPolicy} on every path: into a record, into an index and into a merged index.
 */
public final class ReportIndex {
  /** The index's file name. */
  public static final String FILE_NAME = "index.html";
  /** The lock file that serializes index rebuilds in a report folder. */
  public static final String LOCK_FILE = ".agenttrace-index.lock";

  private ReportIndex() {}

  /**
   * One test of the run.
   *
   * @param testClass the test class name
   * @param method the test method (display name for parameterized invocations)
   * @param status how the test ended
   * @param segments the number of execution segments
   * @param llmCalls the number of LLM calls
   * @param toolCalls the number of tool calls
   * @param tokens input plus output tokens
   * @param duration the trace's duration, first span start to last span end
   * @param report the test's report file
   */
  public record Entry(String testClass, String method, ReportInfo.Status status, int segments, int llmCalls,
      int toolCalls, long tokens, Duration duration, Path report) {
    public Entry {
      Objects.requireNonNull(testClass, "testClass");
      Objects.requireNonNull(method, "method");
      Objects.requireNonNull(status, "status");
      Objects.requireNonNull(duration, "duration");
      Objects.requireNonNull(report, "report");
    }

    /** The entry of a test whose trace is {@code trace} and whose report is {@code report}. */
    public static Entry of(String testClass, String method, ReportInfo.Status status, AgentTrace trace, Path report) {
      long start = trace.spans().stream().mapToLong(span -> span.startEpochNanos()).min().orElse(0);
      long end = trace.spans().stream().mapToLong(span -> span.endEpochNanos()).max().orElse(0);
      return new Entry(testClass, method, status, trace.segments().size(), trace.llmCalls().size(),
          trace.toolInvocations().size(), trace.totalUsage().totalTokens(), Duration.ofNanos(Math.max(0, end - start)),
          report);
    }

    /** This entry with its class and test names redacted by {@code policy} (display names can hold anything). */
    Entry withNamesRedacted(RedactionPolicy policy) {
      return new Entry(policy.redact(testClass), policy.redact(method), status, segments, llmCalls, toolCalls, tokens,
          duration, report);
    }
  }

  /** Writes the index of {@code entries} into {@code directory}, with links relative to it; returns the file. */
  public static Path write(Path directory, List<Entry> entries) {
    return write(directory, entries, RedactionPolicy.defaults());
  }

  /** {@link #write(Path, List)} with test names redacted by {@code redaction} (display names can hold anything). */
  public static Path write(Path directory, List<Entry> entries, RedactionPolicy redaction) {
    return write(directory, entries, List.of(), redaction);
  }

  /**
   * Rewrites {@code directory/index.html} from the records of run {@code runId} in that folder, whichever JVM of the
   * run calls it; records of other runs are left out (and counted in a note). Holds an exclusive lock on
   * {@value #LOCK_FILE} in the folder while it reads the records and replaces the index, so JVMs finishing together
   * never lose each other's entries. Test names and notes are redacted by {@code redaction}. Returns the index file.
   */
  public static Path rebuild(Path directory, String runId, RedactionPolicy redaction) {
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(redaction, "redaction");
    Path dir = directory.toAbsolutePath().normalize();
    return FolderLock.withLock(dir, LOCK_FILE, () -> {
      List<Entry> entries = new ArrayList<>();
      int otherRuns = 0;
      for (RunRecord record : RunRecord.readAll(dir)) {
        if (record.runId().equals(runId)) {
          entries.add(record.entry());
        } else {
          otherRuns++;
        }
      }
      List<String> notes = otherRuns == 0 ? List.of() : List.of(otherRuns + (otherRuns == 1
          ? " report in this folder is from another test run and is not listed"
          : " reports in this folder are from other test runs and are not listed")
          + " (a run is one mvn invocation, or the agenttrace.run.id you set).");
      return write(dir, entries, notes, redaction);
    });
  }

  /**
   * Writes one index into {@code output} over the report folders {@code folders} (modules of a build, downloaded
   * CI shards), linking each report relative to {@code output}. From each folder it takes the records of the run
   * that wrote the folder's newest record, or every record when {@code allRuns}. Test names and notes are redacted
   * by {@code redaction}. Returns the index file.
   *
   * @throws IllegalArgumentException when a folder does not exist or holds no run records
   */
  public static Path merge(Path output, List<Path> folders, boolean allRuns, RedactionPolicy redaction) {
    if (folders.isEmpty()) {
      throw new IllegalArgumentException("No report folders to merge: name at least one folder that holds "
          + "AgentTrace reports (such as module/target/agenttrace-reports)");
    }
    Map<Path, Entry> entries = new LinkedHashMap<>();
    List<String> sources = new ArrayList<>();
    for (Path folder : folders) {
      Path dir = folder.toAbsolutePath().normalize();
      if (!Files.isDirectory(dir)) {
        throw new IllegalArgumentException("Report folder " + dir + " does not exist");
      }
      List<RunRecord> records = RunRecord.readAll(dir);
      if (records.isEmpty()) {
        throw new IllegalArgumentException("Report folder " + dir + " holds no run records (*" + RunRecord.SUFFIX
            + "); were its tests run with this version of AgentTrace and agenttrace.report.mode=always?");
      }
      String latest = allRuns ? null : latestRun(records);
      int taken = 0;
      for (RunRecord record : records) {
        if (latest == null || record.runId().equals(latest)) {
          entries.putIfAbsent(record.entry().report(), record.entry());
          taken++;
        }
      }
      sources.add(taken + " from " + dir);
    }
    Path out = output.toAbsolutePath().normalize();
    return write(out, List.copyOf(entries.values()), List.of("Merged: " + String.join("; ", sources)), redaction);
  }

  private static Path write(Path directory, List<Entry> entries, List<String> notes, RedactionPolicy redaction) {
    Path dir = directory.toAbsolutePath().normalize();
    String html = IndexPage.render(dir, entries, notes, redaction);
    return AtomicFiles.write(dir.resolve(FILE_NAME), out -> out.write(html));
  }

  private static String latestRun(List<RunRecord> records) {
    return records.stream().max(Comparator.comparing(ReportIndex::writtenAt)).map(RunRecord::runId).orElseThrow();
  }

  private static FileTime writtenAt(RunRecord record) {
    Path file = RunRecord.fileFor(record.entry().report());
    try {
      return Files.getLastModifiedTime(file);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read the time of " + file, e);
    }
  }
}
