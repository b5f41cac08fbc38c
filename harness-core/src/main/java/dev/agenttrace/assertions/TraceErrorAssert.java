package dev.agenttrace.assertions;

import dev.agenttrace.trace.AgentTrace;
import dev.agenttrace.trace.TraceError;
import java.util.ArrayList;
import java.util.List;

/**
 * Assertions on one recorded error: its type, message, the span it is on, and its cause chain, read from the
 * recorded stack trace ({@code Caused by:} lines).
 */
public class TraceErrorAssert extends AbstractTraceAssert<TraceErrorAssert, TraceError> {

  public TraceErrorAssert(TraceError actual) {
    this(actual, null);
  }

  public TraceErrorAssert(TraceError actual, AgentTrace trace) {
    super(actual, trace, TraceErrorAssert.class);
  }

  public TraceErrorAssert hasType(String expected) {
    isNotNull();
    if (!expected.equals(actual.type())) {
      fail("to be of type " + expected, expected, actual.type(), "it is " + Values.show(actual.summary()));
    }
    return this;
  }

  public TraceErrorAssert hasMessage(String expected) {
    isNotNull();
    if (!expected.equals(actual.message())) {
      fail("to have message " + Values.quoted(expected), expected, actual.message(),
          "it has " + Values.quoted(actual.message()));
    }
    return this;
  }

  public TraceErrorAssert hasMessageContaining(String fragment) {
    isNotNull();
    if (!actual.message().contains(fragment)) {
      fail("to have a message containing " + Values.quoted(fragment), fragment, actual.message(),
          "it has " + Values.quoted(actual.message()));
    }
    return this;
  }

  /** The error is on a span whose name matches the glob. */
  public TraceErrorAssert isOnSpan(String spanNameGlob) {
    isNotNull();
    if (!Glob.of(spanNameGlob).matches(actual.span().name())) {
      fail("to be on span " + Values.quoted(spanNameGlob), spanNameGlob, actual.span().name(),
          "it is on " + Values.quoted(actual.span().name()));
    }
    return this;
  }

  /** Some cause in the chain (not the error itself) has this type. */
  public TraceErrorAssert hasCauseOfType(String type) {
    isNotNull();
    List<String> chain = causeChain();
    if (!chain.subList(Math.min(1, chain.size()), chain.size()).contains(type)) {
      fail("to be caused by " + type, type, chain, "its cause chain is " + chain);
    }
    return this;
  }

  /** The types from the error down through its causes are exactly these. */
  public TraceErrorAssert hasCauseChain(String... types) {
    isNotNull();
    List<String> chain = causeChain();
    if (!chain.equals(List.of(types))) {
      fail("to have the cause chain " + List.of(types), List.of(types), chain,
          chain.isEmpty() ? "no stack trace was recorded" : "its cause chain is " + chain);
    }
    return this;
  }

  /** The exception types of the recorded stack trace: the first line, then every {@code Caused by:}. */
  private List<String> causeChain() {
    List<String> chain = new ArrayList<>();
    String[] lines = actual.stackTrace().split("\\R");
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (i == 0 && !line.isEmpty()) {
        chain.add(typeOf(line));
      } else if (line.startsWith("Caused by: ")) {
        chain.add(typeOf(line.substring("Caused by: ".length())));
      }
    }
    return chain;
  }

  private static String typeOf(String line) {
    int colon = line.indexOf(':');
    return (colon < 0 ? line : line.substring(0, colon)).strip();
  }

  private void fail(String expectation, Object expected, Object found, String foundDescription) {
    fail(expecting("the error on " + actual.span().name() + " " + expectation).but(foundDescription)
        .marking(actual.span().spanId()), expected, found);
  }
}
