/** `shequ jurisdictions`, `shequ explain` and `shequ diff` as a user runs them. */
import { shippedPacks } from '@shequ/policy';
import { describe, expect, it } from 'vitest';
import { shequ } from './run-cli.js';

describe('shequ jurisdictions', () => {
  it('lists the national pack and the five local packs with their documents and in-force dates', () => {
    const result = shequ(['jurisdictions']);
    expect(result.status).toBe(0);
    const list = JSON.parse(result.stdout) as {
      code: string;
      name: string;
      parent: string | null;
      documents: { title: string; inForceFrom: string }[];
    }[];
    expect(list.map((j) => j.code).sort()).toEqual(Object.keys(shippedPacks).sort());
    expect(list.find((j) => j.code === '000000')).toMatchObject({ name: '全国', parent: null });
    const ezhou = list.find((j) => j.code === '420700');
    expect(ezhou).toMatchObject({ name: '鄂州市', parent: '000000' });
    expect(ezhou?.documents).toEqual([
      { title: '鄂州市城市社区工作规则（试行）', inForceFrom: '2019-12-02' },
    ]);
    expect(list.find((j) => j.code === '000013')?.name).toBe('社区建设和治理条例（2013）');
  });
});

describe('shequ explain', () => {
  it('gives every rule of a jurisdiction with its citation and the parameters it reads, with values', () => {
    const result = shequ(['explain', '--jurisdiction', '420700', '--as-of', '2024-06-30', '--json']);
    expect(result.status).toBe(0);
    const explained = JSON.parse(result.stdout) as {
      jurisdiction: { code: string };
      rules: {
        id: string;
        quantity?: string;
        citation: { article: string; quote: string };
        inForce: boolean;
        parameters: { name: string; value: number | null; suppliedBy: string }[];
      }[];
    };
    expect(explained.jurisdiction.code).toBe('420700');
    const quota = explained.rules.find((r) => r.id === 'ezhou.two-committees-quota');
    expect(quota?.quantity).toBe('twoCommitteesQuota');
    expect(quota?.citation.article).toBe('第十七条');
    expect(quota?.parameters).toContainEqual(
      expect.objectContaining({ name: 'twoCommitteesStepResidents', value: 3000, suppliedBy: '420700' }),
    );
    // The city's average wage is published yearly, not set by the document: no value until supplied.
    const salary = explained.rules.find((r) => r.id === 'ezhou.salary');
    expect(salary?.parameters).toContainEqual(
      expect.objectContaining({ name: 'cityAverageWage', value: null }),
    );
    expect(explained.rules.every((r) => r.citation.quote.length > 0)).toBe(true);
    // The chain starts with the national law; only its 2025 revision is not yet in force on that date.
    expect(explained.rules.filter((r) => !r.inForce).map((r) => r.id)).toEqual([
      'national.committee-scale-2025',
    ]);
  });

  it('writes readable zh-CN text by default, and says when the documents are not yet in force', () => {
    const result = shequ(['explain', '--jurisdiction', '370305111', '--as-of', '2019-06-30']);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('金山镇（370305111）');
    expect(result.stdout).toContain('jinshan.staff-minimum');
    expect(result.stdout).toContain('《金山镇城市社区工作管理办法（试行）》第十条');
    expect(result.stdout).toContain('（2019-06-30 不在施行期内：2020-01-06 起施行）');
    expect(result.stdout).toContain(
      'minFullTimeStaff（每个社区工作人员下限）= 未定（2020-01-06 起才有取值）',
    );

    const unknown = shequ(['explain', '--jurisdiction', '110000']);
    expect(unknown.status).toBe(2);
    expect(unknown.stdout).toBe('');
    expect(unknown.stderr).toMatch(/^--jurisdiction: 没有代码为 110000 的政策包/);
  });
});

describe('shequ diff', () => {
  it('sets two jurisdictions side by side: own rules, shared figures, parameters that differ', () => {
    const result = shequ(['diff', '320000', '420700', '--as-of', '2024-06-30', '--json']);
    expect(result.status).toBe(0);
    const diff = JSON.parse(result.stdout) as {
      rules: { onlyA: { id: string }[]; onlyB: { id: string }[] };
      quantities: { name: string; a: { id: string } | null; b: { id: string } | null }[];
      parameters: { different: { name: string; a: { value: number }; b: { value: number } }[] };
    };
    expect(diff.rules.onlyA.map((r) => r.id)).toContain('jiangsu.committee-size');
    expect(diff.rules.onlyB.map((r) => r.id)).toContain('ezhou.two-committees-quota');
    expect(diff.quantities).toContainEqual({
      name: 'minFacilityArea',
      a: expect.objectContaining({ id: 'jiangsu.min-facility-area' }),
      b: expect.objectContaining({ id: 'ezhou.min-facility-area' }),
    });
    const perHundred = diff.parameters.different.find((p) => p.name === 'facilityAreaPerHundredHouseholds');
    expect([perHundred?.a.value, perHundred?.b.value]).toEqual([30, 50]);

    const text = shequ(['diff', '371000', '370305111', '--as-of', '2024-06-30']);
    expect(text.status).toBe(0);
    expect(text.stdout).toContain('仅 威海市（371000） 有的规则');
    expect(text.stdout).toMatch(/fullTimeStaff：weihai\.full-time-staff.*｜ jinshan\.full-time-staff/);
  });

  it('needs exactly two known codes', () => {
    const result = shequ(['diff', '420700', '654321']);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^代码B: 没有代码为 654321 的政策包/);
  });
});
