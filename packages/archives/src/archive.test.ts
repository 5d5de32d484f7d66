import { describe, expect, it } from 'vitest';
import {
  type ArchiveItem,
  applyArchiveEvent,
  archiveItem,
  documentDateProblem,
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
    const result = archiveItem.safeParse({ ...item, retention: 'permanent' });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['referenceCode']);
    expect(result.error?.issues[0]?.message).toContain('保管期限');
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
    expect(again).toMatchObject({ ok: false, citation: { article: '第三十九条' } });
    if (!again.ok) expect(again.reason).toContain('已借给 w-wang');
  });

  it('refuses a loan by someone other than the named custodian, citing 第三十九条', () => {
    const outcome = applyArchiveEvent(item, {
      type: 'lend',
      by: 'w-zhao',
      borrower: 'w-wang',
      on: '2024-03-02',
      dueOn: '2024-03-09',
    });
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
