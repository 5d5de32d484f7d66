/**
 * The outcome of asking a state machine for a transition. A refusal is a value with a Chinese
 * reason and the rule it applies, never a silent no-op; `orThrow` turns it into an error for
 * callers that cannot go on.
 */
import type { Citation } from './citations.js';

export interface Refusal {
  ok: false;
  /** One sentence in Chinese, naming the rule when there is one. */
  reason: string;
  /** The article applied; absent when the rule is the project's own (see `basis`). */
  citation?: Citation;
  /** For rules the regulations do not state: where the rule comes from. */
  basis?: string;
  /**
   * The input field the refusal is about (`reason`, `approverIds.0`, …), when one field is to blame;
   * the API reports it as that field's problem (400) instead of a conflict with the record's state.
   */
  field?: string;
}

export type Transition<T> = { ok: true; value: T } | Refusal;

export class TransitionRefused extends Error {
  constructor(readonly refusal: Refusal) {
    super(refusal.reason);
    this.name = 'TransitionRefused';
  }
}

export function orThrow<T>(outcome: Transition<T>): T {
  if (!outcome.ok) throw new TransitionRefused(outcome);
  return outcome.value;
}

export type RefusalSource = ({ citation: Citation } | { basis: string }) & { field?: string };

export function refuse(reason: string, source: RefusalSource): Refusal {
  return { ok: false, reason, ...source };
}

/**
 * A reason someone must give (变更理由, 停用理由, 不同意的理由), trimmed; a blank one is refused on the
 * `reason` field, so every caller asks for it the same way and only here.
 */
export function givenReason(reason: string, missing: string, source: RefusalSource): Transition<string> {
  const trimmed = reason.trim();
  return trimmed ? allow(trimmed) : refuse(missing, { ...source, field: 'reason' });
}

export function allow<T>(value: T): Transition<T> {
  return { ok: true, value };
}

/** Whether one ISO instant or date is strictly before another (both in the same form). */
export function isBefore(a: string, b: string): boolean {
  return Date.parse(a) < Date.parse(b);
}
