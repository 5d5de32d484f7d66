/**
 * A community's snapshot is built from its registers (docs/interfaces.md §5): each register kind
 * works out some snapshot fields as of a date, and those fields are laid over the facts typed in by
 * hand. This module is the one place that says how the two combine, so every register kind — people,
 * meetings, service cases — is merged the same way by the API, the CLI and the console.
 */
import type { CommunityFacts } from './snapshot.js';

/** Snapshot fields worked out from a register, and their dotted names. */
export interface DerivedFacts {
  facts: CommunityFacts;
  /** Dotted names of the fields that came from a register (`staff.fullTime`, `meetings`), sorted. */
  fields: string[];
}

const isGroup = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/** The dotted names of the fields present in `facts`: one per group member, one per list or value. */
export function derivedFieldNames(facts: CommunityFacts): string[] {
  const fields: string[] = [];
  for (const [key, value] of Object.entries(facts)) {
    if (value === undefined) continue;
    if (isGroup(value)) {
      for (const [inner, innerValue] of Object.entries(value))
        if (innerValue !== undefined) fields.push(`${key}.${inner}`);
    } else fields.push(key);
  }
  return fields.sort();
}

/** Facts worked out from registers, with their field names computed. */
export function derivedFacts(facts: CommunityFacts): DerivedFacts {
  return { facts, fields: derivedFieldNames(facts) };
}

/**
 * Typed facts with the derived ones laid over them, in order: within a group (`staff`, `committee`,
 * `complaints`…) a derived member replaces the typed one and the other members stay, because a
 * register may determine some members of a group and not others; a derived list (`meetings`,
 * `buildings`) or value replaces the typed one whole, because a register is the full record.
 */
export function layDerivedFacts(typed: CommunityFacts, derived: readonly DerivedFacts[]): DerivedFacts {
  const merged: Record<string, unknown> = { ...typed };
  const fields = new Set<string>();
  for (const layer of derived) {
    for (const [key, value] of Object.entries(layer.facts)) {
      if (value === undefined) continue;
      const current = merged[key];
      merged[key] = isGroup(value) && isGroup(current) ? { ...current, ...value } : value;
    }
    for (const field of layer.fields) fields.add(field);
  }
  return { facts: merged as CommunityFacts, fields: [...fields].sort() };
}
