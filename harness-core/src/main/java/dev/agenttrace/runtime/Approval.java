package dev.agenttrace.runtime;

import java.time.Instant;
import java.util.Objects;

/**
 * A human decision that ends an {@link AgentContext#awaitApproval} wait, or the lack of one: an approval awaited with
 * a deadline that passes resolves as {@link #expired(Instant)} (not approved, approver {@value #NOBODY}).
 */
public record Approval(boolean approved, String approver, String comment) {
  /** The approver of an expired approval. */
  public static final String NOBODY = "nobody (expired)";

  public Approval {
    approver = Objects.requireNonNullElse(approver, "");
    comment = Objects.requireNonNullElse(comment, "");
  }

  public static Approval granted(String approver) {
    return new Approval(true, approver, "");
  }

  /** Granted by {@code approver} with a reason. */
  public static Approval granted(String approver, String reason) {
    return new Approval(true, approver, reason);
  }

  public static Approval rejected(String approver, String reason) {
    return new Approval(false, approver, reason);
  }

  /** Nobody decided before {@code deadline}. */
  public static Approval expired(Instant deadline) {
    return new Approval(false, NOBODY, "no decision before " + deadline);
  }

  /** True for an approval whose deadline passed without a decision. */
  public boolean isExpired() {
    return NOBODY.equals(approver);
  }
}
