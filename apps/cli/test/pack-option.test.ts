/**
 * `--pack MODULE` (docs/interfaces.md §7): an extra pack joins the shipped ones for one run of
 * `check`, `jurisdictions` and `assess` (and `explain`); a pack that cannot join is exit 2 with one
 * line naming it.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { shequ } from './run-cli.js';

const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));
const district = fixture('district-pack.ts');
const dir = mkdtempSync(join(tmpdir(), 'shequ-pack-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const snapshot = join(dir, 'snapshot.json');
writeFileSync(
  snapshot,
  JSON.stringify({
    code: '420704001001',
    name: '测试社区',
    asOf: '2024-06-30',
    buildings: [{ households: 80, leader: false }],
  }),
);

describe('--pack', () => {
  it('lists the added pack with the shipped ones', () => {
    const result = shequ(['jurisdictions', '--pack', district]);
    expect(result.stderr).toBe('');
    const list = JSON.parse(result.stdout) as { code: string; parent: string | null }[];
    expect(list.map((j) => j.code)).toContain('420700');
    expect(list.find((j) => j.code === '420704')).toMatchObject({ name: '鄂城区（测试）', parent: '420700' });
    expect(
      (JSON.parse(shequ(['jurisdictions']).stdout) as { code: string }[]).map((j) => j.code),
    ).not.toContain('420704');
  });

  it('chooses the added pack by code prefix, composed with Ezhou and the national pack', () => {
    const result = shequ(['check', '--pack', district, snapshot]);
    expect(result.status).toBe(1);
    const report = JSON.parse(result.stdout) as {
      jurisdictions: { code: string }[];
      results: { rule: string; jurisdiction: string; status: string }[];
    };
    expect(report.jurisdictions.map((j) => j.code)).toEqual(['000000', '420700', '420704']);
    expect(report.results.find((r) => r.rule === 'testdistrict.building-leaders-all')).toMatchObject({
      jurisdiction: '420704',
      status: 'fail',
    });
    expect(report.results.some((r) => r.rule.startsWith('ezhou.'))).toBe(true);
  });

  it('chooses it with --jurisdiction, which otherwise names an unknown pack', () => {
    const chosen = shequ(['check', '--pack', district, '--jurisdiction', '420704', snapshot]);
    expect(chosen.status).toBe(1);
    const unknown = shequ(['check', '--jurisdiction', '420704', snapshot]);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/^--jurisdiction: 没有代码为 420704 的政策包/);
  });

  it('explains the added pack’s chain', () => {
    const result = shequ([
      'explain',
      '--pack',
      district,
      '--jurisdiction',
      '420704',
      '--as-of',
      '2024-06-30',
      '--json',
    ]);
    expect(result.status).toBe(0);
    const description = JSON.parse(result.stdout) as { packs: { code: string }[] };
    expect(description.packs.map((p) => p.code)).toEqual(['000000', '420700', '420704']);
  });

  it('checks an assessment scheme against the added pack’s chain', () => {
    const input = join(dir, 'assess.json');
    writeFileSync(
      input,
      JSON.stringify({
        year: 2024,
        scheme: {
          routineWeight: 0.5,
          annualWeight: 0.5,
          residentShareRoutine: 0.4,
          residentShareAnnual: 0.4,
        },
        communities: [
          {
            code: '420704001001',
            routine: [{ departmentScore: 90, residentScore: 80 }],
            annual: { departmentScore: 80, residentScore: 60 },
          },
        ],
      }),
    );
    const result = shequ(['assess', '--pack', district, '--jurisdiction', '420704', input]);
    const output = JSON.parse(result.stdout) as { scheme: { findings: { rule: string; status: string }[] } };
    expect(output.scheme.findings.find((f) => f.rule === 'ezhou.routine-assessment-weight')?.status).toBe(
      'fail',
    );
    expect(result.status).toBe(1);
  });

  it.each([
    [fixture('hubei-city-pack.ts'), /^--pack: 政策包 420500（宜昌市（测试））：上级政策包 420000 未加载/],
    [
      fixture('not-a-pack.ts'),
      /^--pack .*not-a-pack\.ts: 默认导出应为用 @shequ\/policy 的 definePack 定义的政策包$/,
    ],
    [join(dir, 'missing.ts'), /^--pack .*missing\.ts: 文件不存在$/],
  ])('refuses %s with exit 2 and one line naming it', (module, line) => {
    const result = shequ(['check', '--pack', module, snapshot]);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr.trim()).toMatch(line);
  });

  it('refuses a pack whose code is taken', () => {
    const result = shequ(['jurisdictions', '--pack', district, '--pack', district]);
    expect(result.status).toBe(2);
    expect(result.stderr.trim()).toMatch(
      /^--pack: 政策包 420704（鄂城区（测试））：代码 420704 已被政策包 420704（鄂城区（测试）） 占用$/,
    );
  });
});
