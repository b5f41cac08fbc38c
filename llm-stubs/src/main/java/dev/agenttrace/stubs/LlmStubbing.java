package dev.agenttrace.stubs;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * One registered stubbing of an {@link LlmStub}: a matcher and its script of consecutive replies. A reply answers
 * as many times as its limit says; without a limit, the last reply answers forever and earlier ones once (Mockito's
 * consecutive-stubbing semantics). When every reply is used up the stubbing is exhausted and no longer matches.
 * Not thread-safe by itself: {@link LlmStubbings} guards it with its lock.
 */
final class LlmStubbing {
  private final int sequence;
  private final RequestMatcher matcher;
  private final List<LlmReply> replies = new ArrayList<>();
  private int current;
  private int usesOfCurrent;
  private int uses;

  LlmStubbing(int sequence, RequestMatcher matcher, LlmReply first) {
    this.sequence = sequence;
    this.matcher = matcher;
    this.replies.add(first);
  }

  /** Order of registration, 1-based; later stubbings take priority. */
  int sequence() {
    return sequence;
  }

  RequestMatcher matcher() {
    return matcher;
  }

  int uses() {
    return uses;
  }

  void append(LlmReply reply) {
    replies.add(reply);
  }

  void updateLast(UnaryOperator<LlmReply> update) {
    int last = replies.size() - 1;
    replies.set(last, update.apply(replies.get(last)));
  }

  boolean isExhausted() {
    skipUsedUp();
    return current >= replies.size();
  }

  /** Consumes and returns the next reply; call only when not {@link #isExhausted()}. */
  LlmReply next() {
    skipUsedUp();
    LlmReply reply = replies.get(current);
    usesOfCurrent++;
    uses++;
    return reply;
  }

  String description() {
    String script = replies.stream().map(LlmReply::description).collect(Collectors.joining(", then "));
    return matcher.description() + " → " + script;
  }

  private void skipUsedUp() {
    while (current < replies.size() && usesOfCurrent >= limit(current)) {
      current++;
      usesOfCurrent = 0;
    }
  }

  private int limit(int index) {
    Integer limit = replies.get(index).limit();
    if (limit != null) {
      return limit;
    }
    return index == replies.size() - 1 ? Integer.MAX_VALUE : 1;
  }
}
