package dev.agenttrace.otlp;

/**
 * Rewrites text on its way into an OTLP JSON file: every string attribute value (also inside arrays and key-value
 * lists, of spans, events, links, resources and scopes) and every status message passes through it, with the key of
 * the attribute it belongs to ({@code "status.message"} for a status message). The hook where a redaction policy
 * plugs in, e.g. {@code (key, text) -> Secrets.isSecretName(key) ? "[redacted]" : Secrets.redact(text, "[redacted]")}.
 */
@FunctionalInterface
public interface TextTransformer {
  /** Writes text as it is. */
  TextTransformer NONE = (key, text) -> text;

  /** The text to write for {@code text}, found under attribute {@code key}. */
  String transform(String key, String text);
}
