import { describe, expect, it } from 'vitest';
import { compile, EvaluationInputError } from './compile.js';
import {
  check,
  citeFrom,
  definePack,
  disableRule,
  PackDefinitionError,
  parameter,
  quantity,
  replaceParameter,
  replaceRule,
  value,
} from './define.js';
import type { Pack, Rule } from './types.js';

// A made-up chain in Beijing's codes: province 110000 → city 110100 → district 110101 → street 110101001.
const PROVINCE_DOC = '省级测试文件';
const CITY_DOC = '市级测试文件';
const DISTRICT_DOC = '区级测试文件';
const provinceCite = citeFrom(PROVINCE_DOC);
const cityCite = citeFrom(CITY_DOC);
const districtCite = citeFrom(DISTRICT_DOC);

const minStaff = (id: string, cite: ReturnType<typeof citeFrom>, param = 'minStaff'): Rule =>
  check({
    id,
    title: `工作人员不少于下限（${id}）`,
    citation: cite('第一条', '工作人员不少于下限。'),
    binding: 'binding',
    facts: { fullTime: 'staff.fullTime' },
    params: [param],
    evaluate: ({ facts, params }) => ({
      holds: facts.fullTime >= (params as Record<string, number>)[param]!,
      expected: `不少于${(params as Record<string, number>)[param]}人`,
      actual: `${facts.fullTime}人`,
    }),
  });

const province = definePack({
  code: '110000',
  name: '测试省',
  documents: [{ title: PROVINCE_DOC, inForceFrom: '2020-01-01' }],
  parameters: [
    parameter({
      name: 'minStaff',
      label: '工作人员下限',
      unit: '人',
      values: [
        value('2022-01-01', 6, provinceCite('第一条', '2022年起不少于6人。')),
        value('2020-01-01', 5, provinceCite('第一条', '不少于5人。')),
      ],
    }),
  ],
  rules: [
    minStaff('province.min-staff', provinceCite),
    check({
      id: 'province.size',
      title: '规模一般不超过3000户',
      citation: provinceCite('第二条', '规模一般不超过3000户。'),
      binding: 'guiding',
      facts: { households: 'households' },
      evaluate: ({ facts }) => ({
        holds: facts.households <= 3000,
        expected: '不超过3000户',
        actual: `${facts.households}户`,
      }),
    }),
  ],
});

const city = definePack({
  code: '110100',
  name: '测试市',
  parent: '110000',
  documents: [{ title: CITY_DOC, inForceFrom: '2021-01-01', inForceUntil: '2025-01-01' }],
  overrides: [
    replaceParameter(
      'minStaff',
      {
        name: 'minStaff',
        label: '工作人员下限',
        unit: '人',
        values: [value('2021-01-01', 7, cityCite('第三条', '本市不少于7人。'))],
      },
      cityCite('第三条', '本市不少于7人。'),
    ),
    disableRule('province.size', cityCite('第四条', '本市不限规模。'), '本市不限社区规模'),
  ],
});

describe('definePack', () => {
  it('rejects a citation of a document the pack does not list, and an unknown fact path', () => {
    expect(() =>
      definePack({
        code: '110000',
        name: '测试省',
        documents: [{ title: PROVINCE_DOC, inForceFrom: '2020-01-01' }],
        rules: [minStaff('x.a', cityCite)],
      }),
    ).toThrow(/《市级测试文件》不在本包 documents 中/);
    expect(() =>
      definePack({
        code: '110000',
        name: '测试省',
        documents: [{ title: PROVINCE_DOC, inForceFrom: '2020-01-01' }],
        rules: [
          check({
            id: 'x.b',
            title: 'x',
            citation: provinceCite('第一条', 'x'),
            binding: 'binding',
            // @ts-expect-error: not a snapshot fact
            facts: { area: 'facility.area' },
            evaluate: () => ({ holds: true, expected: '', actual: '' }),
          }),
        ],
      }),
    ).toThrow(/快照格式中没有事实 facility.area/);
  });
  it('rejects an invalid jurisdiction code and duplicate rule ids', () => {
    expect(() =>
      definePack({ code: '12345', name: 'x', documents: [{ title: 'd', inForceFrom: '2020-01-01' }] }),
    ).toThrow(/不是有效的行政区划代码/);
    expect(() =>
      definePack({
        code: '110000',
        name: '测试省',
        documents: [{ title: PROVINCE_DOC, inForceFrom: '2020-01-01' }],
        parameters: province.parameters,
        rules: [minStaff('x.same', provinceCite), minStaff('x.same', provinceCite)],
      }),
    ).toThrow(/规则编号重复/);
  });
});

