package dev.agenttrace.stubs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agenttrace.llm.ToolCall;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

class ToolStubsTest {
  private final List<Duration> slept = new ArrayList<>();
  private final ToolStubs tools = ToolStubs.builder().sleeper(slept::add).build();

  private static ToolCall call(String name, String arguments) {
    return new ToolCall("call_1", name, arguments);
  }

  @Test
  void returnsTheStubbedResult() throws Exception {
    tools.stub("get_weather").returns("{\"tempC\":18}");

    assertEquals("{\"tempC\":18}", tools.execute(call("get_weather", "{\"city\":\"Paris\"}")));
  }

  @Test
  void consecutiveResultsThenTheLastRepeats() throws Exception {
    tools.stub("counter").returns("1").thenReturns("2");

    assertEquals("1", tools.execute(call("counter", "{}")));
    assertEquals("2", tools.execute(call("counter", "{}")));
    assertEquals("2", tools.execute(call("counter", "{}")));
  }

  @Test
  void throwsTheExactException() {
    IOException failure = new IOException("weather service down");
    tools.stub("get_weather").throwsException(failure);

    assertSame(failure, assertThrows(IOException.class, () -> tools.execute(call("get_weather", "{}"))));
    assertSame(failure, assertThrows(IOException.class, () -> tools.execute(call("get_weather", "{}"))));
  }

  @Test
  void mixesResultsAndFailuresInSequence() throws Exception {
    TimeoutException timeout = new TimeoutException("slow");
    tools.stub("flaky").throwsException(timeout).thenReturns("ok").thenThrowsException(new IOException("x"))
        .thenAnswers(c -> "answered " + c.id());

    assertSame(timeout, assertThrows(TimeoutException.class, () -> tools.execute(call("flaky", "{}"))));
    assertEquals("ok", tools.execute(call("flaky", "{}")));
    assertThrows(IOException.class, () -> tools.execute(call("flaky", "{}")));
    assertEquals("answered call_1", tools.execute(call("flaky", "{}")));
  }

  @Test
  void answersFromAFunctionOfTheCall() throws Exception {
    tools.stub("echo").answers(c -> c.name() + ":" + c.arguments());

    assertEquals("echo:{\"a\":1}", tools.execute(call("echo", "{\"a\":1}")));
  }

  @Test
  void answerFunctionMayThrowCheckedExceptions() {
    IOException failure = new IOException("from function");
    tools.stub("io").answers(c -> {
      throw failure;
    });

    assertSame(failure, assertThrows(IOException.class, () -> tools.execute(call("io", "{}"))));
  }

  @Test
  void argumentConditionsWinOverTheUnconditionalStubbing() throws Exception {
    tools.stub("get_weather").whenArgumentsContain("Paris").returns("paris");
    tools.stub("get_weather").returns("default");
    tools.stub("get_weather").whenArgumentsContain("Oslo").returns("oslo");

    assertEquals("paris", tools.execute(call("get_weather", "{\"city\":\"Paris\"}")));
    assertEquals("oslo", tools.execute(call("get_weather", "{\"city\":\"Oslo\"}")));
    assertEquals("default", tools.execute(call("get_weather", "{\"city\":\"Rome\"}")));
  }

  @Test
  void mostRecentMatchingStubbingWins() throws Exception {
    tools.stub("get_weather").returns("old");
    tools.stub("get_weather").returns("new");
    tools.stub("get_weather").whenArgumentsContain("Paris").returns("paris old");
    tools.stub("get_weather").whenArgumentsContain("city").returns("any city new");

    assertEquals("new", tools.execute(call("get_weather", "{}")));
    assertEquals("any city new", tools.execute(call("get_weather", "{\"city\":\"Paris\"}")));
  }

  @Test
  void severalFragmentsMustAllBeContained() throws Exception {
    tools.stub("book").whenArgumentsContain("Paris").whenArgumentsContain("2025").returns("booked");

    assertEquals("booked", tools.execute(call("book", "{\"city\":\"Paris\",\"year\":2025}")));
    assertThrows(UnstubbedToolError.class, () -> tools.execute(call("book", "{\"city\":\"Paris\"}")));
  }

  @Test
  void latencyGoesToTheSleeper() throws Exception {
    tools.stub("slow").returns("done").withLatency(Duration.ofMinutes(2));

    tools.execute(call("slow", "{}"));
    tools.execute(call("slow", "{}"));

    assertEquals(List.of(Duration.ofMinutes(2), Duration.ofMinutes(2)), slept);
  }

