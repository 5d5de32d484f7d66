import { describe, expect, it } from 'vitest';
import { custodyPayloadIds, describeCustodyPayload } from './custody-payload.js';

const sealId = '7d9f8d3f-28de-42de-ac67-058ff925d4d9';
const chenHong = '3c5e1a2b-0000-4000-8000-000000000001';
const wangJianguo = '3c5e1a2b-0000-4000-8000-000000000002';
const names = new Map([
  [sealId, '象山社区居民委员会印章'],
  [chenHong, '陈红'],
  [wangJianguo, '王建国'],
]);
const nameOf = (id: string) => names.get(id);

describe('a custody-log payload as a person reads it', () => {
  it('names people and things instead of their ids, in Chinese', () => {
    expect(
      describeCustodyPayload(
        { copies: 2, document: '居住证明', request: '0b1c2d3e-0000-4000-8000-00000000000f', seal: sealId },
        nameOf,
      ),
    ).toBe('印章：象山社区居民委员会印章；份数：2；用印文件：居住证明');
    expect(describeCustodyPayload({ approvers: [chenHong, wangJianguo], reason: '换届' }, nameOf)).toBe(
      '审批人：陈红、王建国；理由：换届',
    );
  });

  it('leaves out an id when its name stands beside it, and an id nobody can name', () => {
    expect(
      describeCustodyPayload(
        { seal: sealId, sealName: '新印章名', proposal: sealId, type: 'retire' },
        () => undefined,
      ),
    ).toBe('印章：新印章名；类别：停用');
  });

  it('shows codes by their labels, flags in words, hashes shortened and lists by their size', () => {
    const hash = 'a'.repeat(64);
    expect(
      describeCustodyPayload(
        {
          kind: 'archive',
          condition: 'damaged',
          serious: true,
          consequences: ['forfeitBonus', 'partyDiscipline'],
          expected: hash,
          items: [{ ref: 'X' }, { ref: 'Y' }],
          changed: ['title', 'retention'],
        },
        nameOf,
      ),
    ).toBe(
      `类别：档案；登记情况：损毁；情节严重：是；处理：扣除离任当年绩效奖金、党纪处分；登记的哈希：${'a'.repeat(12)}…；移交事项：2 项；修改项：题名、保管期限`,
    );
  });

  it('names a member as the kind of entry means it', () => {
    expect(
      describeCustodyPayload({ dueOn: '2026-06-30', supervisor: chenHong }, nameOf, 'handover.open'),
    ).toBe('移交期限：2026-06-30；监交人：陈红');
    expect(describeCustodyPayload({ dueOn: '2026-06-30' }, nameOf, 'archive.lend')).toBe(
      '应还日期：2026-06-30',
    );
    expect(describeCustodyPayload({ approvedBy: [wangJianguo] }, nameOf, 'archive.appraise')).toBe(
      '批准人：王建国',
    );
  });

  it('finds every id at any depth, for the names to be looked up at once', () => {
    expect([
      ...custodyPayloadIds({ seal: sealId, approvers: [chenHong], items: [{ ref: wangJianguo }], copies: 2 }),
    ]).toEqual([sealId, chenHong, wangJianguo]);
  });
});
