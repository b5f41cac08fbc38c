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
    String safe = replaceUnsafe(name);
    if (safe.isEmpty() || onlyDots(safe)) {
      safe = "_" + safe;
    }
    boolean altered = !safe.equals(name);
    if (safe.length() > MAX_NAME_LENGTH) {
      safe = safe.substring(0, MAX_NAME_LENGTH);
      altered = true;
    }
    return altered ? safe + "-" + Integer.toHexString(name.hashCode()) : safe;
  }

  /** Every code point outside the safe set becomes one {@code _} (a pair of surrogates too). */
  private static String replaceUnsafe(String name) {
    int first = 0;
    while (first < name.length() && isSafe(name.charAt(first))) {
      first++;
    }
    if (first == name.length()) {
      return name;
    }
    StringBuilder safe = new StringBuilder(name.length()).append(name, 0, first);
    for (int i = first; i < name.length(); ) {
      int codePoint = name.codePointAt(i);
      safe.append(codePoint < Character.MIN_SUPPLEMENTARY_CODE_POINT && isSafe((char) codePoint)
          ? (char) codePoint : '_');
      i += Character.charCount(codePoint);
    }
    return safe.toString();
  }

  private static boolean isSafe(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
        || c == '.' || c == '_' || c == '$' || c == '-';
  }

  private static boolean onlyDots(String name) {
    for (int i = 0; i < name.length(); i++) {
      if (name.charAt(i) != '.') {
        return false;
      }
    }
    return true;
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
