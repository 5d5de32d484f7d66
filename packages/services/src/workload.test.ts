import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  type AdmissionRequest,
  admissionDraft,
  burdenCounts,
  burdenDraft,
  burdenProblem,
  decideAdmission,
  deriveBurdenFacts,
  listedIn,
  listKeepersFor,
  listsInForce,
  nextVersionProblem,
  type WorkListVersion,
  workListKeeperProblem,
  workListVersionDraft,
  workloadCitations,
} from './workload.js';

const STREET = '370305111';
const COMMUNITY = '370305111001';
const DISTRICT = '370305';

const version = (over: Partial<WorkListVersion>): WorkListVersion => ({
  id: 'v',
  version: 1,
  savedAt: '2026-01-01T00:00:00Z',
  jurisdictionCode: DISTRICT,
  kind: 'assist-government',
  effectiveFrom: '2026-01-01',
  items: [{ title: '人口普查入户登记' }],
  ...over,
});

const request = (over: Partial<AdmissionRequest> = {}): AdmissionRequest => ({
  id: 'r',
  streetCode: STREET,
  communityCodes: [COMMUNITY],
  kind: 'assist-government',
  title: '燃气安全入户排查',
  requestedBy: '区住建局',
  reason: '冬季燃气安全',
  startsOn: '2026-11-01',
  appliedBy: { userId: 's', name: '街道' },
  appliedOn: '2026-10-20',
  ...over,
});
const districtAdmin = { role: 'districtAdmin' as const, jurisdictionCode: DISTRICT, userId: 'd', name: '区' };

describe('work-item lists', () => {
  it('quotes every article word for word from the regulation texts', () => {
    const files: Record<string, string> = {
      '鄂州市城市社区工作规则（试行）': 'ezhou',
      社区建设和治理条例: 'city2013',
      江苏省城市社区居民委员会规范化建设工作指引: 'jiangsu',
    };
    for (const c of Object.values(workloadCitations)) {
      const file = files[c.document] ?? (c.document.includes('威海') ? 'weihai' : 'jinshan');
      const text = readFileSync(new URL(`../../policy/sources/${file}.txt`, import.meta.url), 'utf8');
      expect(text.replace(/\s+/gu, '')).toContain(c.quote.replace(/\s+/gu, ''));
    }
  });

  it('is kept by its own jurisdiction’s administrators, versions in order, dates in order', () => {
    expect(
      workListKeeperProblem({ role: 'districtAdmin', jurisdictionCode: DISTRICT }, DISTRICT),
    ).toBeUndefined();
    expect(workListKeeperProblem({ role: 'streetAdmin', jurisdictionCode: STREET }, DISTRICT)).toBe(
      '工作事项清单由本辖区的管理员维护',
    );
    expect(
      workListKeeperProblem({ role: 'communityWorker', jurisdictionCode: COMMUNITY }, COMMUNITY),
    ).toBeDefined();
    expect(nextVersionProblem({ effectiveFrom: '2026-01-01' }, [version({})])?.path).toBe('effectiveFrom');
    expect(nextVersionProblem({ effectiveFrom: '2026-07-01' }, [version({})])).toBeUndefined();
    const bad = workListVersionDraft.safeParse({
      jurisdictionCode: DISTRICT,
      kind: 'party',
      effectiveFrom: '2026-07-01',
      effectiveUntil: '2026-06-30',
      items: [{ title: '三会一课' }, { title: '三会一课' }],
    });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['effectiveUntil', '失效日期不能早于生效日期'],
      ['items', '清单中有重复的事项名称'],
    ]);
    expect(
      workListVersionDraft.safeParse({
        jurisdictionCode: DISTRICT,
        kind: 'party',
        effectiveFrom: '2026-07-01',
        items: [],
      }).error?.issues[0]?.message,
    ).toBe('清单至少要有 1 个事项');
  });

  it('in force as of a date: the latest version taken effect, from the nearest keeper; every version kept', () => {
    expect(listKeepersFor(COMMUNITY)).toEqual([STREET, DISTRICT, '370300', '370000']);
    const versions = [
      version({ id: 'city', jurisdictionCode: '370300', kind: 'party', items: [{ title: '三会一课' }] }),
      version({ id: 'v1' }),
      version({ id: 'v2', version: 2, effectiveFrom: '2026-07-01', items: [{ title: '燃气安全入户排查' }] }),
    ];
    expect(listsInForce(versions, COMMUNITY, '2026-06-30')['assist-government']?.id).toBe('v1');
    expect(listsInForce(versions, COMMUNITY, '2026-07-01')['assist-government']?.id).toBe('v2');
    expect(listsInForce(versions, COMMUNITY, '2026-07-01').party?.id).toBe('city');
    expect(listsInForce(versions, COMMUNITY, '2025-12-31')).toEqual({});
    expect(listedIn(listsInForce(versions, COMMUNITY, '2026-07-01'), '燃气安全 入户排查')).toBe(
      'assist-government',
    );
  });
});

