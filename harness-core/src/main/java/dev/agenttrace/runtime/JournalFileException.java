package dev.agenttrace.runtime;

import java.nio.file.Path;

/**
 * A {@link FileJournal} file that cannot be read back: corrupt, truncated, or of another format version. It names
 * the file, the record (line and byte offset) and what to do. The runtime never restarts executions from scratch
 * over a damaged journal — that would run LLM calls, tools and steps a second time.
 */
public class JournalFileException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient Path file;
  private final int line;
  private final long offset;

  JournalFileException(Path file, int line, long offset, String problem, Throwable cause) {
    super("Journal file " + file + " cannot be read at line " + line + " (byte offset " + offset + "): " + problem
        + "\nThe runtime does not restart executions from scratch over a damaged journal, because that would run "
        + "LLM calls, tools and steps a second time. Restore the file from a copy, or remove the damaged record(s) "
        + "from line " + line + " on if you accept that their operations run again, or delete the file to start "
        + "every execution over.", cause);
    this.file = file;
    this.line = line;
    this.offset = offset;
  }

  public Path file() {
    return file;
  }

  /** The 1-based line of the record that could not be read. */
  public int line() {
    return line;
  }

  /** The byte offset where that record starts. */
  public long offset() {
    return offset;
  }
}
