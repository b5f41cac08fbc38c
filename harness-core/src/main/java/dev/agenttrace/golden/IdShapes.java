package dev.agenttrace.golden;

/**
 * What one pass over a text tells about the ids it may hold, so the id patterns of {@link Redactor} run only on
 * texts they can match: a UUID needs 8 hex digits right before a {@code -}; an ISO-8601 timestamp needs 4 digits
 * right before a {@code -}; a span or trace id needs a run of at least 16 lower-case hex digits. A text with
 * neither a digit nor a {@code -} is never taken for an id. Each answer is "maybe" (run the pattern) or a sure "no".
 */
record IdShapes(boolean mayHoldUuid, boolean mayHoldTimestamp, boolean mayHoldHexId) {

  static IdShapes of(String text) {
    boolean uuid = false;
    boolean timestamp = false;
    int hexRun = 0;
    int lowerHexRun = 0;
    int longestLowerHexRun = 0;
    int digitRun = 0;
    boolean digitOrHyphen = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean digit = c >= '0' && c <= '9';
      boolean lowerHex = digit || (c >= 'a' && c <= 'f');
      boolean hex = lowerHex || (c >= 'A' && c <= 'F');
      digitOrHyphen |= digit || c == '-';
      if (c == '-') {
        uuid |= hexRun >= 8;
        timestamp |= digitRun >= 4;
      }
      hexRun = hex ? hexRun + 1 : 0;
      lowerHexRun = lowerHex ? lowerHexRun + 1 : 0;
      longestLowerHexRun = Math.max(longestLowerHexRun, lowerHexRun);
      digitRun = digit ? digitRun + 1 : 0;
    }
    return new IdShapes(uuid, timestamp, digitOrHyphen && longestLowerHexRun >= 16);
  }
}
