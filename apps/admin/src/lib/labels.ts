/** The Chinese the console shows for the API's English names (docs/glossary.md). */
import { type JurisdictionLevel, levelNames } from '@shequ/domain/labels';
import type { SessionUser } from './trpc.js';

// Shared with the API's spreadsheet exports, so a screen and its Excel file say the same.
export { auditActionLabels, entityTypeLabels, roleLabels } from '@shequ/domain/labels';

export type Role = SessionUser['role'];

/** Roles in order of reach; an administrator may create accounts at or below their own rank. */
export const roleRank: Role[] = [
  'systemAdmin',
  'provinceAdmin',
  'cityAdmin',
  'districtAdmin',
  'streetAdmin',
  'communityWorker',
];

/** Roles the signed-in administrator may give: their own rank and below, and the read-only auditor. */
export function assignableRoles(role: Role): Role[] {
  const rank = roleRank.indexOf(role);
  if (rank < 0) return [];
  return [...roleRank.slice(rank), 'auditor'];
}

export function levelLabel(level: string): string {
  return levelNames[level as JurisdictionLevel] ?? level;
}

/** A select's options for a fixed list of API names, in that order, each shown by its Chinese label. */
export const labelledOptions = <K extends string>(keys: readonly K[], labels: Record<K, string>) =>
  keys.map((k) => ({ value: k, label: labels[k] }));

/**
 * A select's options for every entry of a label table, in its order (a tag's label where it is one); each
 * value keeps the table's key type, so a chosen value is the API's own.
 */
export function optionsOf<K extends string>(labels: Record<K, string | { label: string }>) {
  // Object.keys widens to string[]; the keys are the table's own.
  return (Object.keys(labels) as K[]).map((value) => {
    const label = labels[value];
    return { value, label: typeof label === 'string' ? label : label.label };
  });
}
