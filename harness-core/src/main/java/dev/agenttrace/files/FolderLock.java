package dev.agenttrace.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.Supplier;

/**
 * Runs work while holding an exclusive lock on a lock file in a folder, so that several JVMs writing into one
 * folder at the same moment (Surefire forks, Gradle workers, CI steps sharing a workspace) take turns. The lock is
 * the operating system's file lock ({@link FileChannel#lock()}), released when the work ends or the JVM dies.
 */
public final class FolderLock {
  private FolderLock() {}

  /** Runs {@code work} holding the exclusive lock on {@code folder/lockName}; returns what it returns. */
  public static <T> T withLock(Path folder, String lockName, Supplier<T> work) {
    Path lockFile = folder.toAbsolutePath().normalize().resolve(lockName);
    try {
      Files.createDirectories(lockFile.getParent());
      try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
          FileLock ignored = channel.lock()) {
        return work.get();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Could not lock " + lockFile + " (is the folder writable?)", e);
    }
  }
}
