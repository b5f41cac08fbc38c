package dev.agenttrace.runtime;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.agenttrace.redaction.RedactionPolicy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.zip.CRC32;

/**
 * A {@link Journal} in a file, to test what a real process restart does: a test runs an agent on a harness over the
 * file, drops every object, builds a new harness over a new {@code FileJournal} on the same file and
 * {@link AgentHarness#recover recovers} the execution — in the same trace.
 *
 * <pre>{@code
 * try (FileJournal journal = FileJournal.open(dir.resolve("journal.jsonl"))) {
 *   AgentHarness harness = AgentHarness.builder().journal(journal)...build();
 * }
 * }</pre>
 *
 * <p><b>Format.</b> JSON lines, versioned: a header {@code {"format":"agenttrace-journal","version":1}}, then one
 * record per change ({@code append}, {@code replace}, {@code execution}); values are typed by {@link JournalCodec}
 * (records, lists, the LLM types). Reading a file replays its records; a corrupt, truncated or newer file fails with
 * a {@link JournalFileException} naming the file, the line and what to do — never a silent fresh start.
 *
 * <p><b>Durability.</b> Every record is written and handed to the operating system before the call returns, so it
 * survives the process dying. {@link #syncEveryWrite()} also forces each write to the disk ({@code fsync}), which
 * survives power loss and costs far more. Thread-safe; one process per file.
 */
public final class FileJournal implements Journal, AutoCloseable {
  /** The format name in the header line. */
  public static final String FORMAT = "agenttrace-journal";
  /** The format version this class writes and reads. */
  public static final int VERSION = 1;

  private final Path file;
  private final InMemoryJournal state = new InMemoryJournal();
  private final JournalCodec codec = new JournalCodec();
  private final FileChannel channel;
  private boolean sync;

