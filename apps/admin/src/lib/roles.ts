/**
 * Role predicates the console's frame needs on every page. Kept apart from `labels.ts`, whose
 * division names bring the domain's validation schemas (and zod) along: the first page loads
 * without them.
 */
import type { AppRole } from '@shequ/domain';

export function isAdmin(role: AppRole): boolean {
  return role !== 'communityWorker' && role !== 'auditor';
}