describe('evaluation', () => {
  const alone = compile([province]);
  it('fails binding wording, warns guiding wording, passes at the boundary', () => {
    const at = alone({ staff: { fullTime: 5 }, households: 3000 }, { asOf: '2021-06-30' });
    expect(at.results.map((r) => r.status)).toEqual(['pass', 'pass']);
    const below = alone({ staff: { fullTime: 4 }, households: 3001 }, { asOf: '2021-06-30' });
    expect(below.results.map((r) => r.status)).toEqual(['fail', 'warn']);
    expect(below.summary).toEqual({ pass: 0, fail: 1, warn: 1, notApplicable: 0, unknown: 0 });
    expect(below.results[0]?.message).toBe(
      '不符合：工作人员不少于下限（province.min-staff）（应不少于5人，实际4人）。',
    );
  });
  it('with summaryOnly counts the same statuses without building results', () => {
    const facts = { staff: { fullTime: 4 }, households: 3001 };
    const full = alone(facts, { asOf: '2021-06-30' });
    const counted = alone(facts, { asOf: '2021-06-30', summaryOnly: true });
    expect(counted.results).toEqual([]);
    expect(counted.summary).toEqual(full.summary);
  });
  it('with statusesOnly gives each check its status, in checkIds order, as full results do', () => {
    const cases = [{ staff: { fullTime: 4 }, households: 3001 }, { staff: { fullTime: 6 } }, {}];
    for (const facts of cases) {
      const full = alone(facts, { asOf: '2021-06-30' });
      const statuses = alone(facts, { asOf: '2021-06-30', statusesOnly: true });
      expect(statuses.results).toEqual([]);
      expect(alone.checkIds).toEqual(full.results.map((r) => r.rule));
      expect(statuses.statuses).toEqual(full.results.map((r) => r.status));
      expect(statuses.summary).toEqual(full.summary);
      expect(statuses.quantities).toEqual(full.quantities);
    }
    expect(alone({}, { asOf: '2021-06-30' }).statuses).toBeUndefined();
  });
  it('builds texts given as functions only for full results, with the same wording as strings', () => {
    let built = 0;
    const build = (text: string) => {
      built++;
      return text;
    };
    const lazy = definePack({
      code: '110000',
      name: '测试省',
      documents: [{ title: PROVINCE_DOC, inForceFrom: '2020-01-01' }],
      rules: [
        check({
          id: 'lazy.staff',
          title: '工作人员不少于5人',
          citation: provinceCite('第一条', '工作人员不少于5人。'),
          binding: 'binding',
          facts: { fullTime: 'staff.fullTime' },
          evaluate: ({ facts }) => {
            if (facts.fullTime === 0) return { notApplicable: () => build('没有工作人员（0人）') };
            return {
              holds: facts.fullTime >= 5,
              expected: () => build('不少于5人'),
              actual: () => build(`${facts.fullTime}人`),
            };
          },
        }),
      ],
    });
    const evaluate = compile([lazy]);
    const options = { asOf: '2021-06-30' };
    expect(evaluate({ staff: { fullTime: 4 } }, { ...options, statusesOnly: true }).statuses).toEqual([
      'fail',
    ]);
    expect(evaluate({ staff: { fullTime: 4 } }, { ...options, summaryOnly: true }).summary.fail).toBe(1);
    expect(built).toBe(0);
    expect(evaluate({ staff: { fullTime: 4 } }, options).results[0]).toMatchObject({
      expected: '不少于5人',
      actual: '4人',
      message: '不符合：工作人员不少于5人（应不少于5人，实际4人）。',
    });
    expect(evaluate({ staff: { fullTime: 0 } }, options).results[0]?.message).toBe(
      '不适用：没有工作人员（0人）。',
    );
    expect(built).toBe(3);
  });
  it('reports missing facts as unknown and names them', () => {
    const { results } = alone({}, { asOf: '2021-06-30' });
    expect(results.map((r) => r.status)).toEqual(['unknown', 'unknown']);
    expect(results[0]?.message).toContain('staff.fullTime');
  });
  it('picks the parameter value in force on asOf', () => {
    const facts = { staff: { fullTime: 5 } };
    expect(alone(facts, { asOf: '2021-12-31' }).results[0]?.status).toBe('pass');
    expect(alone(facts, { asOf: '2022-01-01' }).results[0]?.status).toBe('fail');
    expect(alone.parameterValue('minStaff', '2022-01-01')).toMatchObject({
      value: 6,
      from: '2022-01-01',
      suppliedBy: '110000',
    });
  });
  it('applies a rule only while its document is in force', () => {
    expect(alone({ staff: { fullTime: 9 } }, { asOf: '2019-12-31' }).results[0]?.status).toBe(
      'not-applicable',
    );
  });
  it('accepts a caller override and rejects unknown or non-numeric parameters, naming them', () => {
    const facts = { staff: { fullTime: 5 } };
    expect(alone(facts, { asOf: '2021-06-30', params: { minStaff: 6 } }).results[0]?.status).toBe('fail');
    expect(() => alone(facts, { asOf: '2021-06-30', params: { maxStaff: 6 } })).toThrow(EvaluationInputError);
    try {
      alone(facts, {
        asOf: '2021-06-30',
        params: { minStaff: Number.NaN },
        readings: { nope: 'alternative' },
      });
      expect.unreachable();
    } catch (error) {
      expect((error as EvaluationInputError).issues.map((i) => i.path)).toEqual([
        'params.minStaff',
        'readings.nope',
      ]);
    }
    expect(() => alone(facts, { asOf: '30/06/2021' })).toThrow(/asOf/);
  });
  it('refuses an asOf that is no real date, as the CLI does (2024-02-30)', () => {
    expect(() => alone({}, { asOf: '2024-02-30' })).toThrow('asOf: 应为有效日期，格式 YYYY-MM-DD');
    expect(() => alone({}, { asOf: '2023-02-29' })).toThrow(EvaluationInputError);
    expect(() => alone({}, { asOf: '2024-02-29' })).not.toThrow();
  });
  it('explains the facts, parameters and pack behind a result', () => {
    const [result] = alone({ staff: { fullTime: 5 } }, { asOf: '2022-03-01', explain: true }).results;
    expect(result?.explanation).toMatchObject({
      facts: [{ path: 'staff.fullTime', value: 5 }],
      parameters: [
        {
          name: 'minStaff',
          value: 6,
          suppliedBy: '110000',
          citation: { document: PROVINCE_DOC, article: '第一条', quote: '2022年起不少于6人。' },
        },
      ],
      document: { title: PROVINCE_DOC, inForceFrom: '2020-01-01' },
    });
    expect(alone({ staff: { fullTime: 5 } }, { asOf: '2022-03-01' }).results[0]?.explanation).toBeUndefined();
  });
});

