package dev.agenttrace.otlp;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.common.AttributeKey;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * A 100 MB JSON Lines input, generated while it is read (nothing large is committed or kept in memory), streams
 * through the reader span by span: every span is handed out while the reader is at most one request line ahead of
 * it, so memory holds one request, never the document.
 */
class OtlpJsonLargeInputTest {
  private static final long HUNDRED_MB = 100L * 1024 * 1024;

  @Test
  void aHundredMegabyteFileStreamsSpanBySpan() {
    GeneratedJsonLines input = new GeneratedJsonLines(HUNDRED_MB);
    AtomicLong spans = new AtomicLong();
    AtomicLong contentChars = new AtomicLong();

    AtomicLong mostLinesReadAhead = new AtomicLong();

    OtlpJson.forEachSpan(input, span -> {
      long lineOfSpan = spans.getAndIncrement() / GeneratedJsonLines.SPANS_PER_LINE + 1;
      mostLinesReadAhead.accumulateAndGet(input.linesServed() - lineOfSpan, Math::max);
      contentChars.addAndGet(span.getAttributes().get(AttributeKey.stringKey("gen_ai.output.messages")).length());
    });

    assertThat(input.bytesServed()).isGreaterThanOrEqualTo(HUNDRED_MB);
    assertThat(spans.get()).isEqualTo(input.spansServed());
    assertThat(mostLinesReadAhead.get()).as("lines read beyond the span handed out").isLessThanOrEqualTo(1);
    assertThat(contentChars.get()).isEqualTo(input.spansServed() * GeneratedJsonLines.CONTENT.length());
  }

  /** JSON Lines of OTLP requests, produced line by line on demand until at least {@code size} bytes were served. */
  static final class GeneratedJsonLines extends InputStream {
    static final String CONTENT = "x".repeat(4000);
    static final int SPANS_PER_LINE = 20;

    private final long size;
    private long served;
    private long spans;
    private int lineNumber;
    private byte[] line = new byte[0];
    private int position;

    GeneratedJsonLines(long size) {
      this.size = size;
    }

    long bytesServed() {
      return served;
    }

    long linesServed() {
      return lineNumber;
    }

    long spansServed() {
      return spans;
    }

    @Override
    public int read() {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
      if (position == line.length && !nextLine()) {
        return -1;
      }
      int count = Math.min(length, line.length - position);
      System.arraycopy(line, position, buffer, offset, count);
      position += count;
      served += count;
      return count;
    }

    private boolean nextLine() {
      if (served >= size) {
        return false;
      }
      if (line.length == 0) {
        line = template();
      }
      // a new trace id per line: patch the 8 hex digits of the line number into every span's trace id in place
      byte[] id = "%08x".formatted(lineNumber + 1).getBytes(StandardCharsets.US_ASCII);
      for (int at : traceIdEnds) {
        System.arraycopy(id, 0, line, at - id.length, id.length);
      }
      position = 0;
      lineNumber++;
      spans += SPANS_PER_LINE;
      return true;
    }

    private final java.util.List<Integer> traceIdEnds = new java.util.ArrayList<>();

    private byte[] template() {
      StringBuilder out = new StringBuilder(SPANS_PER_LINE * (CONTENT.length() + 300));
      out.append("{\"resourceSpans\":[{\"resource\":{\"attributes\":[{\"key\":\"service.name\",\"value\":"
          + "{\"stringValue\":\"big\"}}]},\"scopeSpans\":[{\"scope\":{\"name\":\"gen\"},\"spans\":[");
      for (int i = 0; i < SPANS_PER_LINE; i++) {
        if (i > 0) {
          out.append(',');
        }
        out.append("{\"traceId\":\"").append("0".repeat(32));
        traceIdEnds.add(out.length());
        out.append("\",\"spanId\":\"").append("%016x".formatted(i + 1))
            .append("\",\"name\":\"chat gpt-4o\",\"kind\":3,\"startTimeUnixNano\":\"").append(i)
            .append("\",\"endTimeUnixNano\":\"").append(i + 1).append("\",\"attributes\":[")
            .append("{\"key\":\"gen_ai.usage.input_tokens\",\"value\":{\"intValue\":\"12\"}},")
            .append("{\"key\":\"gen_ai.output.messages\",\"value\":{\"stringValue\":\"").append(CONTENT)
            .append("\"}}]}");
      }
      out.append("]}]}]}\n");
      return out.toString().getBytes(StandardCharsets.US_ASCII);   // ASCII only: char offsets are byte offsets
    }
  }
}
