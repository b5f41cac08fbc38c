package dev.agenttrace.golden;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * A fast writer of golden YAML whose output is byte-identical to {@link GoldenYaml#writeReference}, the Jackson
 * {@code YAMLMapper} (SnakeYAML emitter) rendering.
 *
 * <p>It lays out block mappings and sequences itself, exactly as the reference emitter does for the shapes goldens
 * use: a non-empty mapping at the root; mappings in mappings and sequences; sequences in mappings; empty
 * collections as {@code {}} / {@code []}; text, integer, boolean and null scalars. Scalars whose reference
 * rendering is provably the plain text itself ({@link #isPlainValue}, {@link #isPlainKey}) are written directly.
 * Every other scalar is delegated, one at a time, to the reference mapper: rendered in a document that puts it at
 * the same indentation in the same (block, non-key) context, and cut out of that document. Anything else — a root
 * that is not a non-empty mapping, a sequence directly in a sequence, a key the emitter would write as a complex
 * {@code ? key}, a literal block that leaves the document open-ended, an unusual node type — makes the whole
 * document fall back to the reference writer. Tests check byte identity with the reference on every committed
 * golden and on thousands of random trees.
 */
final class FastGoldenYaml {
  /**
   * Jackson's reserved words ({@code StringQuotingChecker.RESERVED_KEYWORDS}): quoted as values and as keys. Any
   * text starting with {@code ~} is reserved too.
   */
  private static final Set<String> RESERVED = Set.of("false", "False", "FALSE", "n", "N", "no", "No", "NO",
      "null", "Null", "NULL", "on", "On", "ON", "off", "Off", "OFF", "true", "True", "TRUE", "y", "Y", "yes", "Yes",
      "YES");  // none is longer than 5 characters

  /** Keys at least this long may become complex keys ({@code DumperOptions.maxSimpleKeyLength} is 128). */
  private static final int MAX_PLAIN_KEY_LENGTH = 100;

  private static final String SPACES = " ".repeat(64);

  private final Function<JsonNode, String> reference;
  private final StringBuilder out = new StringBuilder(4096);
  private final Map<String, String> delegatedValues = new HashMap<>();
  private final Map<String, String> delegatedKeys = new HashMap<>();

  private FastGoldenYaml(Function<JsonNode, String> reference) {
    this.reference = reference;
  }

  /** Signals a shape this writer leaves to the reference writer for the whole document. */
  private static final class Unsupported extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Unsupported() {
      super(null, null, false, false);
    }
  }

  /**
   * The golden YAML of {@code tree}, identical to {@code reference.apply(tree)}.
   *
   * @param reference the reference writer (raw Jackson output, before line-ending normalization); used for
   *     delegated scalars and keys and for documents this writer does not lay out itself
   */
  static String write(JsonNode tree, Function<JsonNode, String> reference) {
    if (tree == null || !tree.isObject() || tree.isEmpty()) {
      return reference.apply(tree);
    }
    FastGoldenYaml writer = new FastGoldenYaml(reference);
    try {
      writer.mapping(tree, 0, false);
    } catch (Unsupported e) {
      return reference.apply(tree);
    }
    return writer.out.toString();
  }

  /** A non-empty mapping whose keys start at column {@code indent}; the first key continues a "- " line. */
  private void mapping(JsonNode node, int indent, boolean inlineFirst) {
    boolean first = true;
    for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
      Map.Entry<String, JsonNode> field = fields.next();
      if (!(first && inlineFirst)) {
        spaces(indent);
      }
      first = false;
      key(field.getKey());
      JsonNode value = field.getValue();
      if (value.isObject()) {
        if (value.isEmpty()) {
          out.append(": {}\n");
        } else {
          out.append(":\n");
          mapping(value, indent + 2, false);
        }
      } else if (value.isArray()) {
        if (value.isEmpty()) {
          out.append(": []\n");
        } else {
          out.append(":\n");
          sequence(value, indent + 2);
        }
      } else {
        out.append(": ");
        scalar(value, indent + 2);
        out.append('\n');
      }
    }
  }

  /** A non-empty sequence whose "- " indicators start at column {@code dash}. */
  private void sequence(JsonNode node, int dash) {
    for (JsonNode item : node) {
      spaces(dash);
      out.append("- ");
      if (item.isObject()) {
        if (item.isEmpty()) {
          out.append("{}\n");
        } else {
          mapping(item, dash + 2, true);
        }
      } else if (item.isArray()) {
        if (!item.isEmpty()) {
          throw new Unsupported();
        }
        out.append("[]\n");
      } else {
        scalar(item, dash + 2);
        out.append('\n');
      }
    }
  }

  private void key(String key) {
    if (isPlainKey(key)) {
      out.append(key);
      return;
    }
    String text = delegatedKeys.get(key);
    if (text == null) {
      ObjectNode document = JsonNodeFactory.instance.objectNode();
      document.put(key, "x");
      String yaml = reference.apply(document);
      if (!yaml.endsWith(": x\n")) {
        throw new Unsupported();
      }
      text = yaml.substring(0, yaml.length() - 4);
      if (text.isEmpty() || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0 || text.charAt(0) == '?') {
        throw new Unsupported();
      }
      delegatedKeys.put(key, text);
    }
    out.append(text);
  }

  /** A scalar in block context (a mapping value or a sequence item) whose continuation lines indent by {@code indent}. */
  private void scalar(JsonNode value, int indent) {
    if (value.isTextual()) {
      String text = value.textValue();
      if (isPlainValue(text)) {
        out.append(text);
        return;
      }
    } else if (value.isInt() || value.isLong()) {
      out.append(value.longValue());
      return;
    } else if (value.isBoolean()) {
      out.append(value.booleanValue() ? "true" : "false");
      return;
    } else if (value.isNull()) {
      out.append("null");
      return;
    } else if (!value.isNumber()) {
      throw new Unsupported();
    }
    out.append(delegatedValue(value, indent));
  }

  /**
   * The reference rendering of a scalar: the value of the innermost of {@code indent / 2} nested one-key mappings
   * (so it sits in block context at the same indentation), cut out of that document.
   */
  private String delegatedValue(JsonNode value, int indent) {
    if (indent < 2 || indent % 2 != 0) {
      throw new Unsupported();
    }
    String cacheKey = value.isTextual() ? indent + "\u0000" + value.textValue() : null;
    if (cacheKey != null) {
      String cached = delegatedValues.get(cacheKey);
      if (cached != null) {
        return cached;
      }
    }
    int depth = indent / 2;
    JsonNode document = value;
    for (int level = 0; level < depth; level++) {
      ObjectNode wrapper = JsonNodeFactory.instance.objectNode();
      wrapper.set("k", document);
      document = wrapper;
    }
    StringBuilder prefix = new StringBuilder();
    for (int level = 0; level < depth - 1; level++) {
      prefix.append(" ".repeat(2 * level)).append("k:\n");
    }
    prefix.append(" ".repeat(2 * (depth - 1))).append("k: ");
    String yaml = reference.apply(document);
    if (!yaml.startsWith(prefix.toString()) || !yaml.endsWith("\n") || yaml.endsWith("...\n")
        || yaml.length() <= prefix.length() + 1) {
      throw new Unsupported();
    }
    String text = yaml.substring(prefix.length(), yaml.length() - 1);
    if (cacheKey != null) {
      delegatedValues.put(cacheKey, text);
    }
    return text;
  }

  private void spaces(int count) {
    if (count <= SPACES.length()) {
      out.append(SPACES, 0, count);
    } else {
      out.append(" ".repeat(count));
    }
  }

  /**
   * Whether the reference writes {@code text}, a mapping value or sequence item, as exactly itself (plain).
   *
   * <p>Jackson ({@code YAMLGenerator.writeString} with MINIMIZE_QUOTES and ALWAYS_QUOTE_NUMBERS_AS_STRINGS) asks
   * for plain style unless the text is empty, holds a line feed, is a reserved word or starts with {@code ~},
   * holds {@code , [ ] { }}, a {@code #} at the start or after a blank, a {@code :} at the end or before a blank,
   * or starts with {@code + - .} or a digit and has no {@code :} and looks like a number. SnakeYAML's emitter then
   * keeps plain style in block context unless the text starts with {@code ---}/{@code ...}, starts with one of
   * {@code #,[]{}&*!|>'"%@`}, with {@code ?}, {@code :} or {@code -} followed by a blank, has a {@code :} before a
   * blank or a {@code #} after one, a leading or trailing space, a line break or a character outside printable
   * ASCII that it escapes, or is a number with a leading zero. The check below is stricter than all of that:
   * printable ASCII and printable BMP characters only ({@link #isPlainUnicode}), no {@code , [ ] { }}, none of
   * {@code #,[]{}&*!|>'"%@`?:-+.~} or a space first, no trailing space, no {@code " #"}, no {@code ": "} and no
   * final {@code :}, not a reserved word, and a digit first only with a {@code :} somewhere (which rules out both
   * number checks) or a character no number has ({@link #mayReadAsNumber}).
   */
  static boolean isPlainValue(String text) {
    int length = text.length();
    if (length == 0) {
      return false;
    }
    char first = text.charAt(0);
    boolean digitFirst = first >= '0' && first <= '9';
    if (!digitFirst && !startsPlain(first)) {
      return false;
    }
    boolean colon = false;
    char previous = 0;
    for (int index = 0; index < length; index++) {
      char c = text.charAt(index);
      if ((c < 0x20 || c > 0x7E) && !isPlainUnicode(c)) {
        return false;
      }
      switch (c) {
        case ',', '[', ']', '{', '}' -> {
          return false;
        }
        case '#' -> {
          if (previous == ' ') {
            return false;
          }
        }
        case ':' -> {
          if (index == length - 1 || text.charAt(index + 1) == ' ') {
            return false;
          }
          colon = true;
        }
        default -> { }
      }
      previous = c;
    }
    if (previous == ' ' || (digitFirst && !colon && mayReadAsNumber(text))) {
      return false;
    }
    return length > 5 || !RESERVED.contains(text);
  }

  /**
   * Whether {@code text} could be one of the numbers Jackson quotes (its plain-number pattern, SnakeYAML's int and
   * float patterns: digits, signs, {@code . _ e E x X o O b B}, hex digits): true unless it holds a character none of
   * them has, such as a space or a letter past {@code f} ({@code "18°C and sunny"}, {@code "3 items"}).
   */
  private static boolean mayReadAsNumber(String text) {
    for (int index = 0; index < text.length(); index++) {
      char c = text.charAt(index);
      boolean numeric = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')
          || c == '.' || c == '_' || c == '+' || c == '-' || c == 'x' || c == 'X' || c == 'o' || c == 'O';
      if (!numeric) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether {@code c}, a character outside printable ASCII, leaves a value plain: the emitter (Unicode allowed)
   * writes printable BMP characters as they are — {@code U+00A0}–{@code U+D7FF} and {@code U+E000}–{@code U+FFFD} —
   * except the byte-order mark and the Unicode line and paragraph separators, which YAML treats as line breaks.
   * Surrogates (characters beyond the BMP) are left to the reference.
   */
  private static boolean isPlainUnicode(char c) {
    return ((c >= 0xA0 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)) && c != 0xFEFF && c != 0x2028 && c != 0x2029;
  }

  /**
   * Whether the reference writes {@code key} as exactly itself (a plain simple key).
   *
   * <p>Jackson ({@code needToQuoteName}) asks for plain style unless the key is empty, reserved, starts with
   * {@code + - .} or a digit, or holds a control character; the emitter then applies the same analysis as for
   * values, in simple-key context, and writes a complex {@code ? key} when the key is 128 characters or longer.
   * The check below is {@link #isPlainValue}'s without a leading digit, for keys shorter than 100 characters.
   */
  static boolean isPlainKey(String key) {
    if (key.isEmpty() || key.length() >= MAX_PLAIN_KEY_LENGTH) {
      return false;
    }
    char first = key.charAt(0);
    return !(first >= '0' && first <= '9') && isPlainValue(key);
  }

  private static boolean startsPlain(char first) {
    if ((first >= 'a' && first <= 'z') || (first >= 'A' && first <= 'Z')) {
      return true;
    }
    return first > ' ' && first <= '~' && "#,[]{}&*!|>'\"%@`?:-+.~".indexOf(first) < 0
        && !(first >= '0' && first <= '9');
  }
}
