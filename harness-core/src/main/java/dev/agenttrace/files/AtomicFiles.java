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

  /** Writes what {@code content} produces as UTF-8; returns the absolute, normalized path written. */
  public static Path write(Path file, Content content) {
    Path target = file.toAbsolutePath().normalize();
    try {
      Files.createDirectories(target.getParent());
      Path temp = createTemp(target);
      try {
        try (Writer out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
          content.writeTo(out);
        }
        try {
          Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException notAtomic) {
          Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
      } finally {
        Files.deleteIfExists(temp);
      }
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException("Could not write " + target, e);
    }
  }

  /** A new, empty file beside {@code target}, created like any other file so the umask decides its permissions. */
  private static Path createTemp(Path target) throws IOException {
    for (int attempt = 0; ; attempt++) {
      Path temp = target.resolveSibling("." + target.getFileName() + "."
          + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36) + ".tmp");
      try {
        Files.newOutputStream(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE).close();
        return temp;
      } catch (FileAlreadyExistsException taken) {
        if (attempt >= 100) {
          throw taken;
        }
      }
    }
  }
}
