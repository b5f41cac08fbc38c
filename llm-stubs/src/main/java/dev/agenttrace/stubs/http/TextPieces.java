package dev.agenttrace.stubs.http;

import java.util.ArrayList;
import java.util.List;

/**
 * How streamed replies are cut into deltas: text after each space (so clients really merge several deltas), tool
 * arguments in two halves (so clients really concatenate partial JSON). Deterministic.
 */
public final class TextPieces {
  private TextPieces() {}

  /** {@code text} cut after each space; empty for empty text. */
  public static List<String> split(String text) {
    List<String> pieces = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == ' ') {
        pieces.add(text.substring(start, i + 1));
        start = i + 1;
      }
    }
    if (start < text.length()) {
      pieces.add(text.substring(start));
    }
    return pieces;
  }

  /** {@code text} in two halves (one piece when shorter than two characters), never splitting a surrogate pair. */
  public static List<String> halves(String text) {
    if (text.length() < 2) {
      return List.of(text);
    }
    int middle = text.length() / 2;
    if (Character.isLowSurrogate(text.charAt(middle))) {
      middle++;
    }
    return List.of(text.substring(0, middle), text.substring(middle));
  }
}
