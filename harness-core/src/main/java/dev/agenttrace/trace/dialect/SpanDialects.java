package dev.agenttrace.trace.dialect;

import io.opentelemetry.sdk.trace.data.SpanData;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Normalizes spans written in other instrumentations' conventions — dialects: OpenInference, Spring AI, Google ADK,
 * the older event-based GenAI conventions, a durable runtime's {@code agent.<id>} / {@code step.<key>} spans — into
 * AgentTrace's own ({@code docs/span-conventions.md}), so that the trace model classifies them as LLM calls, tool
 * calls, segments and steps like its own spans. A normalized span keeps its ids, parent, times, status, events,
 * links and attributes, gets the conventional attributes and events added, its conventional name, and
 * {@code agenttrace.dialect} naming the dialect. A span no dialect matches, and every span already in AgentTrace's
 * conventions, is passed through as the same object.
 *
 * <p>The mapping is data: a JSON table shipped in AgentTrace ({@value #BUILT_IN_TABLE}) and extended by every
 * {@value #TABLE_RESOURCE} on the class path (e.g. in {@code src/test/resources}). Those are consulted first, and a
 * dialect of the same name replaces the built-in one. The first dialect with a rule a span meets classifies it.
 * Immutable and thread-safe.
 */
public final class SpanDialects {
  /** Where users put their own dialect tables on the class path; every such resource is read. */
  public static final String TABLE_RESOURCE = "META-INF/agenttrace/dialects.json";
  /** The table AgentTrace ships. */
  public static final String BUILT_IN_TABLE = "dev/agenttrace/trace/dialect/builtin-dialects.json";

  private final List<Dialect> dialects;
  private final Triggers triggers = new Triggers();

  private SpanDialects(List<Dialect> dialects) {
    this.dialects = List.copyOf(dialects);
    this.dialects.forEach(dialect -> dialect.registerTriggers(triggers));
  }

  /**
   * The built-in table extended by the tables on the class path of AgentTrace's class loader, read once. Throws a
   * {@link DialectTableException} (on every call) when one of them is malformed.
   */
  public static SpanDialects standard() {
    return Standard.LOADED.get();
  }

  /** The built-in table extended by every {@value #TABLE_RESOURCE} {@code loader} finds. */
  public static SpanDialects fromClassPath(ClassLoader loader) {
    Objects.requireNonNull(loader, "loader");
    try {
      return withTables(Collections.list(loader.getResources(TABLE_RESOURCE)));
    } catch (IOException unreadable) {
      throw new UncheckedIOException("Cannot list the dialect tables " + TABLE_RESOURCE + " on the class path",
          unreadable);
    }
  }

  /** The built-in table extended by the given tables (consulted first, in the given order). */
  public static SpanDialects withTables(List<URL> tables) {
    Map<String, Dialect> byName = new LinkedHashMap<>();
    for (URL table : tables) {
      for (Dialect dialect : read(table)) {
        byName.putIfAbsent(dialect.name(), dialect);
      }
    }
    URL builtIn = SpanDialects.class.getClassLoader().getResource(BUILT_IN_TABLE);
    if (builtIn == null) {
      throw new IllegalStateException("The built-in dialect table " + BUILT_IN_TABLE + " is missing from the class "
          + "path: the agenttrace-core jar is incomplete");
    }
    for (Dialect dialect : read(builtIn)) {
      byName.putIfAbsent(dialect.name(), dialect);
    }
    return new SpanDialects(new ArrayList<>(byName.values()));
  }

  /** Only the built-in table. */
  public static SpanDialects builtIn() {
    return withTables(List.of());
  }

  /** The dialect names in the order they are consulted. */
  public List<String> names() {
    return dialects.stream().map(Dialect::name).toList();
  }

  /** Where a dialect was defined (the table's URL), for error messages and docs. */
  public String source(String dialect) {
    return dialects.stream().filter(d -> d.name().equals(dialect)).map(Dialect::resource).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("No dialect '" + dialect + "'; known: " + names()));
  }

  /**
   * The spans in AgentTrace's conventions, in the same order: normalized spans for those a dialect classifies, the
   * very same objects for the rest. When no span needed normalizing, returns {@code spans} itself.
   */
  public Collection<SpanData> normalize(Collection<SpanData> spans) {
    List<SpanRewrite> rewrites = null;
    int position = 0;
    int[] positions = null;
    for (SpanData span : spans) {
      if (triggers.mayMatch(span)) {
        SpanRewrite rewrite = rewrite(span);
        if (rewrite != null) {
          if (rewrites == null) {
            rewrites = new ArrayList<>();
            positions = new int[spans.size()];
          }
          positions[rewrites.size()] = position;
          rewrites.add(rewrite);
        }
      }
      position++;
    }
    if (rewrites == null) {
      return spans;
    }
    BatchSteps.run(rewrites, spans);
    List<SpanData> normalized = new ArrayList<>(spans);
    for (int i = 0; i < rewrites.size(); i++) {
      SpanRewrite rewrite = rewrites.get(i);
      if (!rewrite.isUnchanged()) {
        normalized.set(positions[i], rewrite.build());
      }
    }
    return normalized;
  }

  /** One span in AgentTrace's conventions (without the steps that need the rest of the trace). */
  public SpanData normalize(SpanData span) {
    return normalize(List.of(span)).iterator().next();
  }

  private SpanRewrite rewrite(SpanData span) {
    Map<String, Object> values = AttributeValues.byName(span.getAttributes());
    for (Dialect dialect : dialects) {
      SpanRewrite rewrite = new SpanRewrite(span, dialect.name(), values);
      if (dialect.apply(rewrite)) {
        return rewrite.isUnchanged() && !rewrite.wantsBatchSteps() ? null : rewrite;
      }
    }
    return null;
  }

  private static List<Dialect> read(URL table) {
    try (InputStream in = table.openStream()) {
      return DialectTable.read(table.toString(), in);
    } catch (IOException unreadable) {
      throw new DialectTableException(table.toString(), "", "cannot be read: " + unreadable.getMessage(),
          unreadable);
    }
  }

  @Override
  public String toString() {
    return "SpanDialects" + names();
  }

  /** The standard dialects, loaded once; a malformed table is remembered and reported on every use. */
  private static final class Standard {
    private static final Standard LOADED = new Standard();

    private final SpanDialects dialects;
    private final RuntimeException failure;

    private Standard() {
      SpanDialects loaded = null;
      RuntimeException problem = null;
      try {
        loaded = fromClassPath(SpanDialects.class.getClassLoader());
      } catch (RuntimeException bad) {
        problem = bad;
      }
      this.dialects = loaded;
      this.failure = problem;
    }

    SpanDialects get() {
      if (failure instanceof DialectTableException table) {
        throw new DialectTableException(table);
      }
      if (failure != null) {
        throw new IllegalStateException(failure.getMessage(), failure);
      }
      return dialects;
    }
  }
}
