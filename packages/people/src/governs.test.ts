/**
 * A community is governed by the documents of its pack chain: each register rule citing a regional
 * document gives its finding where that document governs and nothing where it does not.
 */
import { describe, expect, it } from 'vitest';
import { citations, governedBy } from './citations.js';
import { gridLeaderProblem } from './committee-import.js';
import { demoRegisters, XIANGSHAN } from './demo.js';
import {
  chairsTrainedThisYear,
  gridLeadersOnCommittee,
  payNotBelowReference,
  subCommitteesLedByMember,
} from './rules.js';
import { groupsAndGridsCoincide, propertyAreasAndGridsCoincide } from './units.js';

const registers = demoRegisters().find((r) => r.communityCode === XIANGSHAN);
if (!registers) throw new Error('demo registers changed');
const asOf = '2026-12-01';

const NATIONAL = '中华人民共和国城市居民委员会组织法（2018年修正）';
/** As @shequ/policy's packs answer for a community of Ezhou, of Nanjing and of 金山镇 (Zibo). */
const ezhou = governedBy([NATIONAL, citations.ezhouPay.document]);
const jiangsu = governedBy([NATIONAL, citations.jiangsuTraining.document]);
const jinshan = governedBy([NATIONAL, citations.jinshanQuota.document]);

const findings = (governs: ReturnType<typeof governedBy> | undefined) =>
  [
    gridLeadersOnCommittee(registers, asOf, { governs }),
    subCommitteesLedByMember(registers, asOf, { governs }),
    chairsTrainedThisYear(registers, asOf, { governs }),
    payNotBelowReference(registers, asOf, 56000, { governs }),
    groupsAndGridsCoincide(registers, { governs }),
    propertyAreasAndGridsCoincide(registers, { governs }),
  ].flatMap((f) => (f ? [`${f.rule} ${f.status} ${f.citations.map((c) => c.article).join('+')}`] : []));

describe('register findings cite only the documents that govern the community', () => {
  it('gives a community of Ezhou the Ezhou findings, as without `governs`', () => {
    expect(findings(ezhou)).toEqual([
      'grid-leaders-on-committee fail 第七条（一）',
      'sub-committees-led-by-member pass 第七条（一）',
      'pay-not-below-reference fail 第二十一条',
      'groups-and-grids-coincide warn 第七条（二）',
      'property-areas-and-grids-coincide warn 第七条（二）',
    ]);
    expect(gridLeadersOnCommittee(registers, asOf, { governs: ezhou })).toEqual(
      gridLeadersOnCommittee(registers, asOf),
    );
  });

  it('gives a community of Nanjing the Jiangsu findings only', () => {
    expect(findings(jiangsu)).toEqual([
      'sub-committees-led-by-member pass 10（1）',
      'chairs-trained-yearly unknown 19（8）',
    ]);
  });

  it('gives a community of 金山镇 none of them: neither Ezhou’s rules nor Jiangsu’s govern it', () => {
    expect(findings(jinshan)).toEqual([]);
  });

  it('refuses a 网格长 off the committee only where Ezhou 第七条（一） governs', () => {
    const notMember = registers.workers.find((w) => w.name === '孙网格员');
    if (!notMember) throw new Error('demo roster changed');
    expect(gridLeaderProblem(registers, notMember.id, asOf, { governs: ezhou })).toBe(
      '网格长应由本届居民委员会成员兼任（2026-12-01），孙网格员不是居委会成员',
    );
    expect(gridLeaderProblem(registers, notMember.id, asOf, { governs: jinshan })).toBeUndefined();
    // Being on the roster is no regional rule: it holds everywhere.
    expect(gridLeaderProblem(registers, 'nobody', asOf, { governs: jinshan })).toBe(
      '网格长应为本社区花名册上在岗的工作者',
    );
  });
});
