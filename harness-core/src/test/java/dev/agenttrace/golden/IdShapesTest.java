package dev.agenttrace.golden;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The one-pass gate before the id patterns never skips a text a pattern would have matched. */
class IdShapesTest {
  private static final Pattern UUID = Pattern.compile(
      "\\b[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\\b");
  private static final Pattern TIMESTAMP = Pattern.compile(
      "\\b\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d{1,9})?)?(?:Z|[+-]\\d{2}:?\\d{2})?\\b");
  private static final Pattern HEX_ID = Pattern.compile("\\b(?:[0-9a-f]{32}|[0-9a-f]{16})\\b");

  @Test
  void knownIdsOpenTheirGateAndPlainTextKeepsAllClosed() {
    assertThat(IdShapes.of("id 123e4567-e89b-12d3-a456-426614174000 here").mayHoldUuid()).isTrue();
    assertThat(IdShapes.of("at 2026-01-01T10:00:00Z").mayHoldTimestamp()).isTrue();
    assertThat(IdShapes.of("span 00f067aa0ba902b7 ended").mayHoldHexId()).isTrue();
    assertThat(IdShapes.of("Order A-17 has shipped and arrives in 2 days."))
        .isEqualTo(new IdShapes(false, false, false));
    assertThat(IdShapes.of("abcdefabcdefabcdefabcdef without digits").mayHoldHexId())
        .as("as before: a text without digit or hyphen is never taken for an id").isFalse();
  }

  @Test
  void redactsExactlyLikeRunningEveryPatternOnEveryText() {
    Redactor redactor = new Redactor(List.of(), List.of()).forDocument();
    Random random = new Random(42);
    String alphabet = "0123456789abcdefABCDEF-T: Z+.xyz";
    for (int round = 0; round < 20_000; round++) {
      StringBuilder text = new StringBuilder();
      int length = 16 + random.nextInt(60);
      for (int i = 0; i < length; i++) {
        text.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      if (round % 3 == 0) {
        text.insert(random.nextInt(text.length()), random.nextBoolean()
            ? "123e4567-e89b-12d3-a456-426614174000" : "2026-01-01T10:00:00.123+01:00");
      }
      String input = text.toString();
      assertThat(redactor.scrubText(input)).as(input).isEqualTo(everyPattern(input));
    }
  }

  /** The redaction before the gate: all three patterns on every text of 16 characters with a digit or hyphen. */
  private static String everyPattern(String text) {
    if (text.length() < 16 || text.chars().noneMatch(Character::isDigit) && text.indexOf('-') < 0) {
      return text;
    }
    String result = mark(text, UUID, "uuid");
    result = mark(result, TIMESTAMP, "timestamp");
    return mark(result, HEX_ID, "id");
  }

  private static String mark(String text, Pattern pattern, String name) {
    return pattern.matcher(text).replaceAll(match -> Matcher.quoteReplacement(Placeholders.mark(name, match.group())));
  }
}
