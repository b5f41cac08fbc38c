package dev.agenttrace.otlp;

import java.util.Arrays;

/**
 * The position of the reader inside one request document, kept as cheap parallel arrays (field name, array index)
 * and rendered as {@code $.resourceSpans[0].scopeSpans[1].spans[3].name} only when an error needs it.
 */
final class JsonPath {
  private static final int NO_INDEX = -1;

  private String[] names = new String[16];
  private int[] indices = new int[16];
  private int depth;

  void reset() {
    depth = 0;
  }

  /** Enters field {@code name} of the current object. */
  void field(String name) {
    if (depth == names.length) {
      names = Arrays.copyOf(names, depth * 2);
      indices = Arrays.copyOf(indices, depth * 2);
    }
    names[depth] = name;
    indices[depth] = NO_INDEX;
    depth++;
  }

  /** Moves to element {@code index} of the array in the current field. */
  void index(int index) {
    indices[depth - 1] = index;
  }

  /** Leaves the current field. */
  void leave() {
    depth--;
  }

  /** The segments so far, plus {@code extra} field (or none when {@code null}). */
  String render(String extra) {
    StringBuilder out = new StringBuilder("$");
    for (int i = 0; i < depth; i++) {
      out.append('.').append(names[i]);
      if (indices[i] != NO_INDEX) {
        out.append('[').append(indices[i]).append(']');
      }
    }
    if (extra != null) {
      out.append('.').append(extra);
    }
    return out.toString();
  }

  @Override
  public String toString() {
    return render(null);
  }
}
