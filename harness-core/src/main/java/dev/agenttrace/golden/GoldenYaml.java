package dev.agenttrace.golden;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Writes and reads the YAML of golden files. Writing is deterministic: the tree's own key order, LF line endings,
 * no document marker, block style, multi-line text as literal blocks, no line folding, a trailing newline. Reading
 * reports malformed YAML with file, line and column.
 */
final class GoldenYaml {
  /**
   * Jackson's YAML mapper, built when first used: {@link #write} renders without it unless a scalar needs the
   * emitter, so a run whose goldens match never starts Jackson's data binding and SnakeYAML.
   */
  private static final class Mapper {
    static final ObjectMapper YAML = new YAMLMapper(YAMLFactory.builder()
        .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
        .disable(YAMLGenerator.Feature.SPLIT_LINES)
        .disable(YAMLGenerator.Feature.USE_PLATFORM_LINE_BREAKS)
        .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
        .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
        .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE)
        .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
        .loaderOptions(loaderOptions())
        .build())
        .disable(SerializationFeature.INDENT_OUTPUT);
  }

  /** Goldens of large traces exceed SnakeYAML's default 3 MB limit (10,000 spans are about 4 MB). */
  private static final int MAX_CODE_POINTS = 256 * 1024 * 1024;

  private GoldenYaml() {}

  private static LoaderOptions loaderOptions() {
    LoaderOptions options = new LoaderOptions();
    options.setCodePointLimit(MAX_CODE_POINTS);
    return options;
  }

  /**
   * The YAML text of {@code tree}: LF line endings, exactly one trailing newline. Written by {@link FastGoldenYaml},
   * byte-identical to {@link #writeReference}.
   */
  static String write(JsonNode tree) {
    return normalized(FastGoldenYaml.write(tree, GoldenYaml::rawReference));
  }

  /** The reference rendering of {@code tree} (Jackson's YAML generator), which {@link #write} reproduces. */
  static String writeReference(JsonNode tree) {
    return normalized(rawReference(tree));
  }

  /** Jackson's YAML of {@code tree} as the generator writes it. */
  static String rawReference(JsonNode tree) {
    try {
      return Mapper.YAML.writeValueAsString(tree);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String normalized(String raw) {
    String yaml = raw.indexOf('\r') >= 0 ? raw.replace("\r\n", "\n") : raw;
    return yaml.endsWith("\n") ? yaml : yaml + "\n";
  }

  /** Parses golden YAML; a syntax error becomes a {@link GoldenFileException} naming file, line and column. */
  static JsonNode read(String yaml, Path file) {
    try {
      JsonNode tree = Mapper.YAML.readTree(yaml);
      if (tree == null || !tree.isObject()) {
        throw new GoldenFileException(file + ":1:1: not a golden trace (expected a YAML mapping with a 'format:' "
            + "line). " + GoldenFileException.REWRITE_HINT);
      }
      return tree;
    } catch (JsonProcessingException e) {
      JsonLocation where = e.getLocation();
      int line = where == null ? 0 : where.getLineNr();
      int column = where == null ? 0 : where.getColumnNr();
      throw new GoldenFileException(file + ":" + line + ":" + column + ": malformed golden trace: "
          + e.getOriginalMessage().lines().findFirst().orElse("").replaceAll("\\.+$", "") + ". "
          + GoldenFileException.REWRITE_HINT, e);
    }
  }
}
