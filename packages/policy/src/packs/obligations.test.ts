/**
 * The obligations encoded from the registers' facts: each unknown until recorded, then decided at
 * its boundary.
 */
import type { CommunityFacts } from '@shequ/domain';
import { describe, expect, it } from 'vitest';
import { compile, type EvaluateOptions, type Pack } from '../engine/index.js';
import { city2013Pack } from './city2013/index.js';
import { ezhouPack } from './ezhou/index.js';
import { jiangsuPack } from './jiangsu/index.js';
import { jinshanPack } from './jinshan/index.js';
import { nationalPack } from './national/index.js';
import { weihaiPack } from './weihai/index.js';

const asOf = '2024-06-30';
function statusIn(pack: Pack) {
  const evaluate = compile([nationalPack, pack]);
  return (facts: CommunityFacts, rule: string, options: Partial<EvaluateOptions> = {}) => {
    const result = evaluate(facts, { asOf, ...options }).results.find((r) => r.rule === rule);
    if (!result) throw new Error(`no result for ${rule}`);
    const bulk = evaluate(facts, { asOf, ...options, statusesOnly: true });
    expect(bulk.statuses?.[evaluate.checkIds.indexOf(rule)]).toBe(result.status);
    return result.status;
  };
}
const ezhou = statusIn(ezhouPack);
const weihai = statusIn(weihaiPack);
const jinshan = statusIn(jinshanPack);
const jiangsu = statusIn(jiangsuPack);
const city2013 = statusIn(city2013Pack);

describe('鄂州', () => {
  it('第七条（一） grid leaders, each a committee member', () => {
    const rule = 'ezhou.grid-leaders';
    expect(ezhou({}, rule)).toBe('unknown');
    expect(ezhou({ grid: { leaders: 4, leadersOnCommittee: 4 } }, rule)).toBe('pass');
    expect(ezhou({ grid: { leaders: 4, leadersOnCommittee: 3 } }, rule)).toBe('fail');
    expect(ezhou({ grid: { leaders: 0, leadersOnCommittee: 0 } }, rule)).toBe('fail');
  });
  it('第十一条 fire safety, public network and drinking water', () => {
    expect(ezhou({}, 'ezhou.facility-fire-safety')).toBe('unknown');
    expect(ezhou({ facility: { fireSafety: true } }, 'ezhou.facility-fire-safety')).toBe('pass');
    expect(ezhou({ facility: { fireSafety: false } }, 'ezhou.facility-fire-safety')).toBe('fail');
    const services = 'ezhou.facility-basic-services';
    expect(ezhou({ facility: { publicNetwork: true, drinkingWater: true } }, services)).toBe('pass');
    expect(ezhou({ facility: { publicNetwork: true, drinkingWater: false } }, services)).toBe('fail');
    expect(ezhou({ facility: { publicNetwork: true } }, services)).toBe('unknown');
  });
  it('第二十一条（二） thirds and halves, to the fen', () => {
    const rule = 'ezhou.salary-funding-split';
    const split = (salaryCity: number, salaryDistrict: number, salaryStreet: number) =>
      ezhou({ funds: { salaryCity, salaryDistrict, salaryStreet } }, rule);
    expect(split(100000, 100000, 100000)).toBe('pass');
    expect(split(33.33, 33.33, 33.34)).toBe('pass');
    expect(split(33.32, 33.33, 33.35)).toBe('fail');
    expect(split(150000, 100000, 50000)).toBe('fail');
    const withBenefits = (benefitsDistrict: number, benefitsStreet: number) =>
      ezhou(
        { funds: { salaryCity: 1, salaryDistrict: 1, salaryStreet: 1, benefitsDistrict, benefitsStreet } },
        rule,
      );
    expect(withBenefits(5000, 5000)).toBe('pass');
    expect(withBenefits(6000, 4000)).toBe('fail');
  });
  it('第四十一条（一） only the three signboards at the entrance', () => {
    expect(ezhou({ facility: { otherSignboards: 0 } }, 'ezhou.entrance-signboards')).toBe('pass');
    expect(ezhou({ facility: { otherSignboards: 1 } }, 'ezhou.entrance-signboards')).toBe('fail');
  });
});

