/**
 * The order of the workbench's sections: those with something in them first, in their given order;
 * the empty ones folded into one line that only names them. A section whose list failed to load counts
 * as not empty, so its message is seen.
 */
export interface WorkbenchPart<T> {
  /** Has entries to show (or a message that its list could not be loaded). */
  filled: boolean;
  part: T;
}

export function arrangeParts<T>(parts: readonly WorkbenchPart<T>[]): { filled: T[]; empty: T[] } {
  return {
    filled: parts.filter((p) => p.filled).map((p) => p.part),
    empty: parts.filter((p) => !p.filled).map((p) => p.part),
  };
}