describe('admission of work outside the lists', () => {
  it('refuses dates out of order, communities of another street and zero funding, by field', () => {
    const parsed = admissionDraft.safeParse({
      ...request(),
      id: undefined,
      appliedBy: undefined,
      appliedOn: undefined,
      communityCodes: ['370305112001'],
      endsOn: '2026-10-01',
      funding: { amountFen: 0, source: '区财政' },
    });
    expect(parsed.success).toBe(false);
    const byPath = Object.fromEntries(parsed.error?.issues.map((i) => [i.path.join('.'), i.message]) ?? []);
    expect(byPath['funding.amountFen']).toBe('经费金额应大于 0');
    expect(
      admissionDraft.safeParse({
        ...request({ funding: { amountFen: 1.5, source: 'x' } }),
        id: undefined,
        appliedBy: undefined,
        appliedOn: undefined,
      }).error?.issues[0]?.message,
    ).toBe('金额应为以分计的整数');
    const dates = admissionDraft.safeParse({
      streetCode: STREET,
      communityCodes: ['370305112001'],
      kind: 'party',
      title: 'x',
      requestedBy: 'y',
      reason: 'z',
      startsOn: '2026-11-01',
      endsOn: '2026-10-01',
    });
    expect(dates.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['endsOn', '结束日期不能早于开始日期'],
      ['communityCodes', '只能为本街道的社区申请'],
    ]);
  });

  it('is approved by the district in the name of the department the kind names, only with funding, and filed with the city', () => {
    const noMoney = decideAdmission(
      request(),
      { outcome: 'approved', approvingBody: 'civil-affairs' },
      districtAdmin,
      '2026-10-25',
    );
    expect(noMoney).toEqual({
      ok: false,
      issues: [{ path: 'funding.amountFen', message: '准入须落实经费（费随事转）：请填写经费金额和来源' }],
    });
    const wrongBody = decideAdmission(
      request(),
      {
        outcome: 'approved',
        approvingBody: 'organisation',
        funding: { amountFen: 500_000, source: '区财政' },
      },
      districtAdmin,
      '2026-10-25',
    );
    expect(wrongBody.ok === false && wrongBody.issues[0]?.message).toBe('协助政府类事项应由区民政部门审批');
    const otherDistrict = decideAdmission(
      request(),
      {
        outcome: 'approved',
        approvingBody: 'civil-affairs',
        funding: { amountFen: 500_000, source: '区财政' },
      },
      { ...districtAdmin, jurisdictionCode: '370306' },
      '2026-10-25',
    );
    expect(otherDistrict.ok).toBe(false);
    const street = decideAdmission(
      request(),
      {
        outcome: 'approved',
        approvingBody: 'civil-affairs',
        funding: { amountFen: 500_000, source: '区财政' },
      },
      { ...districtAdmin, role: 'streetAdmin', jurisdictionCode: STREET },
      '2026-10-25',
    );
    expect(street.ok).toBe(false);
    const approved = decideAdmission(
      request({ kind: 'party' }),
      {
        outcome: 'approved',
        approvingBody: 'organisation',
        funding: { amountFen: 1_234_567, source: '区委组织部党建经费' },
      },
      districtAdmin,
      '2026-10-25',
    );
    expect(approved.ok && approved.value).toMatchObject({
      outcome: 'approved',
      funding: { amountFen: 1_234_567 },
      filedWith: { cityCode: '370300', body: 'organisation' },
    });
    const proposed = decideAdmission(
      request({ funding: { amountFen: 100, source: '街道' } }),
      { outcome: 'approved', approvingBody: 'civil-affairs' },
      districtAdmin,
      '2026-10-25',
    );
    expect(proposed.ok && proposed.value.funding?.amountFen).toBe(100);
    const decided = request({ decision: approved.ok ? approved.value : undefined });
    expect(
      decideAdmission(
        decided,
        { outcome: 'rejected', approvingBody: 'organisation', opinion: '重复' },
        districtAdmin,
        '2026-10-26',
      ).ok,
    ).toBe(false);
  });
});

