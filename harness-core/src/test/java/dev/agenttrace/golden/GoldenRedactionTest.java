package dev.agenttrace.golden;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class GoldenRedactionTest {

  private static String render(GoldenTraces.Builder builder, GoldenFixture fixture) {
    return builder.build().render(fixture.trace());
  }

  @Test
  void uuidsGetStablePlaceholdersUsedConsistently() {
    String yaml = render(GoldenTraces.builder(), new GoldenFixture());

    // the same request id appears in the LLM's tool call and in the tool's arguments
    assertThat(yaml.split("<uuid-1>", -1)).hasSize(3);
    assertThat(yaml).doesNotContain("<uuid-2>");
  }

  @Test
  void redactsAFieldBySelector() {
    String yaml = render(GoldenTraces.builder().redact(Selector.field("response.model"), "model"), new GoldenFixture());

    assertThat(yaml).doesNotContain("gpt-4o-2024-08-06").contains("    model: <model-1>");
  }

  @Test
  void redactsByAttributeKeyMappedOrRaw() {
    String yaml = render(GoldenTraces.builder()
        .redact(Selector.attribute("gen_ai.request.model"))
        .redact(Selector.attribute("http.response.status_code"), "status"), new GoldenFixture());

    assertThat(yaml).contains("model: <redacted-1>", "http.response.status_code: <status-1>")
        .doesNotContain("model: gpt-4o\n");
  }

  @Test
  void redactsAJsonPathInToolArgumentsAndResults() {
    String yaml = render(GoldenTraces.builder()
        .redact(Selector.toolArguments("$.city"), "city")
        .redact(Selector.toolResult("$.temp"), "temp"), new GoldenFixture());

    assertThat(yaml).contains("        arguments:\n          city: <city-1>\n", "          temp: <temp-1>\n")
        // only tool spans: the LLM's view of the same call keeps the value
        .contains("              arguments:\n                city: Paris\n");
  }

  @Test
  void restrictsASelectorToOneSpanKind() {
    String yaml = render(GoldenTraces.builder().redact(Selector.field("usage").onSpans("llm_call"), "usage"),
        new GoldenFixture());

    assertThat(yaml).contains("        usage: <usage-1>\n", "    usage:\n      input_tokens: 12\n");
  }

  @Test
  void redactsRegexMatchesWithNumberedPlaceholders() {
    String yaml = render(GoldenTraces.builder().redactPattern("Paris", "city"), new GoldenFixture());

    assertThat(yaml).doesNotContain("Paris").contains("text: Weather in <city-1>?", "city: <city-1>");
  }

  @Test
  void aMatcherAcceptsVaryingValuesAndShowsTheValueThatBreaksIt() {
    GoldenFixture fixture = new GoldenFixture();
    fixture.outputTokens = 99;
    String accepted = render(GoldenTraces.builder()
        .match(Selector.field("usage.output_tokens"), ValueMatcher.anyNumber())
        .match(Selector.field("response.text"), ValueMatcher.anyStringMatching("It is .* in Paris.*")), fixture);

    assertThat(accepted).contains("output_tokens: <any number>", "text: <any string matching It is .* in Paris.*>")
        .doesNotContain("99");

    GoldenFixture rainy = new GoldenFixture();
    rainy.answer = "Rain in Rome.";
    String rejected = render(GoldenTraces.builder()
        .match(Selector.field("response.text"), ValueMatcher.anyStringMatching("It is .* in Paris.*")), rainy);
    assertThat(rejected).contains("text: Rain in Rome.");
  }

  @Test
  void anyStringMatchesAnyText() {
    String yaml = render(GoldenTraces.builder().match(Selector.field("response.model"), ValueMatcher.anyString()),
        new GoldenFixture());

    assertThat(yaml).contains("model: <any string>").doesNotContain("gpt-4o-2024");
  }

  @Test
  void rejectsBadPlaceholderNamesAndJsonPaths() {
    assertThatThrownBy(() -> GoldenTraces.builder().redact(Selector.field("x"), "<bad>"))
        .hasMessageContaining("placeholder name");
    assertThatThrownBy(() -> Selector.toolArguments("city")).hasMessageContaining("starts with '$'");
  }
}
