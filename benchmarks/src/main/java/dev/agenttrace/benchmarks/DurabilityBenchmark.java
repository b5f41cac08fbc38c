package dev.agenttrace.benchmarks;

import dev.agenttrace.benchmarks.WeatherFixture.Wiring;
import dev.agenttrace.llm.ChatResponse;
import dev.agenttrace.llm.FinishReason;
import dev.agenttrace.llm.Message;
import dev.agenttrace.llm.Usage;
import dev.agenttrace.runtime.CrashExploration;
import dev.agenttrace.runtime.CrashExplorationResult;
import dev.agenttrace.runtime.FileJournal;
import dev.agenttrace.runtime.InMemoryJournal;
import dev.agenttrace.runtime.Journal;
import dev.agenttrace.runtime.JournalEntry;
import dev.agenttrace.runtime.OperationKind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Cost of durability testing (issue 14), in microseconds per operation.
 *
 * <p>Crash exploration of the weather agent at all its 8 crash points ({@link #crashExplorationAllPoints}: the
 * uncrashed run plus 8 crashed and recovered runs, each compared with it) against its baseline, one plain run with
 * the same wiring ({@link #plainRunWithCapture}, like {@code @AgentTest}). The cost per crash point is
 * {@code (exploration - plain) / 8}.
 *
 * <p>Journal appends: {@link #fileJournalAppend} (one typed {@code ChatResponse} entry written and handed to the OS)
 * against {@link #inMemoryJournalAppend}. Fixtures and journals are replaced every {@value #OPS_PER_FIXTURE}
 * operations (stubs record every request; journals grow), the same for both sides of each comparison.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class DurabilityBenchmark {
  static final int OPS_PER_FIXTURE = 64;
  static final int CRASH_POINTS = 8;
  private static final ChatResponse RESPONSE = new ChatResponse("resp-1", "gpt-4o",
      Message.assistant("18°C and sunny in Paris."), FinishReason.STOP, Usage.of(20, 8));

  private WeatherFixture fixture;
  private int runsLeft;
  private Path directory;
  private Journal journal;
  private int position;

  @Setup
  public void verifyScenario() throws IOException {
    directory = Files.createTempDirectory("agenttrace-journal-bench");
    try (WeatherFixture check = new WeatherFixture(Wiring.HARNESS_WITH_CAPTURE)) {
      CrashExplorationResult result = CrashExploration.of(check.harness(), WeatherFixture.agent(),
          WeatherFixture.QUESTION).run();
      if (result.crashPoints().size() != CRASH_POINTS) {
        throw new IllegalStateException("expected " + CRASH_POINTS + " crash points: " + result.crashPoints());
      }
    }
  }

  @TearDown
  public void tearDown() throws IOException {
    if (fixture != null) {
      fixture.close();
    }
    closeJournal();
    try (var files = Files.list(directory)) {
      for (Path file : files.toList()) {
        Files.delete(file);
      }
    }
    Files.delete(directory);
  }

  /** Baseline: one weather run wired like {@code @AgentTest}, plus the trace snapshot. */
  @Benchmark
  public void plainRunWithCapture(Blackhole sink) {
    sink.consume(fixture().runAndSnapshot());
  }

  /** The weather agent explored at every crash point, same wiring. */
  @Benchmark
  public void crashExplorationAllPoints(Blackhole sink) {
    WeatherFixture current = fixture();
    sink.consume(CrashExploration.of(current.harness(), WeatherFixture.agent(), WeatherFixture.QUESTION).run());
    current.resetCapture();
  }

  /** Baseline: appending one entry to the in-memory journal. */
  @Benchmark
  public void inMemoryJournalAppend() {
    append(false);
  }

  /** Appending one typed entry to the file journal (written and flushed to the OS, no fsync). */
  @Benchmark
  public void fileJournalAppend() {
    append(true);
  }

  private void append(boolean file) {
    if (journal == null || position == OPS_PER_FIXTURE * 16) {
      closeJournal();
      journal = file ? FileJournal.open(directory.resolve("journal-" + System.nanoTime() + ".jsonl"))
          : new InMemoryJournal();
      position = 0;
    }
    journal.append("bench", JournalEntry.completed(position, OperationKind.CHAT, position + ":chat:gpt-4o",
        "chat gpt-4o", RESPONSE));
    position++;
  }

  private void closeJournal() {
    if (journal instanceof FileJournal fileJournal) {
      fileJournal.close();
      try {
        Files.deleteIfExists(fileJournal.file());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    journal = null;
  }

  private WeatherFixture fixture() {
    if (fixture == null || runsLeft == 0) {
      if (fixture != null) {
        fixture.close();
      }
      fixture = new WeatherFixture(Wiring.HARNESS_WITH_CAPTURE);
      runsLeft = OPS_PER_FIXTURE;
    }
    runsLeft--;
    return fixture;
  }
}
