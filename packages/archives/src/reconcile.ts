/**
 * Reconciling the registers with the custody log: what the log says the registers should hold
 * (copies stamped per seal use, uses per seal, loans out, each item's status, each handover's
 * outcome), compared with what they hold; and the audit records of archive, seal and handover
 * changes, each of which is hashed into its log entry (`payload.audit`, `auditRecordDigest`).
 *
 * Interpretation: the log is the record both sides can check, so where the two disagree the
 * register is named as the one that differs; either may have been changed.
 */
import { hash } from 'node:crypto';
import { canonicalJson } from './canonical-json.js';
import type { CustodyLogEntry } from './custody-log.js';
import type { ArchiveStatus } from './labels.js';

/** An audit record as stored: what `auditRecordDigest` covers. */
export interface AuditRecordContent {
  at: string;
  actorId: string | null;
  actorName: string | null;
  action: string;
  entityType: string;
  entityId: string;
  jurisdictionCode: string | null;
  before: unknown;
  after: unknown;
  ip: string | null;
}

/**
 * SHA-256 (hex) of the canonical JSON of an audit record, as its custody-log entry carries it in
 * `payload.audit`. Values go through JSON first (dates become ISO strings, undefined members go),
 * as the database's jsonb keeps them, so the digest of the record written equals that of the row read.
 */
export function auditRecordDigest(record: AuditRecordContent): string {
  // Only the record's own members: a row read back also has its `id`, which the entry predates.
  const { at, actorId, actorName, action, entityType, entityId, jurisdictionCode, before, after, ip } =
    record;
  const own = { at, actorId, actorName, action, entityType, entityId, jurisdictionCode, before, after, ip };
  const content = JSON.parse(JSON.stringify(own)) as Record<string, unknown>;
  return hash('sha256', canonicalJson(content), 'hex');
}

/** What the registers hold for one community, as `reconcileRegisters` compares it. */
export interface CommunityRegisters {
  /** Seal-use requests with copies stamped. */
  stampedRequests: readonly { id: string; sealId: string; copiesStamped: number }[];
  /** Loans not returned. */
  openLoans: readonly string[];
  items: readonly { id: string; referenceCode: string; status: ArchiveStatus }[];
  handovers: readonly { id: string; state: string }[];
  /** Audit records of this community's custody actions (see `isCustodyAuditAction`). */
  auditRecords: readonly (AuditRecordContent & { id: number })[];
}

export type MismatchRegister =
  | 'copiesStamped'
  | 'sealUses'
  | 'loansOut'
  | 'itemStatus'
  | 'handover'
  | 'audit';

export interface RegisterMismatch {
  register: MismatchRegister;
  /** The request, seal, loan, item, handover or audit record concerned. */
  subject: string;
  message: string;
}

const statusAfter: Record<string, ArchiveStatus> = {
  'archive.file': 'shelved',
  'archive.lend': 'onLoan',
  'archive.return': 'shelved',
  'archive.transfer': 'transferred',
  'archive.destroy': 'destroyed',
};

