/**
 * Archive items (档案) and their lifecycle: shelved → on loan → shelved, and from the shelf
 * transferred to an archive or destroyed after appraisal.
 *
 * 鄂州市城市社区工作规则（试行）第三十九条 sets the four media, the five content groups and a named
 * custodian (「指定专人保管，严格按规定管理使用」). Read as: the named custodian is the only one
 * who lends, receives back, transfers or hands over an item; the rules for transfer and
 * destruction are not in the regulations and are the project's own (本系统规则, `project-rules.ts`),
 * marked with `basis`.
 */
import { communityCode, isoDate } from '@shequ/domain';
import { z } from 'zod';
import { custodyRuleSource } from './jurisdiction-citations.js';
import {
  archiveContentGroups,
  archiveMedia,
  archiveStatuses,
  archiveStatusLabels,
  classificationLevels,
} from './labels.js';
import { projectRuleBasis, projectRules } from './project-rules.js';
import {
  parseReferenceCode,
  type RetentionPeriod,
  referenceCode,
  retentionExpiry,
  retentionLabels,
  retentionPeriods,
} from './reference-code.js';
import { allow, isBefore, refuse, type Transition } from './transition.js';

// The values and their labels live in `labels.ts` (zod-free, for the console); re-exported here.
export {
  type ArchiveStatus,
  archiveContentGroupLabels,
  archiveContentGroupShortLabels,
  archiveContentGroups,
  archiveMedia,
  archiveMediumLabels,
  archiveStatuses,
  archiveStatusLabels,
  classificationLabels,
  classificationLevels,
  contentGroupLabel,
} from './labels.js';

const TRANSFER_RULE = projectRuleBasis(projectRules.archiveTransfer);
const DESTROY_RULE = projectRuleBasis(projectRules.archiveDestruction);
/**
 * 鉴定 decides either way: an item that still has value is kept longer (延长保管期限), as archival
 * appraisal does (DA/T 22 context, packages/archives/README.md); the regulations say nothing of it.
 */
const RETAIN_RULE = projectRuleBasis(projectRules.archiveRetention);
const CLOSED_RULE = projectRuleBasis(projectRules.archiveClosed);
const HANDOVER_HOLD_RULE = projectRuleBasis(projectRules.noDestructionDuringHandover);

/** Shortest first: an extension moves an item to a later entry, never back. */
const retentionOrder: readonly RetentionPeriod[] = ['years10', 'years30', 'permanent'];

/** The periods an item kept `current` may be extended to (10 年 → 30 年或永久; 30 年 → 永久). */
export function longerRetentions(current: RetentionPeriod): RetentionPeriod[] {
  return retentionOrder.slice(retentionOrder.indexOf(current) + 1);
}

/**
 * Why an item kept `current` cannot be kept `next` after appraisal, naming the field, or null. An
 * equal or shorter period would not extend anything: shortening is a destruction decision in
 * disguise, which needs its own appraisal.
 */
export function retentionExtensionProblem(current: RetentionPeriod, next: RetentionPeriod): string | null {
  return longerRetentions(current).includes(next)
    ? null
    : `保管期限：延长后的保管期限（${retentionLabels[next]}）须长于现保管期限（${retentionLabels[current]}）`;
}

/** The list is 「主要包括」, not closed: a community adds its own groups as `custom:<name>`. */
export const archiveContentGroup = z.union([
  z.enum(archiveContentGroups),
  z.string().regex(/^custom:\S.*$/, { error: '内容类别应为五类之一，或以 custom: 开头的自定义类别' }),
]);

const personId = (field: string) =>
  z
    .string()
    .trim()
    .min(1, { error: `${field}不能为空` });

export const archiveLoan = z.strictObject({
  borrower: personId('借阅人'),
  lentOn: isoDate,
  dueOn: isoDate,
});
export type ArchiveLoan = z.infer<typeof archiveLoan>;