describe('quantities', () => {
  let computed = 0;
  const pack = definePack({
    code: '110000',
    name: '测试省',
    documents: [{ title: PROVINCE_DOC, inForceFrom: '2020-01-01' }],
    rules: [
      check({
        id: 'q.uses-quota',
        title: '配备人数不超过核定数',
        citation: provinceCite('第一条', 'x'),
        binding: 'binding',
        facts: { fullTime: 'staff.fullTime' },
        quantities: ['fullTimeStaff'],
        evaluate: ({ facts, quantities }) => ({
          holds: facts.fullTime <= quantities.fullTimeStaff.max,
          expected: `不超过${quantities.fullTimeStaff.max}`,
          actual: String(facts.fullTime),
        }),
      }),
      check({
        id: 'q.uses-quota-again',
        title: '配备人数不少于核定数',
        citation: provinceCite('第一条', 'x'),
        binding: 'binding',
        facts: { fullTime: 'staff.fullTime' },
        quantities: ['fullTimeStaff'],
        evaluate: ({ facts, quantities }) => ({
          holds: facts.fullTime >= quantities.fullTimeStaff.min,
          expected: `不少于${quantities.fullTimeStaff.min}`,
          actual: String(facts.fullTime),
        }),
      }),
      quantity({
        id: 'q.quota',
        name: 'fullTimeStaff',
        title: '核定人数',
        citation: provinceCite('第一条', 'x'),
        facts: { households: 'households' },
        compute: ({ facts }) => {
          computed++;
          return { min: Math.ceil(facts.households / 400), max: Math.floor(facts.households / 300) };
        },
      }),
    ],
  });
  const evaluate = compile([pack]);
  it('computes each quantity once, before the checks that read it, whatever the declaration order', () => {
    computed = 0;
    const { results, quantities } = evaluate(
      { households: 1200, staff: { fullTime: 4 } },
      { asOf: '2021-01-01' },
    );
    expect(computed).toBe(1);
    expect(quantities).toEqual({ fullTimeStaff: { min: 3, max: 4 } });
    expect(results.map((r) => r.status)).toEqual(['pass', 'pass']);
  });
  it('makes checks unknown when a quantity cannot be computed', () => {
    const { results, quantities } = evaluate({ staff: { fullTime: 4 } }, { asOf: '2021-01-01' });
    expect(quantities).toEqual({});
    expect(results.map((r) => r.status)).toEqual(['unknown', 'unknown']);
    expect(results[0]?.message).toContain('fullTimeStaff');
  });
  it('rejects at compile time a read of a quantity or parameter no pack defines', () => {
    const orphan = definePack({
      code: '110000',
      name: '测试省',
      documents: [{ title: PROVINCE_DOC, inForceFrom: '2020-01-01' }],
      rules: [minStaff('orphan.rule', provinceCite, 'noSuchParam')],
    });
    expect(() => compile([orphan])).toThrow(/参数 noSuchParam 在政策包组合中不存在/);
  });
});

