import { describe, expect, it } from 'vitest';
import {
  type ArchiveItem,
  applyArchiveEvent,
  archiveItem,
  attachableArchiveItem,
  destructionDuringHandover,
  documentDateProblem,
  editableArchiveItem,
  longerRetentions,
  overdueLoans,
} from './archive.js';
import { orThrow, TransitionRefused } from './transition.js';

const item = archiveItem.parse({
  id: 'a-1',
  community: '370305111007',
  referenceCode: 'X007-WS·2014-D10-JWH-0003',
  issuer: '象山社区居民委员会',
  title: '2014年居民代表会议记录',
  date: '2014-06-18',
  pages: 12,
  medium: 'paper',
  contentGroup: 'information',
  retention: 'years10',
  custodian: 'w-li',
  location: { room: '档案室', cabinet: '2', shelf: '3' },
});

const lent = orThrow(
  applyArchiveEvent(item, {
    type: 'lend',
    by: 'w-li',
    borrower: 'w-wang',
    on: '2024-03-02',
    dueOn: '2024-03-09',
  }),
);

describe('archive items', () => {
  it('refuses an item whose reference code disagrees with its retention or year, naming the field', () => {
    // Filed for 30 years (D30) but claiming 10: no appraisal ever shortens a retention.
    const result = archiveItem.safeParse({ ...item, referenceCode: 'X007-WS·2014-D30-JWH-0003' });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['referenceCode']);
    expect(result.error?.issues[0]?.message).toContain('保管期限');
  });

  it('accepts a retention longer than the code’s: an appraisal extended it and the 档号 stays', () => {
    expect(archiveItem.safeParse({ ...item, retention: 'permanent' }).success).toBe(true);
    expect(archiveItem.safeParse({ ...item, retention: 'years30' }).success).toBe(true);
  });

  it('requires a storage place for paper items (鄂州 第三十九条: 分类整理存放) but not for electronic ones', () => {
    const { location: _none, ...withoutPlace } = item;
    expect(archiveItem.safeParse(withoutPlace).error?.issues[0]?.path).toEqual(['location']);
    expect(archiveItem.safeParse({ ...withoutPlace, medium: 'electronic' }).success).toBe(true);
  });

  it('refuses a document dated after the day it is filed, and accepts one dated that day or before', () => {
    expect(documentDateProblem('2027-12-01', '2026-11-27')).toBe(
      '文件日期 2027-12-01 晚于归档之日 2026-11-27：日期不能晚于今天',
    );
    expect(documentDateProblem('2026-11-28', '2026-11-27')).not.toBeNull();
    expect(documentDateProblem('2026-11-27', '2026-11-27')).toBeNull();
    expect(documentDateProblem('2014-06-18', '2026-11-27')).toBeNull();
  });

  it('accepts the five content groups and custom ones, nothing else', () => {
    expect(archiveItem.safeParse({ ...item, contentGroup: 'custom:党建资料' }).success).toBe(true);
    expect(archiveItem.safeParse({ ...item, contentGroup: 'misc' }).success).toBe(false);
  });
});

describe('lending', () => {
  it('lends a shelved item and takes it back', () => {
    expect(lent).toMatchObject({ status: 'onLoan', loan: { borrower: 'w-wang', dueOn: '2024-03-09' } });
    const back = orThrow(applyArchiveEvent(lent, { type: 'return', by: 'w-li', on: '2024-03-05' }));
    expect(back.status).toBe('shelved');
    expect(back.loan).toBeUndefined();
  });

  it('refuses to lend an item already on loan', () => {
    const again = applyArchiveEvent(lent, {
      type: 'lend',
      by: 'w-li',
      borrower: 'w-zhao',
      on: '2024-03-03',
      dueOn: '2024-03-10',
    });
    expect(again).toMatchObject({ ok: false, basis: '本系统规则 R-ARC-0' });
    if (!again.ok) expect(again.reason).toContain('已借给 w-wang');
  });

  it('refuses a loan by someone other than the named custodian, citing 第三十九条 in 鄂州', () => {
    const outcome = applyArchiveEvent(
      { ...item, community: '420704001001' },
      {
        type: 'lend',
        by: 'w-zhao',
        borrower: 'w-wang',
        on: '2024-03-02',
        dueOn: '2024-03-09',
      },
    );
    expect(outcome).toMatchObject({
      ok: false,
      citation: { document: '鄂州市城市社区工作规则（试行）', article: '第三十九条' },
    });
    if (!outcome.ok) {
      expect(outcome.reason).toBe('借出须由该档案的保管人办理（鄂州 第三十九条：指定专人保管）');
      // The reason is shown to people as it is: never the custodian's account id.
      expect(outcome.reason).not.toContain('w-li');
    }
    expect(() => orThrow(outcome)).toThrow(TransitionRefused);
  });

  it('lists loans past their due date, oldest first', () => {
    const other = {
      ...lent,
      id: 'a-2',
      loan: { borrower: 'w-zhao', lentOn: '2024-02-01', dueOn: '2024-02-08' },
    };
    expect(overdueLoans([item, lent, other], '2024-03-10').map((entry) => entry.id)).toEqual(['a-2', 'a-1']);
    expect(overdueLoans([lent], '2024-03-09')).toEqual([]);
  });
});