export const archiveItem = z
  .strictObject({
    id: z.string().min(1),
    community: communityCode,
    referenceCode,
    /** 文号 */
    documentNumber: z.string().min(1).optional(),
    /** 责任者 */
    issuer: z.string().min(1, { error: '责任者不能为空' }),
    /** 题名 */
    title: z.string().min(1, { error: '题名不能为空' }),
    date: isoDate,
    classification: z.enum(classificationLevels).default('none'),
    pages: z.int().min(1, { error: '页数应为正整数' }).optional(),
    notes: z.string().optional(),
    medium: z.enum(archiveMedia),
    contentGroup: archiveContentGroup,
    retention: z.enum(retentionPeriods),
    custodian: personId('保管人'),
    location: z
      .strictObject({
        room: z.string().min(1),
        cabinet: z.string().min(1).optional(),
        shelf: z.string().min(1).optional(),
      })
      .optional(),
    status: z.enum(archiveStatuses).default('shelved'),
    loan: archiveLoan.optional(),
  })
  .superRefine((item, context) => {
    const code = parseReferenceCode(item.referenceCode);
    if (code.ok) {
      // The code carries the retention the item was filed with. An appraisal may extend it later
      // (鉴定延长保管期限) without renumbering: the 档号 is the item's name in the custody log, the
      // handover lists and on the 归档章, so it stays and the longer retention is what counts.
      if (
        code.parts.retention !== item.retention &&
        retentionExtensionProblem(code.parts.retention, item.retention)
      ) {
        context.addIssue({
          code: 'custom',
          path: ['referenceCode'],
          message: '档号中的保管期限代码与 retention 不一致',
        });
      }
      if (String(code.parts.year) !== item.date.slice(0, 4)) {
        context.addIssue({
          code: 'custom',
          path: ['referenceCode'],
          message: '档号中的年度与文件日期的年份不一致',
        });
      }
    }
    if (item.medium !== 'electronic' && !item.location) {
      context.addIssue({
        code: 'custom',
        path: ['location'],
        message: '纸质、音像档案和实物须登记存放位置（鄂州 第三十九条：分类整理存放）',
      });
    }
    if ((item.status === 'onLoan') !== (item.loan !== undefined)) {
      context.addIssue({
        code: 'custom',
        path: ['loan'],
        message: '借出状态的档案须有借阅记录，其他状态不得有',
      });
    }
  });
export type ArchiveItem = z.infer<typeof archiveItem>;

/**
 * Why an item dated `date` cannot be filed on `filedOn` (both ISO dates in China), or null. A document
 * exists before it is filed, so its date is never after the filing day; a later date would also put
 * the item in a future year's series (档号) and push its retention expiry out.
 */
export function documentDateProblem(date: string, filedOn: string): string | null {
  return isBefore(filedOn, date) ? `文件日期 ${date} 晚于归档之日 ${filedOn}：日期不能晚于今天` : null;
}

export type ArchiveEvent =
  | { type: 'lend'; by: string; borrower: string; on: string; dueOn: string }
  | { type: 'return'; by: string; on: string }
  | { type: 'transfer'; by: string; on: string; to: string; approvedBy: string }
  | {
      type: 'destroy';
      by: string;
      on: string;
      appraisal: { decisionId: string; decidedOn: string; approvedBy: readonly string[] };
    }
  | {
      /** 鉴定 decided to keep the item longer: it stays where it is, under the new `retention`. */
      type: 'retain';
      by: string;
      on: string;
      retention: RetentionPeriod;
      appraisal: { decisionId: string; decidedOn: string; approvedBy: readonly string[] };
    }
  | {
      type: 'changeCustodian';
      by: string;
      on: string;
      to: string;
      departure: boolean;
      supervisedBy?: string;
    };

