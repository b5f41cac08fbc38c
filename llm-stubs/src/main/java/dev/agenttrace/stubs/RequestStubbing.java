package dev.agenttrace.stubs;

import java.util.Objects;

/**
 * The start of a stubbing, returned by {@code stub.when...(...)} on any stub ({@link LlmScripting}): narrow the
 * matcher with {@link #and}, then say how to reply ({@link ReplyVocabulary}). The stubbing is registered (and takes
 * priority over earlier ones) when the first reply is given; the returned {@link ReplyChain} adds modifiers and
 * consecutive replies.
 */
public final class RequestStubbing implements ReplyVocabulary<ReplyChain> {
  private final LlmStubbings stubbings;
  private final RequestMatcher matcher;

  RequestStubbing(LlmStubbings stubbings, RequestMatcher matcher) {
    this.stubbings = stubbings;
    this.matcher = Objects.requireNonNull(matcher, "matcher");
  }

  /** Also requires {@code other}, e.g. {@code llm.whenTurn(2).and(model("gpt-4o"))}. */
  public RequestStubbing and(RequestMatcher other) {
    return new RequestStubbing(stubbings, matcher.and(other));
  }

  /** Registers the stubbing with {@code reply} as its first answer. */
  @Override
  public ReplyChain reply(LlmReply reply) {
    Objects.requireNonNull(reply, "reply");
    return new ReplyChain(stubbings, stubbings.register(matcher, reply));
  }
}