describe('composition along the jurisdiction tree', () => {
  it('lets a lower pack replace a parameter and disable a rule, with provenance', () => {
    const chain = compile([city, province]);
    expect(chain.packs.map((p) => p.code)).toEqual(['110000', '110100']);
    const { results } = chain(
      { staff: { fullTime: 6 }, households: 9999 },
      { asOf: '2021-06-30', explain: true },
    );
    expect(results.map((r) => r.rule)).toEqual(['province.min-staff']);
    expect(results[0]?.status).toBe('fail');
    expect(results[0]?.jurisdiction).toBe('110000');
    expect(results[0]?.explanation?.parameters[0]).toMatchObject({ value: 7, suppliedBy: '110100' });
    expect(chain.disabled).toEqual([
      expect.objectContaining({ target: 'province.size', by: '110100', reason: '本市不限社区规模' }),
    ]);
  });
  it('keeps the higher value in force before the replacing parameter’s first date', () => {
    const chain = compile([province, city]);
    expect(chain.parameterValue('minStaff', '2020-06-30')).toMatchObject({ value: 5, suppliedBy: '110000' });
    expect(chain.parameterValue('minStaff', '2021-06-30')).toMatchObject({ value: 7, suppliedBy: '110100' });
  });
  it('lets a lower pack replace a rule; the result names the replacing pack and the rule it replaced', () => {
    const district = definePack({
      code: '110101',
      name: '测试区',
      parent: '110100',
      documents: [{ title: DISTRICT_DOC, inForceFrom: '2021-01-01' }],
      overrides: [
        replaceRule(
          'province.min-staff',
          minStaff('district.min-staff', districtCite),
          districtCite('第一条', '本区另行规定工作人员下限。'),
        ),
      ],
    });
    const chain = compile([province, city, district]);
    const [result] = chain({ staff: { fullTime: 7 } }, { asOf: '2021-06-30', explain: true }).results;
    expect(result).toMatchObject({
      rule: 'district.min-staff',
      jurisdiction: '110101',
      status: 'pass',
      citation: { document: DISTRICT_DOC },
    });
    expect(result?.explanation?.replaces).toBe('province.min-staff');
  });
  it('rejects an override of a target no higher pack defines', () => {
    const stray = definePack({
      code: '110100',
      name: '测试市',
      parent: '110000',
      documents: [{ title: CITY_DOC, inForceFrom: '2021-01-01' }],
      overrides: [disableRule('province.nothing', cityCite('第四条', 'x'), 'x')],
    });
    expect(() => compile([province, stray])).toThrow(/province.nothing 不在其上级政策包中/);
  });
  it('rejects redefining a higher pack’s parameter without an override', () => {
    const redefining = definePack({
      code: '110100',
      name: '测试市',
      parent: '110000',
      documents: [{ title: CITY_DOC, inForceFrom: '2021-01-01' }],
      parameters: [
        {
          name: 'minStaff',
          label: 'x',
          unit: '人',
          values: [value('2021-01-01', 3, cityCite('第一条', 'x'))],
        },
      ],
    });
    expect(() => compile([province, redefining])).toThrow(/参数 minStaff 已由上级政策包 110000 定义/);
  });
  it('rejects two packs at one level touching the same target, naming both', () => {
    const otherCity = definePack({
      code: '110200',
      name: '另一测试市',
      documents: [{ title: '另一市级文件', inForceFrom: '2021-01-01' }],
      overrides: [disableRule('province.size', citeFrom('另一市级文件')('第一条', 'x'), 'x')],
    });
    expect(() => compile([province, city, otherCity])).toThrow(
      '同级政策包 110100（测试市） 与 110200（另一测试市） 都修改或定义了规则 province.size',
    );
  });
});