  @Test
  void latencyAppliesBeforeAThrowToo() {
    tools.stub("slow").throwsException(new IOException("late")).withLatency(Duration.ofSeconds(3));

    assertThrows(IOException.class, () -> tools.execute(call("slow", "{}")));
    assertEquals(List.of(Duration.ofSeconds(3)), slept);
  }

  @Test
  void negativeLatencyIsRejected() {
    ToolAnswers answers = tools.stub("x").returns("y");

    assertThrows(IllegalArgumentException.class, () -> answers.withLatency(Duration.ofSeconds(-1)));
  }

  @Test
  void recordsEveryCallInOrderIncludingUnstubbedOnes() throws Exception {
    tools.stub("a").returns("1");
    tools.stub("b").returns("2");
    ToolCall first = new ToolCall("c1", "a", "{}");
    ToolCall second = new ToolCall("c2", "b", "{}");
    ToolCall third = new ToolCall("c3", "a", "{\"x\":1}");
    ToolCall unknown = new ToolCall("c4", "zzz", "{}");

    tools.execute(first);
    tools.execute(second);
    tools.execute(third);
    assertThrows(UnstubbedToolError.class, () -> tools.execute(unknown));

    assertEquals(List.of(first, second, third, unknown), tools.calls());
    assertEquals(List.of(first, third), tools.calls("a"));
    assertEquals(2, tools.callCount("a"));
    assertEquals(0, tools.callCount("never"));
    assertEquals(4, tools.callCount());
  }

  @Test
  void unknownToolFailsWithTheCallTheStubbedToolsAndTheClosestName() {
    tools.stub("get_weather").returns("{}");
    tools.stub("get_time").returns("{}");
    ToolCall typo = new ToolCall("call_3", "get_wether", "{\"city\":\"Paris\"}");

    UnstubbedToolError error = assertThrows(UnstubbedToolError.class, () -> tools.execute(typo));

    String message = error.getMessage();
    assertSame(typo, error.call());
    assertTrue(message.contains("ToolStubs has no stub for tool 'get_wether'."), message);
    assertTrue(message.contains("call: get_wether (id \"call_3\")"), message);
    assertTrue(message.contains("arguments: {\"city\":\"Paris\"}"), message);
    assertTrue(message.contains("stubbed tools: get_time, get_weather"), message);
    assertTrue(message.contains("did you mean 'get_weather'?"), message);
    assertTrue(message.contains("tools.stub(\"get_wether\").returns(\"...\");"), message);
  }

  @Test
  void unrelatedNameGetsNoSuggestion() {
    tools.stub("get_weather").returns("{}");

    String message = assertThrows(UnstubbedToolError.class, () -> tools.execute(call("send_email", "{}")))
        .getMessage();

    assertFalse(message.contains("did you mean"), message);
  }

  @Test
  void noToolsStubbedAtAll() {
    String message = assertThrows(UnstubbedToolError.class, () -> tools.execute(call("x", "{}"))).getMessage();

    assertTrue(message.contains("stubbed tools: (none)"), message);
  }

  @Test
  void unmatchedArgumentsListTheConditions() {
    tools.stub("get_weather").whenArgumentsContain("Paris").returns("{}");

    String message = assertThrows(UnstubbedToolError.class,
        () -> tools.execute(call("get_weather", "{\"city\":\"Rome\"}\n50%"))).getMessage();

    assertTrue(message.contains("has stubs for tool 'get_weather', but none matches the arguments"), message);
    assertTrue(message.contains("- get_weather when arguments contain \"Paris\" → returns \"{}\""), message);
    assertTrue(message.contains("arguments: {\"city\":\"Rome\"}\\n50%"), message);
  }

  @Test
  void unusedStubsAndStubbedTools() throws Exception {
    tools.stub("used").returns("1");
    ToolAnswers unused = tools.stub("unused").returns("2").thenThrowsException(new IOException("boom"))
        .withLatency(Duration.ofSeconds(1));

    tools.execute(call("used", "{}"));

    assertEquals(List.of("unused → returns \"2\", then throws IOException: boom after PT1S"), tools.unusedStubs());
    assertEquals(tools.unusedStubs().get(0), unused.toString());
    assertEquals(Set.of("used", "unused"), tools.stubbedTools());
  }

  @Test
  void agentStubsCreatesIndependentInstances() throws Exception {
    ToolStubs one = AgentStubs.toolStubs();
    ToolStubs two = AgentStubs.toolStubs();
    one.stub("t").returns("one");

    assertEquals("one", one.execute(call("t", "{}")));
    assertThrows(UnstubbedToolError.class, () -> two.execute(call("t", "{}")));
  }
}