describe('burdens', () => {
  it('refuses the allowed signboards, listed or admitted work, and dates out of order', () => {
    const base = {
      communityCode: COMMUNITY,
      kind: 'signboard',
      title: '社区党群服务中心',
      imposedBy: '区',
      imposedOn: '2026-03-01',
    };
    expect(burdenDraft.safeParse(base).error?.issues[0]?.message).toBe('这是规定允许悬挂的牌子，不属于负担');
    expect(
      burdenDraft.safeParse({ ...base, title: '食品安全示范点', endedOn: '2026-02-01' }).error?.issues[0]
        ?.path,
    ).toEqual(['endedOn']);
    const lists = listsInForce([version({})], COMMUNITY, '2026-03-01');
    const task = burdenDraft.parse({ ...base, kind: 'task', title: '人口普查入户登记' });
    expect(burdenProblem(task, { today: '2026-03-02', lists, admitted: [] })?.message).toContain(
      '居民委员会协助政府工作事项清单',
    );
    const admittedTask = burdenDraft.parse({ ...base, kind: 'task', title: '燃气安全入户排查' });
    const approved = request({
      decision: {
        outcome: 'approved',
        approvingBody: 'civil-affairs',
        by: { userId: 'd', name: '区' },
        on: '2026-02-01',
        filedWith: { cityCode: '370300', body: 'civil-affairs' },
      },
    });
    expect(burdenProblem(admittedTask, { today: '2026-03-02', lists, admitted: [approved] })?.message).toBe(
      '该事项已经准入，不属于负担',
    );
    expect(burdenProblem(admittedTask, { today: '2026-03-02', lists, admitted: [] })).toBeUndefined();
    expect(burdenProblem(admittedTask, { today: '2026-02-28', lists, admitted: [] })?.path).toBe('imposedOn');
  });

  it('counts what is on the community, evaluations beyond one a year, and derives the other signboards', () => {
    const burdens = [
      { kind: 'evaluation' as const, imposedOn: '2026-02-01', endedOn: '2026-02-10' },
      { kind: 'evaluation' as const, imposedOn: '2026-05-01' },
      { kind: 'evaluation' as const, imposedOn: '2026-08-01' },
      { kind: 'signboard' as const, imposedOn: '2025-06-01' },
      { kind: 'signboard' as const, imposedOn: '2026-01-01', endedOn: '2026-04-01' },
      { kind: 'task' as const, imposedOn: '2026-09-01' },
    ];
    expect(burdenCounts(burdens, '2026-09-30')).toEqual({
      active: 4,
      tasks: 1,
      evaluations: 2,
      signboards: 1,
      evaluationsOverYearly: 2,
      thisYear: 5,
    });
    expect(deriveBurdenFacts(burdens, '2026-03-01').facts).toEqual({ facility: { otherSignboards: 2 } });
    expect(deriveBurdenFacts(burdens, '2026-09-30').facts).toEqual({ facility: { otherSignboards: 1 } });
    expect(deriveBurdenFacts(burdens, '2025-01-01').fields).toEqual([]);
  });
});

describe('money typed in 元', () => {
  it('is kept in 分 exactly and shown back in 元', async () => {
    const { formatFen, yuanToFen } = await import('./workload.js');
    expect(yuanToFen('18000')).toBe(1_800_000);
    expect(yuanToFen('0.1')).toBe(10);
    expect(yuanToFen('19.99')).toBe(1999);
    expect(yuanToFen('1.234')).toBeUndefined();
    expect(yuanToFen('-5')).toBeUndefined();
    expect(formatFen(1_800_005)).toBe('18,000.05 元');
  });
});
