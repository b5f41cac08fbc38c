package dev.agenttrace.files;

import java.nio.file.Path;

/**
 * Turns test class and method names into file names that stay inside a folder: characters outside
 * {@code [A-Za-z0-9._$-]} become {@code _}, overlong names are cut, and a hash of the original keeps altered names
 * unique. Shared by golden files and the JUnit extension's trace files so both name tests the same way.
 */
public final class SafeFileNames {
  private static final int MAX_NAME_LENGTH = 100;

  private SafeFileNames() {}

  /** {@code name} reduced to safe characters; a hash of the original keeps altered names unique. */
  public static String safeName(String name) {
    String safe = name.replaceAll("[^A-Za-z0-9._$-]", "_");
    if (safe.isEmpty() || safe.chars().allMatch(c -> c == '.')) {
      safe = "_" + safe;
    }
    boolean altered = !safe.equals(name);
    if (safe.length() > MAX_NAME_LENGTH) {
      safe = safe.substring(0, MAX_NAME_LENGTH);
      altered = true;
    }
    return altered ? safe + "-" + Integer.toHexString(name.hashCode()) : safe;
  }

  /**
   * {@code directory/first/second}, normalized; throws when the result would leave {@code directory} (a defence in
   * depth: safe names cannot contain separators).
   */
  public static Path inside(Path directory, String first, String second) {
    Path root = directory.toAbsolutePath().normalize();
    Path file = root.resolve(first).resolve(second).normalize();
    if (!file.startsWith(root) || file.equals(root)) {
      throw new IllegalArgumentException("Refusing to use a file outside " + root + ": " + file);
    }
    return file;
  }
}
