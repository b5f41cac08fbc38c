package dev.agenttrace.redaction;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Redacts JSON by structure: every scalar under a field named like a secret (at any depth, whatever the value's
 * type: {@code {"password": ["…"]}}, {@code {"api_key": {"value": "…"}}}) becomes the marker, every other string
 * is redacted as text (so JSON held in a JSON string, such as tool-call arguments, is redacted by structure too).
 * Works on a tree in place, or on JSON text keeping its formatting: only the redacted values change.
 */
final class JsonSecrets {
  private static final int MAX_DEPTH = 256;
  private final RedactionPolicy policy;

  JsonSecrets(RedactionPolicy policy) {
    this.policy = policy;
  }

  /** Whether {@code text} may be a JSON object or array (its first non-blank character opens one). */
  static boolean looksLikeJson(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!Character.isWhitespace(c)) {
        return c == '{' || c == '[';
      }
    }
    return false;
  }

  /** {@code text} with its secrets redacted and its formatting kept, or {@code null} when it is not JSON. */
  String redactText(String text) {
    Parser parser = new Parser(text);
    try {
      parser.skipBlanks();
      parser.value(false, 0);
      parser.skipBlanks();
      if (parser.pos != text.length()) {
        return null;
      }
    } catch (NotJson notJson) {
      return null;
    }
    return parser.result();
  }

  /** Redacts {@code node} in place where it can; returns the node to use (a new one for a redacted text node). */
  JsonNode redactTree(JsonNode node) {
    if (node.isTextual()) {
      String text = node.asText();
      String redacted = policy.redact(text);
      return redacted.equals(text) ? node : JsonNodeFactory.instance.textNode(redacted);
    }
    if (node instanceof ObjectNode object) {
      List<String> names = new ArrayList<>(object.size());
      object.fieldNames().forEachRemaining(names::add);
      for (String name : names) {
        JsonNode value = object.get(name);
        object.set(name, policy.isSecretKey(name) ? mask(value) : redactTree(value));
      }
    } else if (node instanceof ArrayNode array) {
      for (int i = 0; i < array.size(); i++) {
        array.set(i, redactTree(array.get(i)));
      }
    }
    return node;
  }

  /** Every text and number under {@code node} replaced by the marker, the shape kept; in place where it can. */
  JsonNode mask(JsonNode node) {
    if (node instanceof ObjectNode object) {
      Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
      List<String> names = new ArrayList<>(object.size());
      fields.forEachRemaining(field -> names.add(field.getKey()));
      names.forEach(name -> object.set(name, mask(object.get(name))));
      return object;
    }
    if (node instanceof ArrayNode array) {
      for (int i = 0; i < array.size(); i++) {
        array.set(i, mask(array.get(i)));
      }
      return array;
    }
    if (node.isTextual() && (node.asText().isEmpty() || policy.isAllowed(node.asText()))) {
      return node;
    }
    return node.isTextual() || node.isNumber() ? JsonNodeFactory.instance.textNode(policy.marker()) : node;
  }

  private static final class NotJson extends Exception {
    private static final long serialVersionUID = 1L;

    NotJson() {
      super(null, null, false, false);
    }
  }

  /** A small JSON reader over the text, noting the replacements of redacted values by position. */
  private final class Parser {
    private final String text;
    private int pos;
    private StringBuilder out;
    private int copied;

    Parser(String text) {
      this.text = text;
    }

    String result() {
      if (out == null) {
        return text;
      }
      return out.append(text, copied, text.length()).toString();
    }

    void replace(int start, int end, String value) {
      if (out == null) {
        out = new StringBuilder(text.length());
      }
      out.append(text, copied, start).append('"');
      JsonStringEncoder.getInstance().quoteAsString(value, out);
      out.append('"');
      copied = end;
    }

    void value(boolean secret, int depth) throws NotJson {
      if (pos >= text.length() || depth > MAX_DEPTH) {
        throw new NotJson();
      }
      char c = text.charAt(pos);
      if (c == '{') {
        object(secret, depth);
      } else if (c == '[') {
        array(secret, depth);
      } else if (c == '"') {
        int start = pos;
        String value = string();
        if (secret) {
          if (!value.isEmpty() && !policy.isAllowed(value) && !value.equals(policy.marker())) {
            replace(start, pos, policy.marker());
          }
        } else {
          String redacted = policy.redact(value);
          if (!redacted.equals(value)) {
            replace(start, pos, redacted);
          }
        }
      } else {
        int start = pos;
        while (pos < text.length() && "-+.0123456789eEtruefalsn".indexOf(text.charAt(pos)) >= 0) {
          pos++;
        }
        if (pos == start) {
          throw new NotJson();
        }
        char first = text.charAt(start);
        if (secret && (first == '-' || Character.isDigit(first))) {
          replace(start, pos, policy.marker());
        }
      }
    }

    private void object(boolean secret, int depth) throws NotJson {
      pos++;
      skipBlanks();
      if (peek() == '}') {
        pos++;
        return;
      }
      while (true) {
        skipBlanks();
        if (peek() != '"') {
          throw new NotJson();
        }
        String name = string();
        skipBlanks();
        expect(':');
        skipBlanks();
        value(secret || policy.isSecretKey(name), depth + 1);
        skipBlanks();
        char c = peek();
        pos++;
        if (c == '}') {
          return;
        }
        if (c != ',') {
          throw new NotJson();
        }
      }
    }

    private void array(boolean secret, int depth) throws NotJson {
      pos++;
      skipBlanks();
      if (peek() == ']') {
        pos++;
        return;
      }
      while (true) {
        skipBlanks();
        value(secret, depth + 1);
        skipBlanks();
        char c = peek();
        pos++;
        if (c == ']') {
          return;
        }
        if (c != ',') {
          throw new NotJson();
        }
      }
    }

    /** Reads the string at {@code pos} (its opening quote) and returns its decoded value. */
    private String string() throws NotJson {
      int start = ++pos;
      StringBuilder decoded = null;
      while (pos < text.length()) {
        char c = text.charAt(pos);
        if (c == '"') {
          String value = decoded == null ? text.substring(start, pos) : decoded.toString();
          pos++;
          return value;
        }
        if (c == '\\') {
          if (decoded == null) {
            decoded = new StringBuilder(text.substring(start, pos));
          }
          if (pos + 1 >= text.length()) {
            throw new NotJson();
          }
          char escaped = text.charAt(pos + 1);
          switch (escaped) {
            case '"', '\\', '/' -> decoded.append(escaped);
            case 'b' -> decoded.append('\b');
            case 'f' -> decoded.append('\f');
            case 'n' -> decoded.append('\n');
            case 'r' -> decoded.append('\r');
            case 't' -> decoded.append('\t');
            case 'u' -> {
              if (pos + 6 > text.length()) {
                throw new NotJson();
              }
              try {
                decoded.append((char) Integer.parseInt(text.substring(pos + 2, pos + 6), 16));
              } catch (NumberFormatException bad) {
                throw new NotJson();
              }
              pos += 4;
            }
            default -> throw new NotJson();
          }
          pos += 2;
        } else {
          if (decoded != null) {
            decoded.append(c);
          }
          pos++;
        }
      }
      throw new NotJson();
    }

    private char peek() throws NotJson {
      if (pos >= text.length()) {
        throw new NotJson();
      }
      return text.charAt(pos);
    }

    private void expect(char c) throws NotJson {
      if (peek() != c) {
        throw new NotJson();
      }
      pos++;
    }

    void skipBlanks() {
      while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
        pos++;
      }
    }
  }
}
