import { describe, expect, it } from 'vitest';
import { auditChangeLines, auditChanges, auditFieldLabel, scoreAuditMember } from './audit-diff.js';

describe('audit record changes', () => {
  it('lists only the nested values that changed, added or removed', () => {
    const before = {
      asOf: '2026-06-30',
      facts: { households: 4329, residents: 12928, staff: { fullTime: 10 } },
    };
    const after = { asOf: '2026-06-30', facts: { households: 4388, residents: 12928, setting: 'urban' } };
    expect(auditChanges(before, after)).toEqual([
      { path: 'facts.households', before: 4329, after: 4388 },
      { path: 'facts.setting', before: undefined, after: 'urban' },
      { path: 'facts.staff.fullTime', before: 10, after: undefined },
    ]);
  });

  it('treats a missing "before" (a creation) as every value added', () => {
    expect(auditChanges(null, { disabledAt: null })).toEqual([
      { path: 'disabledAt', before: undefined, after: null },
    ]);
  });

  it('names changed members in Chinese, never by their English key', () => {
    expect(auditFieldLabel('facts.households')).toBe('户数');
    expect(auditFieldLabel('custodianId')).toBe('保管人');
    expect(auditFieldLabel('location.room')).toBe('存放位置 · 室');
    expect(auditFieldLabel('approverIds.0')).toBe('审批人 · 第1项');
    expect(auditFieldLabel('somethingNew')).not.toMatch(/[A-Za-z]/);
  });

  it('reads each change as 「字段：旧值 → 新值」', () => {
    expect(
      auditChangeLines(
        { facts: { households: 4329 }, mustChangePassword: true },
        { facts: { households: 4388 }, mustChangePassword: false, mobile: '13800000000' },
      ),
    ).toEqual(['户数：4329 → 4388', '手机号：（无） → 13800000000', '须修改密码：是 → 否']);
  });

  it('reads a score by its period, its indicator and 分数, never as 其他', () => {
    expect(
      auditChangeLines(
        { [scoreAuditMember('2026-Q4', '党建引领')]: 70 },
        {
          [scoreAuditMember('2026-Q4', '党建引领')]: 75,
          [scoreAuditMember('2026-03', '社区治理')]: 80,
          [scoreAuditMember('annual', '年度工作')]: 90,
        },
      ),
    ).toEqual([
      '考核周期 2026年3月 · 指标 社区治理 · 分数：（无） → 80',
      '考核周期 2026年第4季度 · 指标 党建引领 · 分数：70 → 75',
      '考核周期 年度考核 · 指标 年度工作 · 分数：（无） → 90',
    ]);
  });
});