describe('威海', () => {
  it('二（五） the city subsidy: 50% of the new recruits’ average wage for five workers, from 2019', () => {
    const rule = 'weihai.city-salary-subsidy';
    const params = { cityNewRecruitAverageWage: 60001 };
    expect(weihai({ salary: { citySubsidy: 150002.5 } }, rule)).toBe('unknown');
    expect(weihai({ salary: { citySubsidy: 150002.5 } }, rule, { params })).toBe('pass');
    expect(weihai({ salary: { citySubsidy: 150002.49 } }, rule, { params })).toBe('fail');
    expect(weihai({ salary: { citySubsidy: 0 } }, rule, { params, asOf: '2018-12-30' })).toBe(
      'not-applicable',
    );
  });
  it('二（八） meetings imposed on communities: guiding under 原则上, binding under the other reading', () => {
    const bound = { readings: { 'weihai.meetings-hedge': 'alternative' as const } };
    expect(weihai({ burden: { districtMeetingsPerYear: 2 } }, 'weihai.district-meetings')).toBe('pass');
    expect(weihai({ burden: { districtMeetingsPerYear: 3 } }, 'weihai.district-meetings')).toBe('warn');
    expect(weihai({ burden: { districtMeetingsPerYear: 3 } }, 'weihai.district-meetings', bound)).toBe(
      'fail',
    );
    expect(weihai({ burden: { streetWorkMeetingsMaxPerWeek: 1 } }, 'weihai.street-work-meetings')).toBe(
      'pass',
    );
    expect(weihai({ burden: { streetWorkMeetingsMaxPerWeek: 2 } }, 'weihai.street-work-meetings')).toBe(
      'warn',
    );
    expect(weihai({ burden: { streetOtherMeetingsMaxPerMonth: 1 } }, 'weihai.street-other-meetings')).toBe(
      'pass',
    );
    expect(weihai({ burden: { streetOtherMeetingsMaxPerMonth: 2 } }, 'weihai.street-other-meetings')).toBe(
      'warn',
    );
  });
  it('二（八） only the allowed signboards', () => {
    expect(weihai({ facility: { otherSignboards: 0 } }, 'weihai.signboards')).toBe('pass');
    expect(weihai({ facility: { otherSignboards: 2 } }, 'weihai.signboards')).toBe('fail');
    expect(weihai({}, 'weihai.signboards')).toBe('unknown');
  });
});

describe('金山镇', () => {
  it('第八条（六） two party health checks a year', () => {
    const rule = 'jinshan.party-health-checks';
    expect([1, 2, 3].map((healthChecks) => jinshan({ party: { healthChecks } }, rule))).toEqual([
      'fail',
      'pass',
      'pass',
    ]);
  });
  it('第九条（三） accounts disclosed; 第十四条 expenses decided collectively', () => {
    expect(jinshan({ finance: { accountsDisclosed: true } }, 'jinshan.accounts-disclosed')).toBe('pass');
    expect(jinshan({ finance: { accountsDisclosed: false } }, 'jinshan.accounts-disclosed')).toBe('fail');
    expect(jinshan({}, 'jinshan.expenses-decided-collectively')).toBe('unknown');
    expect(
      jinshan({ finance: { expensesDecidedCollectively: false } }, 'jinshan.expenses-decided-collectively'),
    ).toBe('fail');
  });
});

