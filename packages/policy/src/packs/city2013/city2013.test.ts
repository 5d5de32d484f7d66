import { readFileSync } from 'node:fs';
import type { CommunityFacts } from '@shequ/domain';
import { describe, expect, it } from 'vitest';
import { compile, type EvaluateOptions } from '../../engine/index.js';
import { city2013Pack } from './index.js';

const city2013 = compile([city2013Pack]);
const asOf = '2024-06-30';
const scope = { 'city2013.service-building-scope': 'alternative' } as const;

function areaCheck(facts: CommunityFacts, options: Partial<EvaluateOptions> = {}) {
  const evaluation = city2013(facts, { asOf, ...options });
  return { evaluation, result: evaluation.results.find((r) => r.rule === 'city2013.service-building-area')! };
}
const statusOf = (facts: CommunityFacts, options?: Partial<EvaluateOptions>) =>
  areaCheck(facts, options).result.status;
const building = (totalArea: number, residentSpaceArea?: number): CommunityFacts => ({
  facility: residentSpaceArea === undefined ? { totalArea } : { totalArea, residentSpaceArea },
});

describe('the pack', () => {
  it('ships under the placeholder code with its contract name', () => {
    expect(city2013Pack.code).toBe('000013');
    expect(city2013Pack.name).toBe('社区建设和治理条例（2013）');
  });

  it('quotes the regulation verbatim', () => {
    const source = readFileSync(new URL('../../../sources/city2013.txt', import.meta.url), 'utf8');
    const quotes = [
      ...city2013Pack.rules.map((r) => r.citation.quote),
      ...city2013Pack.parameters.flatMap((p) => p.values.map((v) => v.citation.quote)),
    ];
    expect(quotes.filter((q) => !source.includes(q))).toEqual([]);
  });

  it('applies from 2013-12-01, to urban and rural communities', () => {
    expect(statusOf(building(500), { asOf: '2013-11-30' })).toBe('not-applicable');
    expect(statusOf(building(500), { asOf: '2013-12-01' })).toBe('fail');
    expect(statusOf({ ...building(500), setting: 'rural' })).toBe('fail');
  });
});

describe('第三十七条 service building', () => {
  it('publishes 800 m² as minFacilityArea', () => {
    expect(areaCheck({}).evaluation.quantities).toEqual({ minFacilityArea: 800 });
  });

  it('fails below 800 m², passes at and above', () => {
    expect([799, 800, 801].map((area) => statusOf(building(area)))).toEqual(['fail', 'pass', 'pass']);
    expect(statusOf({})).toBe('unknown');
  });

  it('takes a caller override of the 800 m²', () => {
    expect(statusOf(building(900), { params: { minServiceBuildingArea: 1000 } })).toBe('fail');
  });

  it('counts the whole facility, or read alternatively only what residents do not use', () => {
    expect(statusOf(building(1000, 300))).toBe('pass');
    expect([199, 200, 201].map((space) => statusOf(building(1000, space), { readings: scope }))).toEqual([
      'pass',
      'pass',
      'fail',
    ]);
    expect(statusOf(building(1000), { readings: scope })).toBe('unknown');
  });
});
