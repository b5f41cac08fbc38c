package dev.agenttrace.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes files atomically — into a temporary file beside the target, then renamed over it — so that a golden file,
 * a report or a trace file is never seen half written, even when a test run is killed mid-write. The file gets the
 * permissions of any file the user creates (the umask's, e.g. {@code rw-r--r--} under {@code 022}), not the
 * owner-only ones of {@code Files.createTempFile}, so a CI artifact step or a web server can read it.
 */
public final class AtomicFiles {
  private AtomicFiles() {}

  /** What writes the content. */
  @FunctionalInterface
  public interface Content {
    void writeTo(Writer out) throws IOException;
  }

  /** Writes {@code text} as UTF-8; returns the absolute, normalized path written. */
  public static Path write(Path file, String text) {
    return write(file, out -> out.write(text));
  }

  /**
   * Writes what {@code content} produces as UTF-8; returns the absolute, normalized path written. A test run writes
   * several files per test, so the usual path costs only the system calls it needs: one look at the folder, one
   * create of the temporary file (which is also the one it writes), one rename.
   */
  public static Path write(Path file, Content content) {
    Path target = file.toAbsolutePath().normalize();
    try {
      if (!Files.isDirectory(target.getParent())) {
        Files.createDirectories(target.getParent());
      }
      Path temp = null;
      try {
        temp = writeTemp(target, content);
        try {
          Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException notAtomic) {
          Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
        temp = null;
      } finally {
        if (temp != null) {
          Files.deleteIfExists(temp);
        }
      }
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException("Could not write " + target, e);
    }
  }

  /**
   * Writes the content into a new file beside {@code target}, created like any other file so the umask decides its
   * permissions; returns that file. A file left half written by a failing {@code content} is deleted.
   */
  private static Path writeTemp(Path target, Content content) throws IOException {
    for (int attempt = 0; ; attempt++) {
      Path temp = target.resolveSibling("." + target.getFileName() + "."
          + Long.toString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE, 36) + ".tmp");
      Writer out;
      try {
        out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW,
            StandardOpenOption.WRITE);
      } catch (FileAlreadyExistsException taken) {
        if (attempt >= 100) {
          throw taken;
        }
        continue;
      }
      boolean written = false;
      try (out) {
        content.writeTo(out);
        written = true;
      } finally {
        if (!written) {
          Files.deleteIfExists(temp);
        }
      }
      return temp;
    }
  }
}
