package dev.agenttrace.trace.dialect;

import java.util.Map;
import java.util.TreeMap;

/** Reads the indexes of flattened list attributes ({@code llm.input_messages.3.message.role}). */
final class FlatKeys {
  private FlatKeys() {}

  /** The number before {@code dot} in {@code rest}, or {@code null} when it is not a list index. */
  static Integer index(String rest, int dot) {
    if (dot <= 0) {
      return null;
    }
    try {
      return Integer.parseInt(rest.substring(0, dot));
    } catch (NumberFormatException notAnIndex) {
      return null;
    }
  }

  /**
   * Files {@code field} = {@code list}{@code N.rest} under index N in {@code into}; false when the field is not an
   * element of {@code list}.
   */
  static boolean nested(String field, String list, Map<Integer, Map<String, String>> into, String value) {
    if (!field.startsWith(list)) {
      return false;
    }
    String rest = field.substring(list.length());
    int dot = rest.indexOf('.');
    Integer index = index(rest, dot);
    if (index == null) {
      return false;
    }
    into.computeIfAbsent(index, i -> new TreeMap<>()).put(rest.substring(dot + 1), value);
    return true;
  }
}
