/**
 * A chain described and two compared, from the shipped packs. 金山镇城市社区工作管理办法（试行） is in force
 * from 2020-01-06 and its 第十条 reads "每个社区的工作人员不少于5人"; 威海 states the same figure under
 * another rule id.
 */
import { describe, expect, it } from 'vitest';
import { describeChain, diffChains, documentInForce } from './describe.js';
import { shippedRegistry } from './packs/index.js';

const describeOn = (code: string, asOf: string) =>
  describeChain(shippedRegistry.packChain(code), asOf, shippedRegistry);

describe('documentInForce', () => {
  it('counts the first day and not the day the document ceases', () => {
    const document = { title: '办法', inForceFrom: '2020-01-06', inForceUntil: '2025-01-01' };
    expect(documentInForce(document, '2020-01-05')).toBe(false);
    expect(documentInForce(document, '2020-01-06')).toBe(true);
    expect(documentInForce(document, '2024-12-31')).toBe(true);
    expect(documentInForce(document, '2025-01-01')).toBe(false);
    expect(documentInForce({ title: '办法', inForceFrom: '2020-01-06' }, '2099-01-01')).toBe(true);
  });
});

describe('describeChain', () => {
  it('gives each rule its article text and in-force state, and a parameter with no value yet its first date', () => {
    const before = describeOn('370305111', '2019-06-30');
    expect(before.jurisdictions.map((j) => j.code)).toEqual(['000000', '370305111']);
    const minimum = before.rules.find((r) => r.id === 'jinshan.staff-minimum');
    expect(minimum?.inForce).toBe(false);
    expect(minimum?.articleText).toContain('每个社区的工作人员不少于5人');
    expect(minimum?.settings).toContain('urban');
    const name = minimum?.parameters[0] ?? '';
    const parameter = before.parameters.find((p) => p.name === name);
    expect(parameter).toMatchObject({ value: undefined, firstFrom: '2020-01-06', suppliedBy: '370305111' });
    expect(parameter?.history.map((h) => [h.from, h.value])).toEqual([['2020-01-06', 5]]);

    const after = describeOn('370305111', '2024-06-30');
    expect(after.rules.find((r) => r.id === 'jinshan.staff-minimum')?.inForce).toBe(true);
    const inForce = after.parameters.find((p) => p.name === name);
    expect(inForce).toMatchObject({ value: 5, from: '2020-01-06' });
    expect(inForce).not.toHaveProperty('firstFrom');
  });

  it('describes a chain alike from its packs or from its evaluator', () => {
    const chain = shippedRegistry.packChain('420700');
    expect(describeChain(shippedRegistry.evaluatorFor(chain), '2024-06-30', shippedRegistry)).toEqual(
      describeChain(chain, '2024-06-30', shippedRegistry),
    );
  });
});

describe('diffChains', () => {
  it('pairs rules by requirement for reading side by side, and by id for what a shared rule changed', () => {
    const diff = diffChains(describeOn('371000', '2024-06-30'), describeOn('370305111', '2024-06-30'));
    // Different ids, equal figures: one requirement, the same.
    const staff = diff.rules.find((r) => r.a?.id === 'weihai.full-time-staff-minimum');
    expect(staff?.b?.id).toBe('jinshan.staff-minimum');
    expect(staff?.state).toBe('same');
    // By id they are two rules, one on each side; the national law both inherit is the same.
    expect(diff.byId.onlyA).toContain('weihai.full-time-staff-minimum');
    expect(diff.byId.onlyB).toContain('jinshan.staff-minimum');
    expect(diff.byId.same).toContain('national.committee-size');
    expect(diff.quantities).toContainEqual({
      name: 'fullTimeStaff',
      a: 'weihai.full-time-staff',
      b: 'jinshan.full-time-staff',
    });
    expect(diff.summary.same + diff.summary.different + diff.summary.onlyA + diff.summary.onlyB).toBe(
      diff.rules.length,
    );
  });

  it('says how one rule differs on two dates: its document comes into force and its figure applies', () => {
    const diff = diffChains(describeOn('370305111', '2019-06-30'), describeOn('370305111', '2024-06-30'));
    const change = diff.byId.changed.find((c) => c.id === 'jinshan.staff-minimum');
    expect(change?.differences).toContainEqual({ field: 'inForce', a: false, b: true });
    expect(change?.differences).toContainEqual(
      expect.objectContaining({
        field: 'parameter',
        a: expect.objectContaining({ value: undefined }),
        b: expect.objectContaining({ value: 5 }),
      }),
    );
    expect(diff.byId.onlyA).toEqual([]);
    const name = diff.a.rules.find((r) => r.id === 'jinshan.staff-minimum')?.parameters[0];
    expect(diff.parameters.find((p) => p.name === name)?.state).toBe('different');
  });

  it('compares only the rules in force on the date: a superseded version is no row', () => {
    const diff = diffChains(describeOn('371000', '2026-06-30'), describeOn('370305111', '2026-06-30'));
    const shown = diff.rules.flatMap((r) => [r.a, r.b]).filter((r) => r !== undefined);
    expect(shown.every((r) => r.inForce)).toBe(true);
    // The 2018 national text's 100—700户 gave way to the 2025 revision on 2026-01-01.
    expect(shown.map((r) => r.id)).not.toContain('national.committee-scale');
    expect(shown.map((r) => r.id)).toContain('national.committee-scale-2025');
    // Before the revision, the 2018 text is the one compared.
    const earlier = diffChains(describeOn('371000', '2025-06-30'), describeOn('370305111', '2025-06-30'));
    const earlierIds = earlier.rules.flatMap((r) => [r.a?.id, r.b?.id]);
    expect(earlierIds).toContain('national.committee-scale');
    expect(earlierIds).not.toContain('national.committee-scale-2025');
  });

  it('reads a parameter the same by its value, whichever way each pack writes the unit', () => {
    const diff = diffChains(describeOn('320000', '2024-06-30'), describeOn('371000', '2024-06-30'));
    // 江苏 and 威海 both ask 30 square metres per hundred households, written 平方米/百户 and 平方米.
    const perHundred = diff.parameters.find((p) => p.name === 'facilityAreaPerHundredHouseholds');
    expect([perHundred?.a?.value, perHundred?.b?.value]).toEqual([30, 30]);
    expect(perHundred?.state).toBe('same');
    const ezhou = diffChains(describeOn('320000', '2024-06-30'), describeOn('420700', '2024-06-30'));
    expect(ezhou.parameters.find((p) => p.name === 'facilityAreaPerHundredHouseholds')?.state).toBe(
      'different',
    );
  });
});