/** The item after `event`, or why the event is refused. */
export function applyArchiveEvent(item: ArchiveItem, event: ArchiveEvent): Transition<ArchiveItem> {
  if (item.status === 'destroyed' || item.status === 'transferred') {
    return refuse(
      `档案 ${item.referenceCode} ${archiveStatusLabels[item.status]}，不能再办理任何手续`,
      custodyRuleSource(item.community, 'archives'),
    );
  }
  const custodianOnly = (what: string) =>
    event.by === item.custodian
      ? undefined
      : // The reason is read by people: it names the role, never the custodian's account id.
        refuse(
          `${what}须由该档案的保管人办理（鄂州 第三十九条：指定专人保管）`,
          custodyRuleSource(item.community, 'archives'),
        );

  switch (event.type) {
    case 'lend': {
      if (item.status === 'onLoan') {
        return refuse(
          `档案 ${item.referenceCode} 已借给 ${item.loan?.borrower}，归还后才能再借`,
          custodyRuleSource(item.community, 'archives'),
        );
      }
      const notCustodian = custodianOnly('借出');
      if (notCustodian) return notCustodian;
      if (!isBefore(event.on, event.dueOn)) {
        return refuse(
          '应还日期须晚于借出日期（严格按规定管理使用）',
          custodyRuleSource(item.community, 'archives'),
        );
      }
      const loan = archiveLoan.parse({ borrower: event.borrower, lentOn: event.on, dueOn: event.dueOn });
      return allow({ ...item, status: 'onLoan', loan });
    }
    case 'return': {
      if (item.status !== 'onLoan')
        return refuse(
          `档案 ${item.referenceCode} 在库，没有待归还的借阅`,
          custodyRuleSource(item.community, 'archives'),
        );
      const notCustodian = custodianOnly('归还');
      if (notCustodian) return notCustodian;
      const { loan: _returned, ...rest } = item;
      return allow({ ...rest, status: 'shelved' });
    }
    case 'transfer': {
      if (item.status === 'onLoan') return refuse('借出中的档案须先归还才能移交', { basis: TRANSFER_RULE });
      const notCustodian = custodianOnly('移交');
      if (notCustodian) return notCustodian;
      if (!event.approvedBy || event.approvedBy === event.by) {
        return refuse('档案移交须经保管人以外的负责人批准', { basis: TRANSFER_RULE });
      }
      return allow({ ...item, status: 'transferred' });
    }
    case 'destroy': {
      if (item.status === 'onLoan') return refuse('借出中的档案须先归还才能销毁', { basis: DESTROY_RULE });
      const expiry = retentionExpiry(Number(item.date.slice(0, 4)), item.retention);
      if (expiry === null) return refuse('永久保管的档案不得销毁', { basis: DESTROY_RULE });
      if (isBefore(event.on, expiry)) {
        return refuse(`保管期限未满：${expiry} 起才可鉴定销毁`, { basis: DESTROY_RULE });
      }
      const notCustodian = custodianOnly('销毁');
      if (notCustodian) return notCustodian;
      const others = event.appraisal.approvedBy.filter((person) => person !== item.custodian);
      if (!event.appraisal.decisionId || others.length === 0) {
        return refuse('销毁须有鉴定结论，并经保管人以外的人批准', { basis: DESTROY_RULE });
      }
      if (isBefore(event.on, event.appraisal.decidedOn)) {
        return refuse('销毁日期不能早于鉴定结论的日期', { basis: DESTROY_RULE });
      }
      return allow({ ...item, status: 'destroyed' });
    }
    case 'retain': {
      // Appraisal is due only once the retention has run out, whichever way it decides.
      const expiry = retentionExpiry(Number(item.date.slice(0, 4)), item.retention);
      if (expiry === null) return refuse('永久保管的档案无需鉴定延长保管期限', { basis: RETAIN_RULE });
      if (isBefore(event.on, expiry)) {
        return refuse(`保管期限未满：${expiry} 起才可鉴定`, { basis: RETAIN_RULE });
      }
      const tooShort = retentionExtensionProblem(item.retention, event.retention);
      if (tooShort) return refuse(tooShort, { basis: RETAIN_RULE, field: 'retention' });
      // The same approval as a destruction decision: someone besides the custodian signs it.
      const others = event.appraisal.approvedBy.filter((person) => person !== item.custodian);
      if (!event.appraisal.decisionId || others.length === 0) {
        return refuse('鉴定结论须有文号，并经保管人以外的人批准', { basis: RETAIN_RULE });
      }
      // Keeping longer does not move the item: an item on loan stays on loan, a shelved one shelved.
      return allow({ ...item, retention: event.retention });
    }
    case 'changeCustodian': {
      const notCustodian = custodianOnly('保管交接');
      if (notCustodian) return notCustodian;
      if (event.to === item.custodian)
        return refuse('接收人与原保管人相同', custodyRuleSource(item.community, 'archives'));
      if (event.departure && (!event.supervisedBy || [event.by, event.to].includes(event.supervisedBy))) {
        return refuse(
          '离任移交档案须在镇纪委、党政办监督下进行，监督人不能是交接双方（金山镇 第十八条）',
          custodyRuleSource(item.community, 'handover'),
        );
      }
      return allow({ ...item, custodian: event.to });
    }
  }
}

/**
 * 修改目录信息 (题名、责任者、存放位置…): the item as it is, or why its catalogue record is closed. A
 * destroyed or transferred item's record is what remains of it and is kept as it was.
 */
export function editableArchiveItem(item: ArchiveItem): Transition<ArchiveItem> {
  if (item.status === 'destroyed' || item.status === 'transferred') {
    return refuse(`档案 ${item.referenceCode} ${archiveStatusLabels[item.status]}，不能再修改`, {
      basis: CLOSED_RULE,
    });
  }
  return allow(item);
}

/** 上传附件: refused only for a destroyed item (a transferred item's copy may still be completed). */
export function attachableArchiveItem(item: ArchiveItem): Transition<ArchiveItem> {
  if (item.status === 'destroyed') {
    return refuse(`档案 ${item.referenceCode} 已销毁，不能再添加附件`, { basis: CLOSED_RULE });
  }
  return allow(item);
}

/**
 * 销毁 while the item is on a handover list still open: refused. The item is being checked against the
 * list by three people; the successor, its next custodian, carries out the destruction afterwards.
 */
export function destructionDuringHandover(
  item: ArchiveItem,
  onOpenHandoverList: boolean,
): Transition<ArchiveItem> {
  if (!onOpenHandoverList) return allow(item);
  return refuse(`档案 ${item.referenceCode} 在未完成的离任移交清单上：移交完成后再由接任的保管人销毁`, {
    basis: HANDOVER_HOLD_RULE,
  });
}

/** Loans past their due date on `today`, oldest due first. */
export function overdueLoans<T extends { loan?: ArchiveLoan | undefined }>(
  items: readonly T[],
  today: string,
): T[] {
  return items
    .filter((item) => item.loan !== undefined && isBefore(item.loan.dueOn, today))
    .sort((a, b) => (a.loan?.dueOn ?? '').localeCompare(b.loan?.dueOn ?? ''));
}
