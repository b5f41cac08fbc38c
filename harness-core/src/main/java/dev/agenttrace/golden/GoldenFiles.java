package dev.agenttrace.golden;

import dev.agenttrace.files.AtomicFiles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Reads and writes golden files as UTF-8. Writes go to a temporary file in the same folder that is then renamed
 * over the target, so a crash or a parallel reader never sees half a golden file.
 */
final class GoldenFiles {
  private GoldenFiles() {}

  /** The pending file beside a golden: {@code <method>.trace.yaml.new}. */
  static Path pending(Path golden) {
    return golden.resolveSibling(golden.getFileName() + ".new");
  }

  static Optional<String> read(Path file) {
    try {
      return Optional.of(Files.readString(file, StandardCharsets.UTF_8));
    } catch (NoSuchFileException missing) {
      return Optional.empty();
    } catch (IOException e) {
      throw new GoldenFileException("Could not read the golden trace " + file + ": " + e.getMessage(), e);
    }
  }

  static void writeAtomically(Path file, String content) {
    AtomicFiles.write(file, content);
  }

  static boolean delete(Path file) {
    try {
      return Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not delete " + file, e);
    }
  }
}