describe('江苏', () => {
  it('7（2） 差额 and 无记名', () => {
    const rule = 'jiangsu.election-manner';
    expect(jiangsu({ committee: { competitiveElection: true, secretBallot: true } }, rule)).toBe('pass');
    expect(jiangsu({ committee: { competitiveElection: false, secretBallot: true } }, rule)).toBe('fail');
    expect(jiangsu({ committee: { secretBallot: true } }, rule)).toBe('unknown');
  });
  it('10（1） a sub-committee’s chair is a committee member', () => {
    const rule = 'jiangsu.sub-committee-chairs';
    expect(jiangsu({ subCommittees: [{ kind: 'mediation', chairIsCommitteeMember: true }] }, rule)).toBe(
      'pass',
    );
    expect(
      jiangsu(
        {
          subCommittees: [
            { kind: 'mediation', chairIsCommitteeMember: true },
            { kind: 'security', chairIsCommitteeMember: false },
          ],
        },
        rule,
      ),
    ).toBe('fail');
    expect(jiangsu({ subCommittees: [{ kind: 'mediation' }] }, rule)).toBe('unknown');
    expect(jiangsu({ subCommittees: [] }, rule)).toBe('not-applicable');
  });
  it('12（4） contested topics go to the residents’ meeting', () => {
    const rule = 'jiangsu.contested-to-residents-meeting';
    expect(jiangsu({ consultation: { contestedUnsubmitted: 0 } }, rule)).toBe('pass');
    expect(jiangsu({ consultation: { contestedUnsubmitted: 1 } }, rule)).toBe('fail');
  });
  it('17（4） more than half of the votes: exactly half is not enough', () => {
    const rule = 'jiangsu.supervision-chair-majority';
    const votes = (chairVotes: number) =>
      jiangsu({ supervisionCommittee: { chairVotes, votesCast: 1000 } }, rule);
    expect([votes(500), votes(501)]).toEqual(['fail', 'pass']);
    expect(jiangsu({ supervisionCommittee: { chairVotes: 3, votesCast: 5 } }, rule)).toBe('pass');
  });
  it('17（5） a member with finance or management knowledge; 19（8） yearly training', () => {
    const member = 'jiangsu.supervision-finance-member';
    expect(jiangsu({ supervisionCommittee: { financeOrManagementMembers: 0 } }, member)).toBe('fail');
    expect(jiangsu({ supervisionCommittee: { financeOrManagementMembers: 1 } }, member)).toBe('pass');
    expect(jiangsu({ committee: { chairTrainings: 0 } }, 'jiangsu.committee-chair-training')).toBe('fail');
    expect(jiangsu({ committee: { chairTrainings: 1 } }, 'jiangsu.committee-chair-training')).toBe('pass');
    expect(
      jiangsu({ supervisionCommittee: { chairTrainings: 0 } }, 'jiangsu.supervision-chair-training'),
    ).toBe('fail');
  });
});

describe('社区建设和治理条例（2013）', () => {
  it('第十七条、第十八条 the deliberation body and its rules', () => {
    expect(city2013({ deliberation: { body: true } }, 'city2013.deliberation-body')).toBe('pass');
    expect(city2013({ deliberation: { body: false } }, 'city2013.deliberation-body')).toBe('fail');
    expect(city2013({ deliberation: { rules: false } }, 'city2013.deliberation-rules')).toBe('fail');
    expect(city2013({}, 'city2013.deliberation-rules')).toBe('unknown');
  });
  it('第二十七条 one service window; 第四十三条 disclosure and contact boards', () => {
    expect(city2013({ facility: { serviceWindow: true } }, 'city2013.service-window')).toBe('pass');
    expect(city2013({ facility: { serviceWindow: false } }, 'city2013.service-window')).toBe('fail');
    expect(city2013({ facility: { contactBoard: false } }, 'city2013.disclosure-and-contact')).toBe('fail');
  });
  it('第三十条 grid worker pay at the district’s standard, unknown until it is supplied', () => {
    const rule = 'city2013.grid-worker-pay';
    const params = { gridWorkerPayStandard: 48000 };
    expect(city2013({ grid: { workerAnnualPay: 48000 } }, rule)).toBe('unknown');
    expect(city2013({ grid: { workerAnnualPay: 48000 } }, rule, { params })).toBe('pass');
    expect(city2013({ grid: { workerAnnualPay: 47999.99 } }, rule, { params })).toBe('fail');
  });
  it('第三十六条 funds grow year on year (flat is no growth, unless read as “no decrease”)', () => {
    const rule = 'city2013.funds-growth';
    const budget = (serviceBudget: number) => ({
      funds: { serviceBudget, serviceBudgetPreviousYear: 300000 },
    });
    expect(city2013(budget(300000.01), rule)).toBe('pass');
    expect(city2013(budget(300000), rule)).toBe('fail');
    expect(city2013(budget(300000), rule, { readings: { 'city2013.funds-growth': 'alternative' } })).toBe(
      'pass',
    );
  });
  it('第四十四条 the complainant is told of the outcome', () => {
    const rule = 'city2013.complaint-outcome';
    expect(city2013({ complaints: { handled: 5, outcomeTold: 5 } }, rule)).toBe('pass');
    expect(city2013({ complaints: { handled: 5, outcomeTold: 4 } }, rule)).toBe('fail');
    expect(city2013({ complaints: { handled: 0, outcomeTold: 0 } }, rule)).toBe('not-applicable');
  });
});
