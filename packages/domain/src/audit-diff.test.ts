import { describe, expect, it } from 'vitest';
import { auditChangeLines, auditChanges, auditFieldLabel } from './audit-diff.js';

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
});