describe('transfer and destruction', () => {
  it('transfers a shelved item with another person’s approval, and then refuses anything more', () => {
    const transferred = orThrow(
      applyArchiveEvent(item, {
        type: 'transfer',
        by: 'w-li',
        on: '2024-05-01',
        to: '临淄区档案馆',
        approvedBy: 'w-sun',
      }),
    );
    expect(transferred.status).toBe('transferred');
    expect(applyArchiveEvent(transferred, { type: 'return', by: 'w-li', on: '2024-05-02' }).ok).toBe(false);
  });

  it('refuses a self-approved transfer and a transfer of an item on loan', () => {
    expect(
      applyArchiveEvent(item, {
        type: 'transfer',
        by: 'w-li',
        on: '2024-05-01',
        to: '档案馆',
        approvedBy: 'w-li',
      }).ok,
    ).toBe(false);
    expect(
      applyArchiveEvent(lent, {
        type: 'transfer',
        by: 'w-li',
        on: '2024-05-01',
        to: '档案馆',
        approvedBy: 'w-sun',
      }),
    ).toMatchObject({
      ok: false,
      reason: '借出中的档案须先归还才能移交',
    });
  });

  const appraisal = { decisionId: 'JD-2025-01', decidedOn: '2025-01-10', approvedBy: ['w-sun', 'w-zhou'] };
  it('destroys an item only once its retention has run out (2014 + 10 years → 2025-01-01)', () => {
    expect(
      applyArchiveEvent(item, { type: 'destroy', by: 'w-li', on: '2024-12-31', appraisal }),
    ).toMatchObject({
      ok: false,
      reason: '保管期限未满：2025-01-01 起才可鉴定销毁',
    });
    expect(
      orThrow(applyArchiveEvent(item, { type: 'destroy', by: 'w-li', on: '2025-01-15', appraisal })).status,
    ).toBe('destroyed');
  });

  it('never destroys a permanent item, and needs an appraisal approved by someone besides the custodian', () => {
    const permanent = archiveItem.parse({
      ...item,
      referenceCode: 'X007-WS·2014-Y-JWH-0001',
      retention: 'permanent',
    });
    expect(
      applyArchiveEvent(permanent, { type: 'destroy', by: 'w-li', on: '2090-01-01', appraisal }),
    ).toMatchObject({
      ok: false,
      reason: '永久保管的档案不得销毁',
    });
    const selfApproved = { ...appraisal, approvedBy: ['w-li'] };
    expect(
      applyArchiveEvent(item, { type: 'destroy', by: 'w-li', on: '2025-01-15', appraisal: selfApproved }).ok,
    ).toBe(false);
  });
});

describe('custody handover of an item', () => {
  it('needs a supervisor other than the two parties when the custodian leaves (金山镇 第十八条)', () => {
    const unsupervised = applyArchiveEvent(item, {
      type: 'changeCustodian',
      by: 'w-li',
      on: '2024-06-01',
      to: 'w-chen',
      departure: true,
    });
    expect(unsupervised).toMatchObject({
      ok: false,
      citation: { document: '金山镇城市社区工作管理办法（试行）', article: '第十八条' },
    });
    const selfSupervised = applyArchiveEvent(item, {
      type: 'changeCustodian',
      by: 'w-li',
      on: '2024-06-01',
      to: 'w-chen',
      departure: true,
      supervisedBy: 'w-chen',
    });
    expect(selfSupervised.ok).toBe(false);
    const handed: ArchiveItem = orThrow(
      applyArchiveEvent(item, {
        type: 'changeCustodian',
        by: 'w-li',
        on: '2024-06-01',
        to: 'w-chen',
        departure: true,
        supervisedBy: 't-jiwei',
      }),
    );
    expect(handed.custodian).toBe('w-chen');
  });
});

