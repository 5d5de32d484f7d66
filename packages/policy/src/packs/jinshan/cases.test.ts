/**
 * 金山镇城市社区工作管理办法（试行）第十条 as a table (`@shequ/policy/testing`), composed as a community of
 * the town is checked: below the national pack. "每个社区的工作人员不少于5人", one worker per 300—400户.
 */
import { describe, expect, it } from 'vitest';
import { compile } from '../../engine/index.js';
import { caseMismatches, packCases } from '../../testing.js';
import { nationalPack } from '../national/index.js';
import { jinshanInterpretations, jinshanPack } from './index.js';

const chain = [nationalPack, jinshanPack];

packCases('金山镇 第十条 (table)', chain, [
  {
    name: '1200户4人：少于5人，不符合；配比也提醒不足5人',
    asOf: '2024-06-30',
    facts: { households: 1200, staff: { fullTime: 4 } },
    expect: { 'jinshan.staff-minimum': 'fail', 'jinshan.staff-ratio': 'warn' },
    quantities: { fullTimeStaff: { min: 5, max: 5 } },
  },
  {
    name: '2400户9人：多于每300户1人，提醒',
    asOf: '2024-06-30',
    facts: { households: 2400, staff: { fullTime: 9 } },
    expect: { 'jinshan.staff-minimum': 'pass', 'jinshan.staff-ratio': 'warn' },
    quantities: { fullTimeStaff: { min: 6, max: 8 } },
  },
  {
    name: '另一种解读（“原则上”管到下限）：4人只提醒',
    asOf: '2024-06-30',
    facts: { staff: { fullTime: 4 } },
    readings: { [jinshanInterpretations.hedgeScope.id]: 'alternative' },
    expect: { 'jinshan.staff-minimum': 'warn' },
  },
  {
    name: '办法施行前：不适用',
    asOf: '2020-01-05',
    facts: { staff: { fullTime: 4 } },
    expect: { 'jinshan.staff-minimum': 'not-applicable' },
  },
]);

describe('caseMismatches', () => {
  const evaluator = compile(chain);
  it('names a wrong status, a rule the chain lacks and a wrong quantity', () => {
    expect(
      caseMismatches(evaluator, {
        name: 'wrong',
        asOf: '2024-06-30',
        facts: { households: 1200, staff: { fullTime: 4 } },
        expect: { 'jinshan.staff-minimum': 'pass', 'jinshan.staff-minimun': 'fail' },
        quantities: { fullTimeStaff: { min: 4, max: 5 } },
      }),
    ).toEqual([
      expect.stringMatching(/^jinshan.staff-minimum: 应为 pass，实际 fail（不符合：/),
      'jinshan.staff-minimun: 政策包组合中没有这条规则（000000>370305111）',
      '数量 fullTimeStaff: 应为 {"min":4,"max":5}，实际 {"min":5,"max":5}',
    ]);
  });
});