const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/** Every disagreement between the log and the registers, in a stable order. */
export function reconcileRegisters(
  entries: readonly CustodyLogEntry[],
  registers: CommunityRegisters,
): RegisterMismatch[] {
  const mismatches: RegisterMismatch[] = [];
  const stamps = new Map<string, { seal: string; copies: number; seq: number }>();
  const lent = new Map<string, number>();
  const itemStatus = new Map<string, { status: ArchiveStatus; seq: number }>();
  const handoverState = new Map<string, { state: string; seq: number }>();
  const auditDigests = new Map<string, number>();

  for (const entry of entries) {
    const { payload, action, seq } = entry;
    const digest = text(payload.audit);
    if (digest) auditDigests.set(digest, seq);
    if (action === 'seal.use.stamp') {
      const request = text(payload.request);
      const seal = text(payload.seal);
      if (request && seal) stamps.set(request, { seal, copies: Number(payload.copies), seq });
    }
    const loan = text(payload.loan);
    if (action === 'archive.lend' && loan) lent.set(loan, seq);
    if (action === 'archive.return' && loan) lent.delete(loan);
    const item = text(payload.item);
    const status = statusAfter[action];
    if (item && status) itemStatus.set(item, { status, seq });
    const handover = text(payload.handover);
    if (handover && action === 'handover.open') handoverState.set(handover, { state: 'open', seq });
    if (handover && action === 'handover.confirm' && payload.role === 'supervisor') {
      handoverState.set(handover, { state: 'completed', seq });
    }
  }

  // 用印登记: copies per request, and uses per seal.
  const registered = new Map(registers.stampedRequests.map((r) => [r.id, r]));
  for (const [request, stamp] of stamps) {
    const row = registered.get(request);
    if (!row) {
      mismatches.push({
        register: 'copiesStamped',
        subject: request,
        message: `用印申请 ${request}：日志 seq ${stamp.seq} 登记用印 ${stamp.copies} 份，登记簿中没有用印记录`,
      });
    } else if (row.copiesStamped !== stamp.copies) {
      mismatches.push({
        register: 'copiesStamped',
        subject: request,
        message: `用印申请 ${request}：日志 seq ${stamp.seq} 登记用印 ${stamp.copies} 份，登记簿记为 ${row.copiesStamped} 份`,
      });
    }
  }
  for (const row of registers.stampedRequests) {
    if (!stamps.has(row.id)) {
      mismatches.push({
        register: 'copiesStamped',
        subject: row.id,
        message: `用印申请 ${row.id}：登记簿记为已用印 ${row.copiesStamped} 份，日志中没有用印登记`,
      });
    }
  }
  const usesInLog = countBy([...stamps.values()].map((s) => s.seal));
  const usesInRegister = countBy(registers.stampedRequests.map((r) => r.sealId));
  for (const seal of new Set([...usesInLog.keys(), ...usesInRegister.keys()])) {
    const logged = usesInLog.get(seal) ?? 0;
    const held = usesInRegister.get(seal) ?? 0;
    if (logged !== held) {
      mismatches.push({
        register: 'sealUses',
        subject: seal,
        message: `印章 ${seal}：日志记录用印 ${logged} 次，登记簿记为 ${held} 次`,
      });
    }
  }

  // Loans out.
  const open = new Set(registers.openLoans);
  for (const [loan, seq] of lent) {
    if (!open.has(loan))
      mismatches.push({
        register: 'loansOut',
        subject: loan,
        message: `借阅 ${loan}：日志 seq ${seq} 借出后未归还，登记簿记为已归还或没有这笔借阅`,
      });
  }
  for (const loan of open) {
    if (!lent.has(loan))
      mismatches.push({
        register: 'loansOut',
        subject: loan,
        message: `借阅 ${loan}：登记簿记为借出中，日志中没有借出或已记归还`,
      });
  }

  // Items and their status.
  const items = new Map(registers.items.map((row) => [row.id, row]));
  for (const [item, { status, seq }] of itemStatus) {
    const row = items.get(item);
    if (!row) {
      mismatches.push({
        register: 'itemStatus',
        subject: item,
        message: `档案 ${item}：日志（至 seq ${seq}）有记录，登记簿中没有这件档案`,
      });
    } else if (row.status !== status) {
      mismatches.push({
        register: 'itemStatus',
        subject: item,
        message: `档案 ${row.referenceCode}：按日志（seq ${seq}）应为 ${status}，登记簿记为 ${row.status}`,
      });
    }
  }
  for (const row of registers.items) {
    if (!itemStatus.has(row.id))
      mismatches.push({
        register: 'itemStatus',
        subject: row.id,
        message: `档案 ${row.referenceCode}：登记簿中有，日志中没有归档记录`,
      });
  }

  // Handover outcomes.
  const handovers = new Map(registers.handovers.map((row) => [row.id, row]));
  for (const [handover, { state, seq }] of handoverState) {
    const row = handovers.get(handover);
    if (!row || row.state !== state) {
      mismatches.push({
        register: 'handover',
        subject: handover,
        message: `离任移交 ${handover}：按日志（seq ${seq}）应为 ${state}，登记簿${row ? `记为 ${row.state}` : '中没有'}`,
      });
    }
  }
  for (const row of registers.handovers) {
    if (!handoverState.has(row.id))
      mismatches.push({
        register: 'handover',
        subject: row.id,
        message: `离任移交 ${row.id}：登记簿中有，日志中没有建立记录`,
      });
  }

  // Audit records hashed into the chain: each entry's record must still be there, unchanged, and
  // (from the first entry that carries one) no custody action may be audited without an entry.
  const firstHashedSeq = Math.min(...auditDigests.values());
  const firstHashedAt = entries.find((entry) => entry.seq === firstHashedSeq)?.at;
  const recorded = new Set<string>();
  for (const record of registers.auditRecords) {
    const digest = auditRecordDigest(record);
    recorded.add(digest);
    if (
      !auditDigests.has(digest) &&
      firstHashedAt !== undefined &&
      Date.parse(record.at) >= Date.parse(firstHashedAt)
    ) {
      mismatches.push({
        register: 'audit',
        subject: String(record.id),
        message: `审计记录 ${record.id}（${record.action}，${record.at}）与日志中任何条目都对不上：被改动或是后来添加的`,
      });
    }
  }
  for (const [digest, seq] of auditDigests) {
    if (!recorded.has(digest))
      mismatches.push({
        register: 'audit',
        subject: `seq ${seq}`,
        message: `日志 seq ${seq} 的审计记录已被改动或删除`,
      });
  }
  return mismatches;
}

function countBy(values: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return counts;
}
