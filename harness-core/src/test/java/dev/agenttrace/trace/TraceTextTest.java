package dev.agenttrace.trace;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class TraceTextTest {

  @Test
  void abbreviatesWithTheLengthLeftOut() {
    assertThat(TraceText.abbreviate("a".repeat(4_822), 10)).isEqualTo("aaaaaaaaaa…(+4,812 chars)");
    assertThat(TraceText.abbreviate("short", 10)).isEqualTo("short");
    assertThat(TraceText.abbreviate(null, 10)).isEqualTo("null");
  }

  @Test
  void showsLineBreaksOnOneLine() {
    assertThat(TraceText.abbreviate("a\nb\r\nc\rd\te", 100)).isEqualTo("a⏎b⏎c⏎d e");
  }

  @Test
  void neverSplitsASurrogatePair() {
    assertThat(TraceText.abbreviate("ab😀cd", 3)).isEqualTo("ab…(+4 chars)");
  }

  @Test
  void formatsDurationsCompactly() {
    assertThat(TraceText.duration(Duration.ofNanos(850_000))).isEqualTo("850µs");
    assertThat(TraceText.duration(Duration.ofMillis(12))).isEqualTo("12ms");
    assertThat(TraceText.duration(Duration.ofMillis(1_250))).isEqualTo("1.25s");
    assertThat(TraceText.duration(Duration.ofSeconds(123))).isEqualTo("2m03s");
    assertThat(TraceText.duration(Duration.ofMinutes(61))).isEqualTo("1h01m");
  }
}