  private FileJournal(Path file) {
    this.file = file;
    try {
      boolean fresh = !Files.exists(file) || Files.size(file) == 0;
      if (!fresh) {
        new JournalFileReader(file, state, codec).read();
      }
      this.channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
          StandardOpenOption.APPEND);
      if (fresh) {
        write(JsonNodeFactory.instance.objectNode().put("format", FORMAT).put("version", VERSION));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot open journal file " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Opens (or creates) the journal in {@code file}, reading back every execution it holds.
   *
   * @throws JournalFileException when the file is corrupt, truncated or of another format version
   */
  public static FileJournal open(Path file) {
    return new FileJournal(Objects.requireNonNull(file, "file"));
  }

  /** Also forces every write to the storage device ({@code fsync}): survives power loss, much slower. */
  public synchronized FileJournal syncEveryWrite() {
    this.sync = true;
    return this;
  }

  public Path file() {
    return file;
  }

  @Override
  public List<JournalEntry> entries(String executionId) {
    return state.entries(executionId);
  }

  @Override
  public synchronized void append(String executionId, JournalEntry entry) {
    state.append(executionId, entry);
    write(change("append", executionId).set("entry", codec.write(entry)));
  }

  @Override
  public synchronized void replace(String executionId, JournalEntry entry) {
    state.replace(executionId, entry);
    write(change("replace", executionId).set("entry", codec.write(entry)));
  }

  @Override
  public Optional<ExecutionRecord> execution(String executionId) {
    return state.execution(executionId);
  }

  @Override
  public synchronized void saveExecution(ExecutionRecord record) {
    state.saveExecution(record);
    write(change("execution", record.executionId()).set("record", codec.write(record)));
  }

  @Override
  public synchronized void close() {
    try {
      channel.close();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot close journal file " + file + ": " + e.getMessage(), e);
    }
  }

  private static ObjectNode change(String op, String executionId) {
    return JsonNodeFactory.instance.objectNode().put("op", op).put("execution", executionId);
  }

  private void write(ObjectNode record) {
    // the same text as the record with a last field "crc": serialized once, the checksum spliced in
    String json = JournalCodec.toJson(record);
    byte[] line = (json.substring(0, json.length() - 1) + ",\"crc\":\"" + checksum(json) + "\"}\n")
        .getBytes(StandardCharsets.UTF_8);
    try {
      ByteBuffer buffer = ByteBuffer.wrap(line);
      while (buffer.hasRemaining()) {
        channel.write(buffer);
      }
      if (sync) {
        channel.force(false);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot append to journal file " + file + ": " + e.getMessage(), e);
    }
  }

  /** CRC-32 of a record's JSON without its {@code crc} field: catches a damaged record that is still valid JSON. */
  private static String checksum(String json) {
    CRC32 crc = new CRC32();
    crc.update(json.getBytes(StandardCharsets.UTF_8));
    return Long.toHexString(crc.getValue());
  }

  /** Reads a journal file into memory, record by record, failing with the line and offset of a bad record. */
  private static final class JournalFileReader {
    private final Path file;
    private final InMemoryJournal into;
    private final JournalCodec codec;

    JournalFileReader(Path file, InMemoryJournal into, JournalCodec codec) {
      this.file = file;
      this.into = into;
      this.codec = codec;
    }

    void read() throws IOException {
      byte[] bytes = Files.readAllBytes(file);
      int start = 0;
      int line = 0;
      while (start < bytes.length) {
        line++;
        int end = indexOf(bytes, (byte) '\n', start);
        if (end < 0) {
          throw new JournalFileException(file, line, start, "the file is truncated: its last record ends without a "
              + "newline, so the process most likely died while writing it", null);
        }
        String text = new String(bytes, start, end - start, StandardCharsets.UTF_8);
        try {
          apply(line, text);
        } catch (JsonProcessingException | JournalCodec.CodecException | IllegalArgumentException
            | IllegalStateException | java.time.DateTimeException e) {
          throw new JournalFileException(file, line, start, "the record is corrupt (" + message(e) + "): "
              + abbreviate(text), e);
        }
        start = end + 1;
      }
    }

    private void apply(int line, String text) throws JsonProcessingException {
      JsonNode parsed = JournalCodec.parse(text);
      if (!(parsed instanceof ObjectNode record)) {
        throw new IllegalArgumentException("a record must be a JSON object");
      }
      JsonNode crc = record.remove("crc");
      if (crc == null || !crc.asText().equals(checksum(JournalCodec.toJson(record)))) {
        throw new IllegalArgumentException(crc == null ? "it has no checksum" : "its checksum does not match");
      }
      if (line == 1) {
        checkHeader(record);
        return;
      }
      String op = record.path("op").asText("");
      String executionId = record.path("execution").asText("");
      switch (op) {
        case "append":
          into.append(executionId, entry(record));
          break;
        case "replace":
          into.replace(executionId, entry(record));
          break;
        case "execution":
          into.saveExecution((ExecutionRecord) codec.read(record.path("record")));
          break;
        default:
          throw new IllegalArgumentException("unknown operation '" + op + "'");
      }
    }

    private void checkHeader(JsonNode header) {
      if (!FORMAT.equals(header.path("format").asText())) {
        throw new IllegalArgumentException("this is not an AgentTrace journal (the first line must be the header "
            + "{\"format\":\"" + FORMAT + "\",\"version\":" + VERSION + "})");
      }
      int version = header.path("version").asInt(-1);
      if (version != VERSION) {
        throw new IllegalArgumentException("format version " + version + " is not supported; this AgentTrace reads "
            + "version " + VERSION + " (use the AgentTrace version that wrote it)");
      }
    }

    private JournalEntry entry(JsonNode record) {
      Object entry = codec.read(record.path("entry"));
      if (!(entry instanceof JournalEntry journalEntry)) {
        throw new IllegalArgumentException("the entry is not a journal entry");
      }
      return journalEntry;
    }

    private static int indexOf(byte[] bytes, byte wanted, int from) {
      for (int i = from; i < bytes.length; i++) {
        if (bytes[i] == wanted) {
          return i;
        }
      }
      return -1;
    }

    private static String message(Exception e) {
      return e instanceof JsonProcessingException json ? json.getOriginalMessage() : e.getMessage();
    }

    /** The start of a bad record, for the message; it may hold an agent's data, so secrets are redacted. */
    private static String abbreviate(String text) {
      return RedactionPolicy.defaults().redactPlainText(text.length() <= 200 ? text : text.substring(0, 200) + "…");
    }
  }
}
