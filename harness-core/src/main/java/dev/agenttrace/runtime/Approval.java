package dev.agenttrace.runtime;

import java.util.Objects;

/** A human decision that ends an {@link AgentContext#awaitApproval} wait. */
public record Approval(boolean approved, String approver, String comment) {
  public Approval {
    approver = Objects.requireNonNullElse(approver, "");
    comment = Objects.requireNonNullElse(comment, "");
  }

  public static Approval granted(String approver) {
    return new Approval(true, approver, "");
  }

  public static Approval rejected(String approver, String reason) {
    return new Approval(false, approver, reason);
  }
}
