package dev.agenttrace.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Atomic writes leave no temporary file behind and give the file the permissions the user's umask gives. */
class AtomicFilesTest {

  @Test
  void writesWithTheUmasksPermissionsLikeAnyOtherFile(@TempDir Path dir) throws Exception {
    assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "POSIX file system");
    Path ordinary = Files.createFile(dir.resolve("ordinary.txt"));

    Path written = AtomicFiles.write(dir.resolve("sub/report.html"), "<p>hi</p>");
    AtomicFiles.write(written, "<p>again</p>");

    Set<PosixFilePermission> expected = Files.getPosixFilePermissions(ordinary);
    assertThat(Files.getPosixFilePermissions(written)).isEqualTo(expected)
        .contains(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    assertThat(Files.readString(written)).isEqualTo("<p>again</p>");
    try (var files = Files.list(written.getParent())) {
      assertThat(files).containsExactly(written);
    }
    if (PosixFilePermissions.toString(expected).equals("rw-r--r--")) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(written))).isEqualTo("rw-r--r--");
    }
  }

  @Test
  void aFailingWriteKeepsTheOldFileAndLeavesNoTemporaryFile(@TempDir Path dir) throws Exception {
    Path written = AtomicFiles.write(dir.resolve("report.html"), "<p>old</p>");

    assertThatThrownBy(() -> AtomicFiles.write(written, out -> {
      out.write("<p>half");
      throw new java.io.IOException("disk full");
    })).isInstanceOf(java.io.UncheckedIOException.class).hasMessageContaining("Could not write " + written)
        .hasRootCauseMessage("disk full");

    assertThat(Files.readString(written)).isEqualTo("<p>old</p>");
    try (var files = Files.list(dir)) {
      assertThat(files).containsExactly(written);
    }
  }
}
