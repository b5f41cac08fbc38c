package dev.agenttrace.redaction;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The one definition of what in a trace must never leave the test, applied wherever trace content is written: golden
 * files, HTML reports and the run index, trace text files, failure messages, cassettes and OTLP output. It redacts
 *
 * <ul>
 *   <li>by <b>name</b>: the whole value of a field, attribute or header named like a credential
 *       ({@code authorization}, {@code x-api-key}, {@code password}, {@code client_secret}, {@code accessToken},
 *       {@code http.request.header.cookie} …), at any depth and whatever its type (text, number, array, object);</li>
 *   <li>by <b>shape</b>, anywhere in text (JSON strings, URLs and query strings, header values, multi-line text):
 *       OpenAI, Anthropic, Google, AWS, Azure, GitHub, GitLab, Slack, Stripe, Hugging Face … keys, JWTs, bearer and
 *       basic credentials, passwords in URLs, PEM private-key bodies, and values after a secret-named label
 *       ({@code password=…}, {@code "token": "…"}, {@code Authorization: …});</li>
 *   <li>by the user's extra key names ({@link Builder#key}) and patterns ({@link Builder#pattern}), except values on
 *       the allow-list ({@link Builder#allow}) that only look like secrets.</li>
 * </ul>
 *
 * <p>A secret becomes the {@linkplain #marker() marker} ({@code <secret>} unless {@link #withMarker changed}); labels
 * stay, so redacted text still reads ({@code Authorization: <secret>}). Redaction is deterministic, and ordinary text
 * is returned as the same instance, untouched. Every method is cheap for text that holds no secret (literal checks
 * before any regular expression). Immutable and thread-safe.
 *
 * <pre>{@code
 * RedactionPolicy policy = RedactionPolicy.builder().key("ssn").pattern("acct-\\d{8}").allow("sk-test-fixture").build();
 * policy.redact("call with sk-proj-abc123def456")        // "call with <secret>"
 * policy.redactAttribute("http.request.header.x-api-key", List.of("k1"))  // ["<secret>"]
 * }</pre>
 */
public final class RedactionPolicy {
  /** Configuration parameter / system property: extra key names, comma separated ({@code *} matches any text). */
  public static final String KEYS_PROPERTY = "agenttrace.redaction.keys";
  /** Configuration parameter / system property: extra regular expressions, comma separated ({@code \,} for a comma). */
  public static final String PATTERNS_PROPERTY = "agenttrace.redaction.patterns";
  /** Configuration parameter / system property: values never redacted, comma separated ({@code \,} for a comma). */
  public static final String ALLOW_PROPERTY = "agenttrace.redaction.allow";
  /** The default marker. */
  public static final String DEFAULT_MARKER = "<secret>";

  private static final RedactionPolicy DEFAULTS = builder().build();

  private final List<String> keys;
  private final List<Pattern> patterns;
  private final Set<String> allowed;
  private final String marker;
  private final SecretKeys secretKeys;
  private final TextSecrets textSecrets;
  private final JsonSecrets jsonSecrets;
  /**
   * The last policy {@link #withMarker} made from this one: every report, run record and index asks for the same
   * marker again, and building the rules anew each time showed in profiles of a 1,000-test run. Racy by design:
   * at worst two threads both build an equal policy.
   */
  private volatile RedactionPolicy lastMarked;

  private RedactionPolicy(List<String> keys, List<Pattern> patterns, Set<String> allowed, String marker) {
    this.keys = List.copyOf(keys);
    this.patterns = List.copyOf(patterns);
    this.allowed = Set.copyOf(allowed);
    this.marker = marker;
    this.secretKeys = new SecretKeys(this.keys);
    this.textSecrets = new TextSecrets(secretKeys, this.patterns, this.allowed);
    this.jsonSecrets = new JsonSecrets(this);
  }

  /** The built-in rules, marker {@value #DEFAULT_MARKER}. */
  public static RedactionPolicy defaults() {
    return DEFAULTS;
  }

  /** A builder starting from the built-in rules. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The built-in rules plus those configured under {@value #KEYS_PROPERTY}, {@value #PATTERNS_PROPERTY} and
   * {@value #ALLOW_PROPERTY}, looked up with {@code settings} (e.g. a JUnit configuration parameter, which falls back
   * to a system property); {@code null} means not set.
   *
   * @throws IllegalArgumentException naming the setting when a key name or pattern is not valid
   */
  public static RedactionPolicy fromSettings(UnaryOperator<String> settings) {
    Builder builder = builder();
    split(settings.apply(KEYS_PROPERTY)).forEach(builder::key);
    for (String pattern : split(settings.apply(PATTERNS_PROPERTY))) {
      try {
        builder.pattern(pattern);
      } catch (IllegalArgumentException invalid) {
        throw new IllegalArgumentException(PATTERNS_PROPERTY + ": " + invalid.getMessage(), invalid);
      }
    }
    split(settings.apply(ALLOW_PROPERTY)).forEach(builder::allow);
    return builder.build();
  }

  /** A builder holding this policy's rules. */
  public Builder toBuilder() {
    Builder builder = new Builder();
    builder.keys.addAll(keys);
    builder.patterns.addAll(patterns);
    builder.allowed.addAll(allowed);
    builder.marker = marker;
    return builder;
  }

  /** This policy writing {@code marker} in place of secrets (each output keeps its own, e.g. {@code [REDACTED]}). */
  public RedactionPolicy withMarker(String marker) {
    if (Objects.requireNonNull(marker, "marker").equals(this.marker)) {
      return this;
    }
    RedactionPolicy last = lastMarked;
    if (last == null || !last.marker.equals(marker)) {
      last = new RedactionPolicy(keys, patterns, allowed, marker);
      lastMarked = last;
    }
    return last;
  }

  /** What a redacted secret becomes. */
  public String marker() {
    return marker;
  }

  /** Whether a field, attribute or header called {@code name} holds a secret as its whole value. */
  public boolean isSecretKey(String name) {
    return secretKeys.isSecret(name);
  }

  /** Whether {@code value} is on the allow-list: it only looks like a secret. */
  public boolean isAllowed(String value) {
    return allowed.contains(value);
  }

  /**
   * {@code text} with every secret replaced by the marker: a JSON object or array by structure (formatting kept),
   * any other text by shape and label. Returns {@code text} itself when nothing was found; {@code null} stays null.
   */
  public String redact(String text) {
    if (text == null || text.length() < TextSecrets.SHORTEST && patterns.isEmpty()) {
      return text;
    }
    if (JsonSecrets.looksLikeJson(text)) {
      String json = jsonSecrets.redactText(text);
      if (json != null) {
        return json;
      }
    }
    return redactPlainText(text);
  }

  /** {@code text} redacted by shape and label only, never parsed as JSON (for text that is not one value). */
  public String redactPlainText(String text) {
    if (text == null) {
      return null;
    }
    return textSecrets.find(text).apply(text, marker);
  }

  /**
   * The first {@code chars} characters of {@code text} as they must be shown, for output that only shows a prefix:
   * redacts a bounded head of a huge text instead of all of it. The result is at least {@code chars} long when the
   * text is, and ends with the rest of the text unredacted only beyond what is shown.
   */
  public String redactHead(String text, int chars) {
    int head = Math.max(chars, 0) + 16 * 1024;
    if (text == null || text.length() <= head) {
      return redact(text);
    }
    String redacted = redactPlainText(text.substring(0, head));
    return redacted.length() > chars ? redacted + text.substring(head) : redact(text);
  }

  /** The value of field or header {@code key}: the marker when the key names a secret, else {@link #redact}. */
  public String redactValue(String key, String value) {
    if (value == null || value.isEmpty()) {
      return value;
    }
    if (isSecretKey(key)) {
      return isAllowed(value) ? value : marker;
    }
    return redact(value);
  }

  /**
   * An OpenTelemetry attribute value ({@code String}, {@code Boolean}, {@code Long}, {@code Double} or a
   * {@code List} of them) redacted: under a secret-named key every text and number becomes the marker (a list
   * becomes a {@code List<String>} of markers of the same size); otherwise texts are {@linkplain #redact redacted}.
   * Unchanged values are returned as they are.
   */
  public Object redactAttribute(String key, Object value) {
    boolean secret = isSecretKey(key);
    if (value instanceof List<?> list) {
      List<Object> redacted = new ArrayList<>(list.size());
      boolean changed = false;
      for (Object element : list) {
        Object one = redactScalar(secret, element);
        changed |= one != element;
        redacted.add(one);
      }
      return changed ? List.copyOf(redacted) : value;
    }
    return redactScalar(secret, value);
  }

  private Object redactScalar(boolean secret, Object value) {
    if (value instanceof String text) {
      return secret ? (text.isEmpty() || isAllowed(text) ? text : marker) : redact(text);
    }
    return secret && value instanceof Number ? marker : value;
  }

  /**
   * Redacts a JSON tree by structure, in place where it can; returns the node to use in place of {@code node}
   * (a new node when {@code node} itself is a redacted text).
   */
  public JsonNode redactTree(JsonNode node) {
    return jsonSecrets.redactTree(node);
  }

  /**
   * Every text and number under {@code node} replaced by the marker, its shape kept: the value of a secret-named
   * field. In place where it can; returns the node to use.
   */
  public JsonNode mask(JsonNode node) {
    return jsonSecrets.mask(node);
  }

  /**
   * Text that arrived in pieces (streamed deltas) redacted as one text and handed back as the same number of pieces:
   * a secret split across pieces is found in the joined text; its characters are removed from every piece it spans
   * and the marker goes into the piece where it begins. Plain-text rules (shapes and labels) apply.
   */
  public List<String> redactPieces(List<String> pieces) {
    StringBuilder joined = new StringBuilder();
    pieces.forEach(joined::append);
    String text = joined.toString();
    Ranges found = textSecrets.find(text);
    if (found.isEmpty()) {
      return List.copyOf(pieces);
    }
    List<String> result = new ArrayList<>(pieces.size());
    int offset = 0;
    int range = 0;
    for (String piece : pieces) {
      int end = offset + piece.length();
      StringBuilder out = new StringBuilder(piece.length());
      int at = offset;
      while (at < end) {
        while (range < found.size() && found.end(range) <= at) {
          range++;
        }
        if (range >= found.size() || found.start(range) >= end) {
          out.append(text, at, end);
          break;
        }
        int start = Math.max(found.start(range), at);
        out.append(text, at, start);
        if (found.start(range) >= offset && found.start(range) == start) {
          out.append(marker);
        }
        at = Math.min(found.end(range), end);
      }
      result.add(out.toString());
      offset = end;
    }
    return result;
  }

  /** Entries of a comma-separated setting; {@code \,} is a comma inside an entry; blank entries are dropped. */
  static List<String> split(String setting) {
    List<String> entries = new ArrayList<>();
    if (setting == null) {
      return entries;
    }
    StringBuilder entry = new StringBuilder();
    for (int i = 0; i < setting.length(); i++) {
      char c = setting.charAt(i);
      if (c == '\\' && i + 1 < setting.length() && setting.charAt(i + 1) == ',') {
        entry.append(',');
        i++;
      } else if (c == ',') {
        entries.add(entry.toString().strip());
        entry.setLength(0);
      } else {
        entry.append(c);
      }
    }
    entries.add(entry.toString().strip());
    entries.removeIf(String::isEmpty);
    return entries;
  }

  /** Adds rules to the built-in ones. */
  public static final class Builder {
    private final List<String> keys = new ArrayList<>();
    private final List<Pattern> patterns = new ArrayList<>();
    private final Set<String> allowed = new LinkedHashSet<>();
    private String marker = DEFAULT_MARKER;

    private Builder() {}

    /**
     * Also treats fields, attributes and headers named {@code name} as secrets (compared like the built-in names:
     * case, {@code _}/{@code -} and camel case aside, last dotted segment or whole name); {@code *} matches any
     * text, e.g. {@code *-pin}.
     */
    public Builder key(String name) {
      Objects.requireNonNull(name, "name");
      new SecretKeys(List.of(name));
      keys.add(name.strip());
      return this;
    }

    /** {@link #key} for each name. */
    public Builder keys(Collection<String> names) {
      names.forEach(this::key);
      return this;
    }

    /**
     * Also redacts every match of {@code regex} in any text; when it has a group named {@code secret}, only that
     * group (so a label can stay: {@code "acct=(?<secret>\\d+)"}).
     *
     * @throws IllegalArgumentException when {@code regex} is not valid or matches the empty text
     */
    public Builder pattern(String regex) {
      Objects.requireNonNull(regex, "regex");
      try {
        return pattern(Pattern.compile(regex));
      } catch (PatternSyntaxException invalid) {
        throw new IllegalArgumentException("'" + regex + "' is not a valid regular expression: "
            + invalid.getDescription() + ". Separate patterns with commas and write a comma inside one as \\,", invalid);
      }
    }

    /** {@link #pattern(String)} for a compiled pattern. */
    public Builder pattern(Pattern pattern) {
      Objects.requireNonNull(pattern, "pattern");
      if (pattern.matcher("").matches()) {
        throw new IllegalArgumentException("'" + pattern.pattern() + "' matches the empty text, so it would redact "
            + "nothing useful; make it match the secret itself, e.g. acct-\\d{8}");
      }
      patterns.add(pattern);
      return this;
    }

    /** Never redacts exactly {@code value} (a fixture key such as {@code sk-test-0000000000}), found by any rule. */
    public Builder allow(String value) {
      allowed.add(Objects.requireNonNull(value, "value"));
      return this;
    }

    /** The marker written in place of secrets (default {@value RedactionPolicy#DEFAULT_MARKER}). */
    public Builder marker(String marker) {
      this.marker = Objects.requireNonNull(marker, "marker");
      return this;
    }

    public RedactionPolicy build() {
      return new RedactionPolicy(keys, patterns, allowed, marker);
    }
  }
}
