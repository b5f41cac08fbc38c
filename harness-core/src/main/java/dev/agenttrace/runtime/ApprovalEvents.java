package dev.agenttrace.runtime;

import static dev.agenttrace.trace.SpanConventions.APPROVAL_APPROVED;
import static dev.agenttrace.trace.SpanConventions.APPROVAL_APPROVER;
import static dev.agenttrace.trace.SpanConventions.APPROVAL_COMMENT;
import static dev.agenttrace.trace.SpanConventions.EVENT_APPROVAL;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;

/**
 * Records a human decision (or an expired approval) on the segment it resumes: the {@code agenttrace.approval} event
 * with approved, approver and comment, so that "approved by whom, and why" can be asserted from the trace.
 */
final class ApprovalEvents {
  private ApprovalEvents() {}

  static void record(Span segment, Approval decision) {
    segment.addEvent(EVENT_APPROVAL, Attributes.of(APPROVAL_APPROVED, decision.approved(),
        APPROVAL_APPROVER, decision.approver(), APPROVAL_COMMENT, decision.comment()));
  }
}
