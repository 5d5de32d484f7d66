import { describe, expect, it } from 'vitest';
import { definePack } from '../engine/index.js';
import { lowerSizeDistrict } from './district.test-helpers.js';
import { packImpact } from './impact.js';
import { shippedPacks, shippedRegistry } from './index.js';

const districtVersion = (households: number) => definePack(lowerSizeDistrict(households));

const community = (code: string, households: number) => ({
  code,
  name: `社区${code}`,
  asOf: '2024-06-30',
  facts: { households, residents: 12000, townSeat: false },
});
const stored = [
  community('420704001001', 2600),
  community('420704001002', 2900),
  community('420702001001', 2600),
];

describe('packImpact', () => {
  it('lists the communities whose status changes between two versions of a pack', () => {
    const before = shippedRegistry.with([districtVersion(2500)]);
    const after = before.replacing([districtVersion(2800)]);
    expect(after.packs['420704']).not.toBe(before.packs['420704']);
    const report = packImpact(before, after, stored);
    expect(report.communities).toBe(3);
    expect(report.changed).toEqual([
      {
        code: '420704001001',
        name: '社区420704001001',
        changes: [{ rule: 'ezhou.community-size', from: 'pass', to: 'warn' }],
      },
    ]);
    expect(report.rules).toEqual([
      { rule: 'ezhou.community-size', changed: 1, transitions: [{ from: 'pass', to: 'warn', count: 1 }] },
    ]);
  });

  it('counts a rule only one version has as absent in the other, and can replace a shipped pack', () => {
    const ezhou = shippedPacks['420700']!;
    const trimmed = { ...ezhou, rules: ezhou.rules.filter((r) => r.id !== 'ezhou.community-size') };
    const report = packImpact(
      shippedRegistry,
      shippedRegistry.replacing([trimmed]),
      [community('420702001001', 2600)],
      {
        asOf: '2024-06-30',
      },
    );
    expect(report.changed[0]?.changes).toEqual([
      { rule: 'ezhou.community-size', from: 'warn', to: 'absent' },
    ]);
  });
});
