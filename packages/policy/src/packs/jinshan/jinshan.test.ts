import type { CommunityFacts } from '@shequ/domain';
import { describe, expect, it } from 'vitest';
import { compile, type EvaluateOptions } from '../../engine/index.js';
import { jinshanInterpretations, jinshanPack } from './index.js';

const jinshan = compile([jinshanPack]);
const asOf = '2024-06-30';
const run = (facts: CommunityFacts, options: Partial<EvaluateOptions> = {}) =>
  jinshan(facts, { asOf, ...options });
const status = (facts: CommunityFacts, rule: string, options: Partial<EvaluateOptions> = {}) =>
  run(facts, options).results.find((r) => r.rule === rule)?.status;

describe('第十条 staffing', () => {
  it('applies from 2020-01-06 to urban communities, cited by article', () => {
    expect(status({ staff: { fullTime: 5 } }, 'jinshan.staff-minimum', { asOf: '2020-01-05' })).toBe(
      'not-applicable',
    );
    expect(status({ staff: { fullTime: 5 } }, 'jinshan.staff-minimum', { asOf: '2020-01-06' })).toBe('pass');
    expect(status({ setting: 'rural', staff: { fullTime: 5 } }, 'jinshan.staff-minimum')).toBe(
      'not-applicable',
    );
    const r = run({ staff: { fullTime: 5 } }).results[0];
    expect(r?.citation).toMatchObject({ document: '金山镇城市社区工作管理办法（试行）', article: '第十条' });
  });
  it('fullTimeStaff: one per 300–400 households, rounding by interpretation', () => {
    expect(run({ households: 2000 }).quantities.fullTimeStaff).toEqual({ min: 5, max: 6 });
    expect(run({ households: 2400 }).quantities.fullTimeStaff).toEqual({ min: 6, max: 8 });
    const options = { readings: { [jinshanInterpretations.staffRounding.id]: 'alternative' as const } };
    expect(run({ households: 2100 }, options).quantities.fullTimeStaff).toEqual({ min: 5, max: 7 });
    expect(run({ households: 2100 }).quantities.fullTimeStaff).toEqual({ min: 6, max: 7 });
  });
  it('fails fewer than 5 workers', () => {
    expect(status({ staff: { fullTime: 4 } }, 'jinshan.staff-minimum')).toBe('fail');
    expect(status({ staff: { fullTime: 5 } }, 'jinshan.staff-minimum')).toBe('pass');
    expect(status({ staff: { fullTime: 6 } }, 'jinshan.staff-minimum')).toBe('pass');
    expect(status({}, 'jinshan.staff-minimum')).toBe('unknown');
  });
  it('第十条 the floor binds: “原则上” governs only its own clause; the other reading makes it warn', () => {
    const hedged = { readings: { [jinshanInterpretations.hedgeScope.id]: 'alternative' as const } };
    expect(status({ staff: { fullTime: 4 } }, 'jinshan.staff-minimum')).toBe('fail');
    expect(status({ staff: { fullTime: 4 } }, 'jinshan.staff-minimum', hedged)).toBe('warn');
    expect(run({ staff: { fullTime: 4 } }, { ...hedged, statusesOnly: true }).summary.warn).toBeGreaterThan(
      0,
    );
    expect(status({ staff: { fullTime: 5 } }, 'jinshan.staff-minimum', hedged)).toBe('pass');
  });
  it('warns outside the ratio range, which never drops below 5', () => {
    const rule = 'jinshan.staff-ratio';
    expect(status({ households: 2400, staff: { fullTime: 5 } }, rule)).toBe('warn');
    expect(status({ households: 2400, staff: { fullTime: 6 } }, rule)).toBe('pass');
    expect(status({ households: 2400, staff: { fullTime: 8 } }, rule)).toBe('pass');
    expect(status({ households: 2400, staff: { fullTime: 9 } }, rule)).toBe('warn');
    expect(status({ households: 600, staff: { fullTime: 5 } }, rule)).toBe('pass');
    expect(status({ households: 600, staff: { fullTime: 6 } }, rule)).toBe('warn');
    expect(status({ staff: { fullTime: 6 } }, rule)).toBe('unknown');
  });
});
