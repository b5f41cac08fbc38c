package dev.agenttrace.examples.signup;

import dev.agenttrace.llm.ChatRequest;
import dev.agenttrace.llm.Message;
import dev.agenttrace.runtime.Agent;
import dev.agenttrace.runtime.AgentContext;
import java.time.Duration;
import java.util.List;

/**
 * A deliberately buggy agent, kept to show what crash exploration catches: it sends the welcome e-mail straight
 * from agent code instead of inside {@code ctx.step(...)}. The runtime re-runs agent code from the top on every
 * resume, so the e-mail goes out again after every wait and every crash. {@link #fixed} is the correct version.
 */
public final class WelcomeAgent implements Agent<String, String> {
  private final Mailer mailer;
  private final boolean journaled;

  /** Sends e-mails; the test counts them. */
  @FunctionalInterface
  public interface Mailer {
    void send(String to, String text);
  }

  private WelcomeAgent(Mailer mailer, boolean journaled) {
    this.mailer = mailer;
    this.journaled = journaled;
  }

  /** The buggy agent: the e-mail is a side effect outside the journal. */
  public static WelcomeAgent buggy(Mailer mailer) {
    return new WelcomeAgent(mailer, false);
  }

  /** The fixed agent: the e-mail is sent inside a journaled step, so replays never send it again. */
  public static WelcomeAgent fixed(Mailer mailer) {
    return new WelcomeAgent(mailer, true);
  }

  @Override
  public String run(AgentContext ctx, String user) {
    String text = ctx.chat(ChatRequest.of("gpt-4o-mini", List.of(Message.user("Write a welcome note for " + user))))
        .text();
    if (journaled) {
      ctx.step("send-welcome", () -> {
        mailer.send(user, text);
        return "sent";
      });
    } else {
      mailer.send(user, text);   // the bug: not in a step
    }
    ctx.sleep(Duration.ofDays(1));
    return "welcomed " + user;
  }

  @Override
  public String name() {
    return "WelcomeAgent";
  }
}
