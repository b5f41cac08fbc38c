package dev.agenttrace.trace.dialect;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A text with placeholders, as dialect tables write span names and attribute keys: {@code {gen_ai.request.model}}
 * is the value of that attribute (added or recorded), {@code {name:id}} a named group of the rule's name pattern.
 * {@code chat {gen_ai.request.model}} gives {@code chat gpt-4o}. A placeholder without a value makes the whole text
 * absent, so a rule never writes half a name.
 */
final class Template {
  private static final String NAME_GROUP = "name:";

  private final String source;
  private final List<String> literals = new ArrayList<>();
  private final List<String> placeholders = new ArrayList<>();

  private Template(String source) {
    this.source = source;
    int position = 0;
    while (true) {
      int open = source.indexOf('{', position);
      if (open < 0) {
        literals.add(source.substring(position));
        return;
      }
      int close = source.indexOf('}', open);
      if (close < 0 || close == open + 1) {
        throw new IllegalArgumentException("unbalanced or empty placeholder in \"" + source
            + "\"; write {attribute.key} or {name:group}");
      }
      literals.add(source.substring(position, open));
      placeholders.add(source.substring(open + 1, close));
      position = close + 1;
    }
  }

  static Template parse(String source) {
    return new Template(source);
  }

  /** True when the text has no placeholder. */
  boolean isConstant() {
    return placeholders.isEmpty();
  }

  /** The name-pattern groups the template uses, for validating it against the rule's pattern. */
  List<String> nameGroups() {
    return placeholders.stream().filter(p -> p.startsWith(NAME_GROUP)).map(p -> p.substring(NAME_GROUP.length()))
        .toList();
  }

  /** The text with its placeholders filled from {@code span}; empty when one of them has no value. */
  Optional<String> resolve(SpanRewrite span) {
    if (placeholders.isEmpty()) {
      return Optional.of(source);
    }
    StringBuilder text = new StringBuilder(literals.get(0));
    for (int i = 0; i < placeholders.size(); i++) {
      String placeholder = placeholders.get(i);
      String value = placeholder.startsWith(NAME_GROUP)
          ? span.nameGroup(placeholder.substring(NAME_GROUP.length()))
          : span.text(placeholder).orElse(null);
      if (value == null) {
        return Optional.empty();
      }
      text.append(value).append(literals.get(i + 1));
    }
    return Optional.of(text.toString());
  }

  @Override
  public String toString() {
    return source;
  }
}
