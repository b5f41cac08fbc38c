package dev.agenttrace.otlp;

import static dev.agenttrace.otlp.OtlpJsonReadTest.line;
import static dev.agenttrace.otlp.OtlpJsonRoundTripTest.stream;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

/** Every malformed input fails with a message naming the JSON path, the line and what was expected. */
class OtlpJsonErrorTest {
  private static final String T = "5b8efff798038103d269b633813fc60c";

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      start time true        | "startTimeUnixNano":true                  | $.resourceSpans[0].scopeSpans[1].spans[3].startTimeUnixNano: expected a string or number of nanoseconds since the epoch, got true
      start time negative    | "startTimeUnixNano":"-5"                  | $.resourceSpans[0].scopeSpans[1].spans[3].startTimeUnixNano: expected a string or number of nanoseconds since the epoch, got "-5"
      end time not a number  | "endTimeUnixNano":"soon"                  | $.resourceSpans[0].scopeSpans[1].spans[3].endTimeUnixNano: expected a string or number of nanoseconds since the epoch, got "soon"
      end time too large     | "endTimeUnixNano":"99999999999999999999"  | $.resourceSpans[0].scopeSpans[1].spans[3].endTimeUnixNano: expected a string or number of nanoseconds since the epoch within 64 bits, got "99999999999999999999"
      base64 span id         | "spanId":"AAAAAAAAAAE="                   | $.resourceSpans[0].scopeSpans[1].spans[3].spanId: expected 16 hex digits (OTLP/JSON encodes ids as hex, not base64), got "AAAAAAAAAAE="
      zero span id           | "spanId":"0000000000000000"               | $.resourceSpans[0].scopeSpans[1].spans[3].spanId: span id 0000000000000000 is invalid (all zero)
      number as name         | "name":12                                 | $.resourceSpans[0].scopeSpans[1].spans[3].name: expected a string, got 12
      unknown kind           | "kind":9                                  | $.resourceSpans[0].scopeSpans[1].spans[3].kind: expected a span kind 0..5 (or its name, e.g. "SPAN_KIND_CLIENT"), got 9
      status code name       | "status":{"code":"FAILED"}                | $.resourceSpans[0].scopeSpans[1].spans[3].status.code: expected a status code 0..2 (or its name, e.g. "STATUS_CODE_ERROR"), got "FAILED"
      attributes object      | "attributes":{"a":1}                      | $.resourceSpans[0].scopeSpans[1].spans[3].attributes: expected an array of KeyValue objects, got an object
      attribute without key  | "attributes":[{"value":{"intValue":1}}]   | $.resourceSpans[0].scopeSpans[1].spans[3].attributes[0]: attribute has no key
      bad int value          | "attributes":[{"key":"n","value":{"intValue":1.5}}] | $.resourceSpans[0].scopeSpans[1].spans[3].attributes[0].value.intValue: expected an integer (a JSON number or a decimal string), got 1.5
      bare value             | "attributes":[{"key":"n","value":"x"}]    | $.resourceSpans[0].scopeSpans[1].spans[3].attributes[0].value: expected an AnyValue object (stringValue, boolValue, intValue, doubleValue, arrayValue, kvlistValue or bytesValue), got "x"
      nested array element   | "attributes":[{"key":"a","value":{"arrayValue":{"values":[{"stringValue":"ok"},{"boolValue":"yes"}]}}}] | $.resourceSpans[0].scopeSpans[1].spans[3].attributes[0].value.arrayValue.values[1].boolValue: expected true or false, got "yes"
      kvlist element         | "attributes":[{"key":"m","value":{"kvlistValue":{"values":[{"key":"k","value":{"doubleValue":"much"}}]}}}] | $.resourceSpans[0].scopeSpans[1].spans[3].attributes[0].value.kvlistValue.values[0].value.doubleValue: expected a number (or "NaN", "Infinity", "-Infinity"), got "much"
      bad bytes              | "attributes":[{"key":"b","value":{"bytesValue":"%%%"}}] | $.resourceSpans[0].scopeSpans[1].spans[3].attributes[0].value.bytesValue: expected base64 bytes, got "%%%"
      event time             | "events":[{"name":"e"},{"timeUnixNano":false}] | $.resourceSpans[0].scopeSpans[1].spans[3].events[1].timeUnixNano: expected a string or number of nanoseconds since the epoch, got false
      link without span id   | "links":[{"traceId":"5b8efff798038103d269b633813fc60c"}] | $.resourceSpans[0].scopeSpans[1].spans[3].links[0]: link has no spanId
      dropped count negative | "droppedEventsCount":-1                   | $.resourceSpans[0].scopeSpans[1].spans[3].droppedEventsCount: expected a non-negative count, got -1
      trace state            | "traceState":"novalue"                    | $.resourceSpans[0].scopeSpans[1].spans[3].traceState: expected a W3C tracestate (key=value,...), got "novalue"
      """)
  void aBadFieldIsNamedByItsPath(String what, String field, String message) {
    String span = "{\"traceId\":\"" + T + "\",\"spanId\":\"0000000000000001\",\"name\":\"s\"," + field + "}";
    String json = "{\"resourceSpans\":[{\"scopeSpans\":[{\"spans\":[]},{\"spans\":[{},{},{},\n" + span + "]}]}]}";
    String input = json.replace("{},{},{},", "%s,%s,%s,".formatted(okSpan("a"), okSpan("b"), okSpan("c")));

    assertThatThrownBy(() -> OtlpJson.read(stream(input)))
        .isInstanceOf(OtlpJsonException.class)
        .hasMessageStartingWith(message + " (line 2, column ");
  }

  @Test
  void aSpanWithoutTraceIdIsNamed() {
    String json = "{\"resourceSpans\":[{\"scopeSpans\":[{\"spans\":[{\"spanId\":\"0000000000000001\"}]}]}]}";

    assertThatThrownBy(() -> OtlpJson.read(stream(json)))
        .hasMessage("$.resourceSpans[0].scopeSpans[0].spans[0]: span has no traceId (line 1, column 72)");
  }

  @Test
  void jsonLinesErrorsNameTheLineOfTheRequest() {
    String jsonLines = line(T, "0000000000000001", "", "ok", 1) + "\n"
        + line(T, "0000000000000002", "", "ok", 1).replace("\"kind\":1", "\"kind\":true") + "\n";

    assertThatThrownBy(() -> OtlpJson.read(stream(jsonLines)))
        .isInstanceOf(OtlpJsonException.class)
        .hasMessageStartingWith("$.resourceSpans[0].scopeSpans[0].spans[0].kind: expected a span kind 0..5")
        .hasMessageContaining("(line 2, column ")
        .extracting(e -> ((OtlpJsonException) e).line()).isEqualTo(2L);
  }

  @Test
  void brokenJsonSyntaxIsNamedWithPathAndLine() {
    String jsonLines = line(T, "0000000000000001", "", "ok", 1) + "\n"
        + "{\"resourceSpans\":[{\"scopeSpans\":[{\"spans\":[{\"name\":\"cut\" \"kind\":1}]}]}]}\n";

    assertThatThrownBy(() -> OtlpJson.read(stream(jsonLines)))
        .isInstanceOf(OtlpJsonException.class)
        .hasMessageStartingWith("$.resourceSpans[0].scopeSpans[0].spans[0]: malformed JSON: Unexpected character ('\"'")
        .hasMessageContaining("(line 2, column 58)");
  }

  @Test
  void aDocumentThatIsNotAnObjectIsRejected() {
    assertThatThrownBy(() -> OtlpJson.read(stream("[1, 2]")))
        .hasMessage("$: expected a JSON object (an ExportTraceServiceRequest with resourceSpans), got an array "
            + "(line 1, column 1)");
    assertThatThrownBy(() -> OtlpJson.read(stream("{\"resourceSpans\":{}}")))
        .hasMessage("$.resourceSpans: expected an array of ResourceSpans, got an object (line 1, column 18)");
  }

  @Test
  void twoDifferentSpansWithTheSameIdsAreRejectedNamingBoth() {
    String jsonLines = line(T, "0000000000000001", "", "first", 1) + "\n" + line(T, "0000000000000001", "", "second", 1);

    assertThatThrownBy(() -> OtlpJson.read(stream(jsonLines)))
        .isInstanceOf(OtlpJsonException.class)
        .hasMessage("$.resourceSpans[0].scopeSpans[0].spans[0].spanId: duplicate span id 0000000000000001 in trace "
            + T + ": 'second' differs from 'first' at $.resourceSpans[0].scopeSpans[0].spans[0] (line 1) (span ids "
            + "must be unique within a trace; identical repeats are ignored) (line 2, column 1)");
  }

  @Test
  void aParentCycleIsRejectedNamingItsSpans() {
    String json = line(T, "0000000000000001", "0000000000000003", "a", 1) + "\n"
        + line(T, "0000000000000002", "0000000000000001", "b", 2) + "\n"
        + line(T, "0000000000000003", "0000000000000002", "c", 3) + "\n"
        + line(T, "0000000000000004", "0000000000000004", "self", 4) + "\n";

    assertThatThrownBy(() -> OtlpJson.read(stream(json)))
        .isInstanceOf(OtlpJsonException.class)
        .hasMessage("$.resourceSpans[0].scopeSpans[0].spans[0].parentSpanId: parent cycle 0000000000000001 → "
            + "0000000000000003 → 0000000000000002 → 0000000000000001 (child → parent); spans: 'a' at "
            + "$.resourceSpans[0].scopeSpans[0].spans[0] (line 1), 'c' at $.resourceSpans[0].scopeSpans[0].spans[0] "
            + "(line 3), 'b' at $.resourceSpans[0].scopeSpans[0].spans[0] (line 2) (line 1, column 1)");
  }

  @Test
  void aMissingFileSaysWhichFile(@TempDir Path dir) {
    assertThatThrownBy(() -> OtlpJson.read(dir.resolve("missing.json")))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining("missing.json");
  }

  private static String okSpan(String id) {
    return "{\"traceId\":\"" + T + "\",\"spanId\":\"00000000000000" + id + id + "\",\"name\":\"ok\"}";
  }
}
