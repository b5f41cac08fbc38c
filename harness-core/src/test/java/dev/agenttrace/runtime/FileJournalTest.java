package dev.agenttrace.runtime;

import static dev.agenttrace.runtime.RuntimeFixture.ScriptedLlm.text;
import static dev.agenttrace.runtime.RuntimeFixture.ScriptedLlm.toolCall;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agenttrace.capture.TraceCapture;
import dev.agenttrace.llm.ChatResponse;
import dev.agenttrace.llm.Role;
import dev.agenttrace.trace.AgentTrace;
import dev.agenttrace.trace.Segment;
import dev.agenttrace.trace.SegmentOutcome;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileJournalTest {
  @TempDir
  Path dir;

  private final TraceCapture capture = TraceCapture.create();
  private final RuntimeFixture.ScriptedLlm llm = new RuntimeFixture.ScriptedLlm();
  private final RuntimeFixture.ScriptedTools tools = new RuntimeFixture.ScriptedTools();

  @AfterEach
  void close() {
    capture.close();
  }

  /** A record an agent step returns, to show typed values survive the restart. */
  record Booking(String id, int seats, Instant at, List<String> names) {}

  private AgentHarness harness(Journal journal) {
    return RuntimeFixture.capturedHarness(capture, journal, llm, tools);
  }

  private void scriptWeather() {
    RuntimeFixture.scriptWeather(llm, tools);
  }

  @Test
  void aNewProcessOnTheSameFileResumesTheExecutionInTheSameTrace() {
    scriptWeather();
    Path file = dir.resolve("journal.jsonl");
    String executionId;
    try (FileJournal journal = FileJournal.open(file)) {
      AgentRun<String> run = harness(journal).start(new WeatherAgent(), "Weather in Paris?");
      assertThat(run.status()).isEqualTo(RunStatus.WAITING);
      executionId = run.executionId();
    }
    // every object of the first "process" is gone; only the file and the exported spans remain
    try (FileJournal journal = FileJournal.open(file)) {
      AgentRun<String> run = harness(journal).recover(executionId, new WeatherAgent(), "Weather in Paris?");
      assertThat(run.waitingOn()).get().hasToString("tool get_weather");
      run.resume();

      assertThat(run.output()).isEqualTo("18°C and sunny in Paris.");
      assertThat(journal.entries(executionId).get(0).value()).isInstanceOf(ChatResponse.class);
    }
    assertThat(llm.calls).hasValue(2);
    assertThat(tools.calls).hasValue(1);
    AgentTrace trace = capture.trace();
    assertThat(trace.executions()).singleElement().satisfies(execution -> {
      assertThat(execution.segments()).extracting(Segment::outcome)
          .containsExactly(SegmentOutcome.WAITING, SegmentOutcome.COMPLETED);
      assertThat(execution.segments()).extracting(segment -> segment.span().traceId()).containsOnly(
          execution.span().traceId());
      assertThat(execution.segments().get(1).previousSpanId()).contains(execution.span().spanId());
    });
  }

  @Test
  void aProcessThatDiedMidSegmentIsContinuedFromTheFile() {
    scriptWeather();
    Path file = dir.resolve("journal.jsonl");
    String executionId;
    try (FileJournal journal = FileJournal.open(file).syncEveryWrite()) {
      executionId = harness(journal).start(new WeatherAgent(), "q", Crash.before(OperationKind.TOOLS)).executionId();
    }
    try (FileJournal journal = FileJournal.open(file)) {
      AgentRun<String> run = harness(journal).recover(executionId, new WeatherAgent(), "q");
      run.resume();
      assertThat(run.output()).isEqualTo("18°C and sunny in Paris.");
    }
    assertThat(llm.calls).hasValue(2);
    assertThat(capture.trace().segments().get(1).resumeInfo()).get()
        .satisfies(resume -> assertThat(resume.cause()).isEqualTo("process_restart"));
  }

  @Test
  void journaledValuesComeBackWithTheirTypes() {
    Path file = dir.resolve("journal.jsonl");
    Booking booking = new Booking("B-1", 2, Instant.parse("2026-01-01T10:00:00Z"), List.of("Ada", "Alan"));
    List<Object> values = new ArrayList<>(List.of("text", 42, 42L, 4.2, true, booking, Duration.ofMinutes(3),
        UUID.fromString("00000000-0000-0000-0000-000000000001"), OperationKind.CHAT, Map.of("k", List.of(1L)),
        Approval.granted("ada", "fine"), text("hello")));
    values.add(null);
    try (FileJournal journal = FileJournal.open(file)) {
      for (int i = 0; i < values.size(); i++) {
        journal.append("e", JournalEntry.completed(i, OperationKind.STEP, i + ":step:v", "step v", values.get(i)));
      }
      journal.append("e", JournalEntry.failed(values.size(), OperationKind.STEP, "f", "step f",
          RecordedFailure.of(new IllegalStateException("boom"))));
    }
    try (FileJournal journal = FileJournal.open(file)) {
      List<JournalEntry> entries = journal.entries("e");
      assertThat(entries.subList(0, values.size())).extracting(JournalEntry::value).containsExactlyElementsOf(values);
      assertThat(entries.get(values.size()).failure()).satisfies(failure -> {
        assertThat(failure.type()).isEqualTo(IllegalStateException.class.getName());
        assertThat(failure.message()).isEqualTo("boom");
      });
    }
  }

  @Test
  void aValueTheJournalCannotStoreIsRefusedWithWhatToUse() {
    try (FileJournal journal = FileJournal.open(dir.resolve("j.jsonl"))) {
      assertThatThrownBy(() -> journal.append("e",
          JournalEntry.completed(0, OperationKind.STEP, "k", "step", new StringBuilder("x"))))
          .hasMessageContaining("Cannot journal a value of type java.lang.StringBuilder")
          .hasMessageContaining("records of those");
    }
  }

  @Test
  void aCorruptRecordFailsWithTheFileTheLineAndWhatToDo() throws IOException {
    Path file = writeWeatherJournal();
    List<String> lines = new ArrayList<>(Files.readAllLines(file));
    lines.set(2, lines.get(2).substring(0, 20) + "#" + lines.get(2).substring(21));
    Files.write(file, lines);
    long offset = (lines.get(0) + "\n" + lines.get(1) + "\n").getBytes(StandardCharsets.UTF_8).length;

    assertThatThrownBy(() -> FileJournal.open(file))
        .isInstanceOf(JournalFileException.class)
        .hasMessageContaining("Journal file " + file + " cannot be read at line 3 (byte offset " + offset + ")")
        .hasMessageContaining("the record is corrupt (its checksum does not match)")
        .hasMessageContaining("does not restart executions from scratch")
        .hasMessageContaining("Restore the file from a copy")
        .satisfies(error -> assertThat(((JournalFileException) error).line()).isEqualTo(3));
  }

  @Test
  void aTruncatedFileFailsInsteadOfStartingOver() throws IOException {
    Path file = writeWeatherJournal();
    byte[] bytes = Files.readAllBytes(file);
    Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length - 10));
    int lines = Files.readAllLines(file).size();

    assertThatThrownBy(() -> FileJournal.open(file))
        .isInstanceOf(JournalFileException.class)
        .hasMessageContaining("at line " + lines + " ")
        .hasMessageContaining("the file is truncated: its last record ends without a newline");
  }

  @Test
  void aFileOfAnotherVersionOrFormatIsRefused() throws IOException {
    Path newer = dir.resolve("newer.jsonl");
    String header = "{\"format\":\"agenttrace-journal\",\"version\":2}";
    Files.writeString(newer, header.replace("}", ",\"crc\":\"" + crc(header) + "\"}\n"));
    assertThatThrownBy(() -> FileJournal.open(newer)).hasMessageContaining("format version 2 is not supported");
    Path other = dir.resolve("other.jsonl");
    Files.writeString(other, "hello\n");
    assertThatThrownBy(() -> FileJournal.open(other)).hasMessageContaining("at line 1 (byte offset 0)");
  }

  private static String crc(String json) {
    java.util.zip.CRC32 crc = new java.util.zip.CRC32();
    crc.update(json.getBytes(StandardCharsets.UTF_8));
    return Long.toHexString(crc.getValue());
  }

  private Path writeWeatherJournal() {
    scriptWeather();
    Path file = dir.resolve("journal.jsonl");
    try (FileJournal journal = FileJournal.open(file)) {
      harness(journal).run(new WeatherAgent(), "q");
    }
    return file;
  }
}
