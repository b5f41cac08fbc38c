package dev.agenttrace.runtime;

import java.util.Locale;

/** The kinds of durable operation an agent performs through {@link AgentContext}; each is journaled. */
public enum OperationKind {
  CHAT,
  TOOLS,
  STEP,
  TIMER,
  EVENT,
  APPROVAL,
  /** A child agent's execution ({@link AgentContext#callAgent}). */
  CHILD,
  NOW,
  UUID;

  public String wireValue() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Whether this operation ends the segment until something outside the agent satisfies it. */
  public boolean isWait() {
    return this == TOOLS || this == TIMER || this == EVENT || this == APPROVAL || this == CHILD;
  }
}
