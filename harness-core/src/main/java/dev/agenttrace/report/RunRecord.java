package dev.agenttrace.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.agenttrace.files.AtomicFiles;
import dev.agenttrace.redaction.RedactionPolicy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * One agent test's line of a run index, kept as a small JSON file beside its report
 * ({@code <class>/<method>.record.json} next to {@code <class>/<method>.html}). Every JVM of a run leaves its
 * records in the report folder, so the index can be rebuilt from all of them whichever JVM finishes last, and
 * several folders (modules, CI shards) can be merged into one index.
 *
 * @param runId the run the test belonged to; the index lists only the records of one run
 * @param entry the test's line: class, name, outcome, counts, duration and its report file (absolute)
 */
public record RunRecord(String runId, ReportIndex.Entry entry) {
  /** The suffix of record files. */
  public static final String SUFFIX = ".record.json";
  private static final int FORMAT = 1;
  private static final JsonFactory FACTORY = JsonFactory.builder().build();

  public RunRecord {
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(entry, "entry");
  }

  /** The record file that belongs to {@code report}: {@code x.html} → {@code x.record.json} in the same folder. */
  public static Path fileFor(Path report) {
    String name = report.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return report.resolveSibling((dot > 0 ? name.substring(0, dot) : name) + SUFFIX);
  }

  /**
   * Writes this record beside its report (atomically), its class and test names redacted by {@code redaction} as in
   * the index (a parameterized test's display name can hold anything); returns the record file.
   */
  public Path write(RedactionPolicy redaction) {
    ReportIndex.Entry entry = this.entry.withNamesRedacted(redaction.withMarker(ReportText.REDACTED));
    Path file = fileFor(entry.report().toAbsolutePath().normalize());
    return AtomicFiles.write(file, out -> {
      try (JsonGenerator json = FACTORY.createGenerator(out)) {
        json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        json.writeStartObject();
        json.writeNumberField("format", FORMAT);
        json.writeStringField("run", runId);
        json.writeStringField("class", entry.testClass());
        json.writeStringField("test", entry.method());
        json.writeStringField("status", entry.status().name().toLowerCase(Locale.ROOT));
        json.writeNumberField("segments", entry.segments());
        json.writeNumberField("llmCalls", entry.llmCalls());
        json.writeNumberField("toolCalls", entry.toolCalls());
        json.writeNumberField("tokens", entry.tokens());
        json.writeNumberField("durationNanos", entry.duration().toNanos());
        json.writeStringField("report", entry.report().getFileName().toString());
        json.writeEndObject();
      }
    });
  }

  /**
   * Reads one record file; its report is resolved beside it. Read with the streaming parser (a record is one flat
   * object), so rebuilding an index never starts Jackson's data binding in a test JVM.
   */
  public static RunRecord read(Path file) {
    Map<String, Object> fields = new HashMap<>();
    try (JsonParser json = FACTORY.createParser(Files.readAllBytes(file))) {
      if (json.nextToken() == JsonToken.START_OBJECT) {
        while (json.nextToken() == JsonToken.FIELD_NAME) {
          String name = json.currentName();
          JsonToken value = json.nextToken();
          if (value == JsonToken.VALUE_STRING) {
            fields.put(name, json.getText());
          } else if (value.isNumeric()) {
            fields.put(name, json.getNumberValue());
          } else {
            json.skipChildren();
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read the run record " + file, e);
    }
    if (number(fields, "format").longValue() != FORMAT) {
      throw new IllegalArgumentException("Not an AgentTrace run record (format " + FORMAT + "): " + file
          + "; delete it, or the whole report folder, and run the tests again");
    }
    ReportIndex.Entry entry = new ReportIndex.Entry(text(fields, "class", file), text(fields, "test", file),
        ReportInfo.Status.valueOf(text(fields, "status", file).toUpperCase(Locale.ROOT)),
        number(fields, "segments").intValue(), number(fields, "llmCalls").intValue(),
        number(fields, "toolCalls").intValue(), number(fields, "tokens").longValue(),
        Duration.ofNanos(number(fields, "durationNanos").longValue()),
        file.resolveSibling(text(fields, "report", file)).toAbsolutePath().normalize());
    return new RunRecord(text(fields, "run", file), entry);
  }

  private static Number number(Map<String, Object> fields, String field) {
    return fields.get(field) instanceof Number number ? number : 0;
  }

  /**
   * Every record in {@code folder}'s class folders, in a stable order; none when the folder does not exist. Lists
   * names only (no file attributes), so files that other JVMs are writing or renaming at the same moment never
   * break the listing; their half-written temporary files are skipped by name.
   */
  public static List<RunRecord> readAll(Path folder) {
    Path dir = folder.toAbsolutePath().normalize();
    List<Path> files = new ArrayList<>();
    for (Path classDir : list(dir)) {
      if (Files.isDirectory(classDir)) {
        list(classDir).stream().filter(RunRecord::isRecordName).forEach(files::add);
      }
    }
    files.sort(Comparator.naturalOrder());
    List<RunRecord> records = new ArrayList<>(files.size());
    files.forEach(file -> records.add(read(file)));
    return records;
  }

  private static boolean isRecordName(Path file) {
    String name = file.getFileName().toString();
    return name.endsWith(SUFFIX) && !name.startsWith(".");
  }

  private static List<Path> list(Path dir) {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    List<Path> entries = new ArrayList<>();
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
      stream.forEach(entries::add);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not list the run records in " + dir, e);
    }
    return entries;
  }

  private static String text(Map<String, Object> fields, String field, Path file) {
    if (!(fields.get(field) instanceof String value)) {
      throw new IllegalArgumentException("The run record " + file + " has no text field '" + field
          + "'; delete it and run the tests again");
    }
    return value;
  }
}