describe('appraisal that keeps an item longer (延长保管期限)', () => {
  const appraisal = { decisionId: 'JD-2025-02', decidedOn: '2025-01-10', approvedBy: ['w-sun'] };

  it('an appraisal may keep an expired item longer: new retention, same place, same approval rule', () => {
    const event = { type: 'retain', by: 'w-zhou', on: '2025-01-15', appraisal } as const;
    const kept = orThrow(applyArchiveEvent(item, { ...event, retention: 'years30' }));
    expect(kept).toMatchObject({ retention: 'years30', status: 'shelved', custodian: 'w-li' });
    // The item is still valid under its old 档号, and the package's expiry now runs to 2045.
    expect(archiveItem.safeParse(kept).success).toBe(true);
    expect(orThrow(applyArchiveEvent(lent, { ...event, retention: 'permanent' }))).toMatchObject({
      retention: 'permanent',
      status: 'onLoan',
    });
  });

  it('refuses to keep an item for the same or a shorter period, naming 保管期限', () => {
    const event = { type: 'retain', by: 'w-li', on: '2025-01-15', appraisal } as const;
    expect(applyArchiveEvent(item, { ...event, retention: 'years10' })).toMatchObject({
      ok: false,
      reason: '保管期限：延长后的保管期限（定期10年）须长于现保管期限（定期10年）',
      basis: '本系统规则 R-ARC-3',
      field: 'retention',
    });
    const thirty = archiveItem.parse({
      ...item,
      referenceCode: 'X007-WS·2014-D30-JWH-0003',
      retention: 'years30',
    });
    expect(applyArchiveEvent(thirty, { ...event, on: '2045-02-01', retention: 'years10' }).ok).toBe(false);
    expect(longerRetentions('years10')).toEqual(['years30', 'permanent']);
    expect(longerRetentions('years30')).toEqual(['permanent']);
    expect(longerRetentions('permanent')).toEqual([]);
  });

  it('keeps longer only after expiry, with an approver besides the custodian', () => {
    const event = { type: 'retain', by: 'w-li', retention: 'years30', appraisal } as const;
    expect(applyArchiveEvent(item, { ...event, on: '2024-12-31' })).toMatchObject({
      ok: false,
      reason: '保管期限未满：2025-01-01 起才可鉴定',
    });
    const selfApproved = { ...appraisal, approvedBy: ['w-li'] };
    expect(applyArchiveEvent(item, { ...event, on: '2025-01-15', appraisal: selfApproved }).ok).toBe(false);
    const destroyed = orThrow(
      applyArchiveEvent(item, { type: 'destroy', by: 'w-li', on: '2025-01-15', appraisal }),
    );
    expect(applyArchiveEvent(destroyed, { ...event, on: '2025-01-16' }).ok).toBe(false);
  });
});

describe('closed records and the handover hold', () => {
  const withStatus = (status: ArchiveItem['status']): ArchiveItem => ({ ...item, status });

  it.each([
    ['shelved', true, true],
    ['onLoan', true, true],
    ['transferred', false, true],
    ['destroyed', false, false],
  ] as const)(
    'an item %s: catalogue editable %s, attachments accepted %s',
    (status, editable, attachable) => {
      expect(editableArchiveItem(withStatus(status)).ok).toBe(editable);
      expect(attachableArchiveItem(withStatus(status)).ok).toBe(attachable);
    },
  );

  it('names the item and the project rule when its record is closed', () => {
    expect(editableArchiveItem(withStatus('transferred'))).toMatchObject({
      reason: '档案 X007-WS·2014-D10-JWH-0003 已移交，不能再修改',
      basis: '本系统规则 R-ARC-4',
    });
    expect(attachableArchiveItem(withStatus('destroyed'))).toMatchObject({ basis: '本系统规则 R-ARC-4' });
  });

  it('refuses a destruction while the item is on an open handover list', () => {
    expect(destructionDuringHandover(item, false).ok).toBe(true);
    expect(destructionDuringHandover(item, true)).toMatchObject({
      ok: false,
      reason: '档案 X007-WS·2014-D10-JWH-0003 在未完成的离任移交清单上：移交完成后再由接任的保管人销毁',
      basis: '本系统规则 R-HND-1',
    });
  });
});
