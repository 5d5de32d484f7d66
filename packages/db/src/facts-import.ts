/**
 * Writing community facts that arrive in bulk (a spreadsheet, another city's system). All or nothing:
 * every community must exist and lie in the importer's scope, or nothing is written; the changes and
 * their audit records commit together.
 */
import type { CommunityFacts, CommunitySnapshot } from '@shequ/domain';
import { eq, inArray } from 'drizzle-orm';
import { type AuditedActor, auditRow } from './audit.js';
import type { Database } from './client.js';
import { sameJson } from './same-json.js';
import { auditLog, communities } from './schema.js';

export interface FactsImportProblem {
  /** Index of the snapshot in the input. */
  index: number;
  code: string;
  message: string;
}

export interface FactsImportOptions extends AuditedActor {
  /** Codes the importer may change start with this prefix; '' for the whole country. */
  scopePrefix: string;
  /** Check everything, write nothing. */
  dryRun?: boolean;
}

export type FactsImportResult =
  /** `unchanged`: communities whose stored facts and date already say what the file says (not rewritten). */
  | { ok: true; updated: number; unchanged: number; dryRun: boolean }
  | { ok: false; problems: FactsImportProblem[] };

type FactsObject = Record<string, unknown>;

/**
 * An imported value replaces the stored one field by field: nested groups (`facility`, `staff`…) merge,
 * lists and single values replace, and facts the file does not mention are kept — a spreadsheet
 * template has no columns for resident groups or meetings, and importing it must not erase them.
 */
export function mergeFacts(stored: FactsObject, imported: FactsObject): FactsObject {
  const merged: FactsObject = { ...stored };
  for (const [key, value] of Object.entries(imported)) {
    if (value === undefined) continue;
    const before = merged[key];
    merged[key] = isPlainObject(value) && isPlainObject(before) ? mergeFacts(before, value) : value;
  }
  return merged;
}

export async function importCommunityFacts(
  db: Database,
  snapshots: readonly CommunitySnapshot[],
  options: FactsImportOptions,
): Promise<FactsImportResult> {
  const problems: FactsImportProblem[] = [];
  const firstIndex = new Map<string, number>();
  snapshots.forEach((snapshot, index) => {
    if (!snapshot.code.startsWith(options.scopePrefix)) {
      problems.push({ index, code: snapshot.code, message: '该社区不在您的管辖范围内' });
    }
    const earlier = firstIndex.get(snapshot.code);
    if (earlier !== undefined) {
      problems.push({
        index,
        code: snapshot.code,
        message: `与第 ${earlier + 1} 条重复：同一社区只能出现一次`,
      });
    } else firstIndex.set(snapshot.code, index);
  });
  if (problems.length > 0) return { ok: false, problems };

  return db.transaction(async (tx) => {
    const stored = new Map<string, { facts: FactsObject; asOf: string; version: number }>();
    const codes = [...firstIndex.keys()];
    for (let i = 0; i < codes.length; i += 1000) {
      const rows = await tx
        .select({
          code: communities.code,
          facts: communities.facts,
          asOf: communities.asOf,
          version: communities.version,
        })
        .from(communities)
        .where(inArray(communities.code, codes.slice(i, i + 1000)))
        .for('update');
      for (const row of rows)
        stored.set(row.code, { facts: row.facts, asOf: row.asOf, version: row.version });
    }
    snapshots.forEach((snapshot, index) => {
      if (!stored.has(snapshot.code))
        problems.push({ index, code: snapshot.code, message: '没有这个社区（请先导入行政区划）' });
    });
    if (problems.length > 0) return { ok: false as const, problems };

    const changes = snapshots.flatMap((snapshot) => {
      const before = stored.get(snapshot.code);
      if (!before) return [];
      const { format: _format, code, name: _name, asOf, ...imported } = snapshot;
      const facts = mergeFacts(before.facts, imported) as CommunityFacts;
      // A row that says what is stored is neither rewritten nor audited: a new version would record no change.
      if (asOf === before.asOf && sameJson(facts, before.facts)) return [];
      return [{ code, asOf, facts, before }];
    });
    const unchanged = snapshots.length - changes.length;
    if (options.dryRun) return { ok: true as const, updated: changes.length, unchanged, dryRun: true };

    const audits: (typeof auditLog.$inferInsert)[] = [];
    for (const { code, asOf, facts, before } of changes) {
      await tx
        .update(communities)
        .set({
          facts,
          asOf,
          households: facts.households ?? null,
          residents: facts.residents ?? null,
          version: before.version + 1,
          updatedAt: options.at,
          updatedBy: options.actor?.id ?? null,
        })
        .where(eq(communities.code, code));
      audits.push(
        auditRow({
          at: options.at,
          actor: options.actor,
          action: 'community.importFacts',
          entityType: 'community',
          entityId: code,
          jurisdictionCode: code,
          before: { asOf: before.asOf, facts: before.facts, version: before.version },
          after: { asOf, facts, version: before.version + 1 },
          ip: options.ip,
        }),
      );
    }
    for (let i = 0; i < audits.length; i += 500) await tx.insert(auditLog).values(audits.slice(i, i + 500));
    return { ok: true as const, updated: changes.length, unchanged, dryRun: false };
  });
}

function isPlainObject(value: unknown): value is FactsObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
