package dev.agenttrace.golden;

/** How strictly a trace must match its golden. */
public enum GoldenComparison {
  /** Every field of the canonical form must match (after redactions, matchers and ignored fields). */
  EXACT,
  /**
   * Only the shape: executions and their outcomes, span kinds, names and tree structure — for early-stage agents
   * whose prompts and texts still change every day.
   */
  STRUCTURAL
}
