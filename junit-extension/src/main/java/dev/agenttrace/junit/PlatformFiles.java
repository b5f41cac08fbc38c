package dev.agenttrace.junit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.junit.jupiter.api.MediaType;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.JUnitException;

/**
 * Publishes a test's trace file and HTML report through the JUnit Platform's file publishing
 * ({@link ExtensionContext#publishFile}), into the test's folder under the Platform's output directory
 * ({@code junit.platform.reporting.output.dir}), so Open Test Reporting lists them and tools that carry test files
 * back from remote agents bring them home. The published file is a hard link to the written one where the file
 * system allows (no extra bytes), else a copy.
 */
final class PlatformFiles {
  static final MediaType TEXT = MediaType.create("text", "plain", StandardCharsets.UTF_8);
  static final MediaType HTML = MediaType.create("text", "html", StandardCharsets.UTF_8);

  private PlatformFiles() {}

  /**
   * Publishes {@code file} under its own name. Does nothing where the Platform writes no outputs — before JUnit 5.12,
   * or under {@code EngineTestKit} without an output directory creator — as the report entries still carry the path.
   */
  static void publish(ExtensionContext context, Path file, MediaType type) {
    try {
      context.publishFile(file.getFileName().toString(), type, target -> linkOrCopy(file, target));
    } catch (NoSuchMethodError | AbstractMethodError olderPlatform) {
      // JUnit before 5.12 cannot publish files.
    } catch (JUnitException outputsDisabled) {
      // The launcher writes no outputs (EngineTestKit without an output directory creator).
    }
  }

  /** The test's output folder is new, so the link is tried first; a copy replaces whatever stands in its way. */
  private static void linkOrCopy(Path file, Path target) throws IOException {
    try {
      Files.createLink(target, file);
    } catch (IOException | UnsupportedOperationException noHardLinkHere) {
      Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