describe('interpretations', () => {
  const interpretation = {
    id: 'test.step',
    name: '每增加3000名居民增配1人：按满额还是按起算',
    chosen: '满3000名才增配',
    alternative: '开始增加即增配',
  };
  const pack: Pack = definePack({
    code: '110000',
    name: '测试省',
    documents: [{ title: PROVINCE_DOC, inForceFrom: '2020-01-01' }],
    rules: [
      quantity({
        id: 'i.quota',
        name: 'twoCommitteesQuota',
        title: '核定人数',
        citation: provinceCite('第一条', 'x'),
        facts: { residents: 'residents' },
        interpretations: [interpretation],
        compute: ({ facts, alternative }) => {
          const steps = Math.max(0, facts.residents - 5000) / 3000;
          return 5 + (alternative('test.step') ? Math.ceil(steps) : Math.floor(steps));
        },
      }),
      check({
        id: 'i.check',
        title: '人数不超过核定数',
        citation: provinceCite('第一条', 'x'),
        binding: 'binding',
        facts: { n: 'staff.twoCommittees' },
        quantities: ['twoCommitteesQuota'],
        evaluate: ({ facts, quantities }) => ({
          holds: facts.n <= quantities.twoCommitteesQuota,
          expected: String(quantities.twoCommitteesQuota),
          actual: String(facts.n),
        }),
      }),
    ],
  });
  const evaluate = compile([pack]);
  it('applies the chosen reading unless the caller asks for the alternative', () => {
    const facts = { residents: 5001, staff: { twoCommittees: 6 } };
    expect(evaluate(facts, { asOf: '2021-01-01' }).quantities.twoCommitteesQuota).toBe(5);
    expect(evaluate(facts, { asOf: '2021-01-01' }).results[0]?.status).toBe('fail');
    const alt = evaluate(facts, { asOf: '2021-01-01', readings: { 'test.step': 'alternative' } });
    expect(alt.quantities.twoCommitteesQuota).toBe(6);
    expect(alt.results[0]?.status).toBe('pass');
  });
  it('lists interpretations and reports the reading used in the explanation', () => {
    expect(evaluate.interpretations).toEqual([interpretation]);
    const explained = evaluate(
      { residents: 9000 },
      { asOf: '2021-01-01', readings: { 'test.step': 'alternative' }, explain: true },
    );
    expect(explained.quantityExplanations?.twoCommitteesQuota?.interpretations).toEqual([
      { ...interpretation, reading: 'alternative' },
    ]);
  });
});

