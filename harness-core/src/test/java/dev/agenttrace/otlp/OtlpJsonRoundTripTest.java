package dev.agenttrace.otlp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agenttrace.trace.AgentTrace;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.AttributeType;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Writing spans of the real SDK as OTLP JSON and reading them back gives the same spans, field for field. */
class OtlpJsonRoundTripTest {
  private final List<SpanData> original = SdkSpans.everyFeature();

  @Test
  void writtenThenReadSpansAreTheSameFieldForField() {
    String json = OtlpJson.writer().toJson(original);

    List<SpanData> read = OtlpJson.readSpans(stream(json));

    SdkSpans.assertSameSpans(read, original);
  }

  @Test
  void theFixtureReallyUsesEveryFeature() {
    SpanData root = original.stream().filter(span -> span.getName().startsWith("invoke_agent")).findFirst().orElseThrow();
    assertThat(root.getParentSpanContext().isRemote()).isTrue();
    assertThat(root.getSpanContext().getTraceState().size()).isEqualTo(2);
    assertThat(root.getTotalAttributeCount()).isGreaterThan(root.getAttributes().size());
    assertThat(root.getTotalRecordedEvents()).isGreaterThan(root.getEvents().size());
    assertThat(root.getAttributes().asMap().keySet()).extracting(AttributeKey::getType)
        .contains(AttributeType.values());
    assertThat(original).extracting(SpanData::getTotalRecordedLinks).contains(3);
  }

  @Test
  void aTraceWrittenToAFileReadsBackAsTheSameTrace(@TempDir Path dir) {
    AgentTrace trace = AgentTrace.of(original);

    Path file = OtlpJson.write(trace, dir.resolve("nested/trace.otlp.json"));
    AgentTrace read = OtlpJson.read(file);

    assertThat(read.spans()).extracting(span -> span.spanId())
        .containsExactlyElementsOf(trace.spans().stream().map(span -> span.spanId()).toList());
    SdkSpans.assertSameSpans(read.spans().stream().map(span -> span.data()).toList(),
        trace.spans().stream().map(span -> span.data()).toList());
  }

  @Test
  void readingWhatWasReadAndWrittenGivesEqualSpanData() {
    List<SpanData> once = OtlpJson.readSpans(stream(OtlpJson.writer().toJson(original)));

    List<SpanData> twice = OtlpJson.readSpans(stream(OtlpJson.writer().toJson(once)));

    assertThat(twice).isEqualTo(once);
  }

  @Test
  void writingGroupsSpansByResourceAndScopeOnOneLine() {
    String json = OtlpJson.writer().toJson(original);

    assertThat(json).endsWith("}\n").doesNotContain("\n}");
    assertThat(json.split("\"resource\":", -1)).hasSize(2);
    assertThat(json.split("\"scope\":", -1)).hasSize(3);   // dev.agenttrace.runtime and io.opentelemetry.http
    assertThat(json).contains("\"startTimeUnixNano\":\"1772359200123456789\"", "\"kind\":2", "\"intValue\":\"12\"",
        "\"bytesValue\":\"AAEC/w==\"", "\"kvlistValue\"", "\"traceState\":\"other=b2,vendor=a1\"");
  }

  @Test
  void theTextTransformerSeesEveryStringValueWithItsKey() {
    OtlpJsonWriter redacting = OtlpJson.writer()
        .transformingText((key, text) -> key.equals("gen_ai.input.messages") || key.equals("model")
            || key.equals("status.message") ? "[redacted]" : text);

    List<SpanData> read = OtlpJson.readSpans(stream(redacting.toJson(original)));

    SpanData chat = named(read, "chat gpt-4o");
    assertThat(chat.getAttributes().get(AttributeKey.stringKey("gen_ai.input.messages"))).isEqualTo("[redacted]");
    assertThat(named(read, "POST").getStatus().getDescription()).isEqualTo("[redacted]");
    assertThat(named(read, "invoke_agent weather").getAttributes().get(AttributeKey.valueKey("config")).asString())
        .contains("[redacted]").doesNotContain("gpt-4o");
    assertThat(OtlpJson.writer().toJson(original)).contains("gpt-4o");
  }

  @Test
  void writingToAStreamLeavesItOpenAndMatchesTheFile(@TempDir Path dir) throws Exception {
    AgentTrace trace = AgentTrace.of(original);
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    OtlpJson.write(trace, out);
    out.write('x');   // still open

    Path file = OtlpJson.write(trace, dir.resolve("t.json"));
    assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(Files.readString(file) + "x");
  }

  private static SpanData named(List<SpanData> spans, String name) {
    return spans.stream().filter(span -> span.getName().equals(name)).min(Comparator.comparing(SpanData::getSpanId))
        .orElseThrow();
  }

  static ByteArrayInputStream stream(String json) {
    return new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8));
  }
}
