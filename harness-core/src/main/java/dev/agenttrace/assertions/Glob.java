package dev.agenttrace.assertions;

import java.util.regex.Pattern;

/** A name pattern where {@code *} stands for any text and {@code ?} for one character; everything else is literal. */
final class Glob {
  private final String glob;
  private final Pattern pattern;

  private Glob(String glob) {
    this.glob = glob;
    this.pattern = isLiteral() ? null : compile(glob);
  }

  private static Pattern compile(String glob) {
    StringBuilder regex = new StringBuilder();
    StringBuilder literal = new StringBuilder();
    for (char c : glob.toCharArray()) {
      if (c == '*' || c == '?') {
        regex.append(Pattern.quote(literal.toString())).append(c == '*' ? ".*" : ".");
        literal.setLength(0);
      } else {
        literal.append(c);
      }
    }
    regex.append(Pattern.quote(literal.toString()));
    return Pattern.compile(regex.toString(), Pattern.DOTALL);
  }

  static Glob of(String glob) {
    return new Glob(glob);
  }

  boolean isLiteral() {
    return glob.indexOf('*') < 0 && glob.indexOf('?') < 0;
  }

  boolean matches(String name) {
    return name != null && (pattern == null ? glob.equals(name) : pattern.matcher(name).matches());
  }

  @Override
  public String toString() {
    return glob;
  }
}