describe('errors', () => {
  it('are PackDefinitionError for bad packs', () => {
    expect(() => compile([province, province])).toThrow(PackDefinitionError);
  });
  it('refuse composing a pack with a chain its parent is not in (a Hubei city below Jiangsu)', () => {
    const hubeiCity = definePack({
      code: '420500',
      name: '宜昌市',
      parent: '420000',
      documents: [{ title: '宜昌市文件', inForceFrom: '2021-01-01' }],
    });
    expect(() => compile([province, hubeiCity])).toThrow(
      /政策包 420500（宜昌市） 的上级 420000 不在组合中.*110000（测试省）/,
    );
    // Alone, a pack compiles without its ancestors, so its own tests need not load them.
    expect(() => compile([hubeiCity])).not.toThrow();
  });
  it('refuse a parent the code does not nest under', () => {
    expect(() =>
      definePack({
        code: '420500',
        name: '宜昌市',
        parent: '320000',
        documents: [{ title: '宜昌市文件', inForceFrom: '2021-01-01' }],
      }),
    ).toThrow(/parent: 代码 420500 不在上级 320000 之下/);
    expect(() =>
      definePack({
        code: '420000',
        name: '湖北省',
        parent: '420500',
        documents: [{ title: '湖北省文件', inForceFrom: '2021-01-01' }],
      }),
    ).toThrow(/parent: 代码 420000 不在上级 420500 之下/);
  });
  it('check rule ids against <pack>.<kebab-name>, one prefix per pack and per chain', () => {
    const rule = (id: string) => minStaff(id, provinceCite);
    const pack = (id: string, ...more: string[]) =>
      definePack({
        code: '110000',
        name: '测试省',
        documents: [{ title: PROVINCE_DOC, inForceFrom: '2020-01-01' }],
        parameters: province.parameters,
        rules: [rule(id), ...more.map(rule)],
      });
    expect(() => pack('province.MinStaff')).toThrow(
      /rules.province.MinStaff: 规则编号应为 <包名>.<小写连字符名称>/,
    );
    expect(() => pack('minStaff')).toThrow(/规则编号应为/);
    expect(() => pack('province.a', 'other.b')).toThrow(/包名前缀应一致，实际有 province、other/);
    const sameprefix = definePack({
      code: '110100',
      name: '测试市',
      parent: '110000',
      documents: [{ title: CITY_DOC, inForceFrom: '2021-01-01' }],
      rules: [minStaff('province.city-staff', cityCite)],
    });
    expect(() => compile([province, sameprefix])).toThrow(/规则编号使用了同一前缀 province/);
  });
});

describe('fmt', () => {
  it('prints numbers with at most two decimals and units', async () => {
    const { fmt } = await import('./format.js');
    expect(fmt.area(900.3)).toBe('900.3平方米');
    expect(fmt.people(5)).toBe('5人');
    expect(fmt.people(5)).toBe('5人');
    expect(fmt.yuan(123456.789)).toBe('123456.79元');
    expect(fmt.percent(0.6)).toBe('60%');
    expect(fmt.num(-3)).toBe('-3');
  });
});
