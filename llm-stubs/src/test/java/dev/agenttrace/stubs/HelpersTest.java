package dev.agenttrace.stubs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HelpersTest {
  @Test
  void editDistance() {
    assertEquals(0, EditDistance.between("abc", "abc"));
    assertEquals(1, EditDistance.between("get_wether", "get_weather"));
    assertEquals(3, EditDistance.between("kitten", "sitting"));
    assertEquals(4, EditDistance.between("", "abcd"));
  }

  @Test
  void closestNamePrefersTheSmallestPlausibleDistance() {
    List<String> names = List.of("get_time", "get_weather", "get_whether");

    assertEquals(Optional.of("get_weather"), EditDistance.closest("get_weathr", names));
    assertEquals(Optional.empty(), EditDistance.closest("send_email", names));
  }

  @Test
  void abbreviateKeepsShortTextAndEscapesControlCharacters() {
    assertEquals("a\\nb\\r\\tc % d", Text.abbreviate("a\nb\r\tc % d"));
    assertEquals("\"q\"", Text.quote("q"));
  }

  @Test
  void javaLiteralEscapesQuotesAndBackslashes() {
    assertEquals("\"say \\\"hi\\\" \\\\ \\n\"", Text.javaLiteral("say \"hi\" \\ \n"));
  }

  @Test
  void anInterruptedSleeperReturnsAndKeepsTheFlag() {
    List<Duration> waited = new ArrayList<>();
    Sleepers.interruptible(duration -> {
      waited.add(duration);
      throw new InterruptedException("interrupted while waiting");
    }).accept(Duration.ofMinutes(10));

    assertEquals(List.of(Duration.ofMinutes(10)), waited);
    assertTrue(Thread.interrupted(), "interrupt flag kept");
  }
}
