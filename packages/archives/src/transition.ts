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
  /** For rules that are not in the regulations: where the rule comes from. */
  basis?: string;
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

export function refuse(reason: string, source: { citation: Citation } | { basis: string }): Refusal {
  return { ok: false, reason, ...source };
}

export function allow<T>(value: T): Transition<T> {
  return { ok: true, value };
}

/** Whether one ISO instant or date is strictly before another (both in the same form). */
export function isBefore(a: string, b: string): boolean {
  return Date.parse(a) < Date.parse(b);
}
