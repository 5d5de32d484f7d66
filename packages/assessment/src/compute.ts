/**
 * Scoring under a compiled scheme: each raw score normalised to 0–100 on its indicator's range,
 * weighted down the tree, summed into the routine rounds and the annual assessment, the routine
 * rounds averaged, then routine and annual weighted into the total. Ranks are taken on totals
 * rounded to two decimals, within the street, the district, the city and the whole list; equal
 * totals share a rank and the next rank is skipped (1, 2, 2, 4).
 *
 * The bulk path (`scoreMatrix`) works on flat Float64Arrays so a whole country's communities score
 * in well under a second; `communityBreakdown` retraces one community's total to its raw scores.
 */
import { z } from 'zod';
import type { CompiledLeaf, CompiledPart, CompiledScheme } from './scheme.js';
import { gradeOf, roundScore } from './scores.js';

const communityCodeSchema = z
  .string({ error: '社区代码必填' })
  .regex(/^\d{12}$/, { error: '社区代码应为12位数字' });

/** One community's raw scores: routine rounds by period, then by leaf indicator id; the annual by leaf id. */
export interface CommunityScores {
  code: string;
  routine: Record<string, Record<string, number>>;
  annual: Record<string, number>;
}

function leafScoresSchema(leaves: readonly CompiledLeaf[], complete: boolean) {
  const byId = new Map(leaves.map((l) => [l.id, l]));
  return z.record(z.string(), z.number({ error: '分数应为数字' })).superRefine((scores, ctx) => {
    for (const [id, value] of Object.entries(scores)) {
      const leaf = byId.get(id);
      if (!leaf) {
        ctx.addIssue({ code: 'custom', path: [id], message: `方案中没有末级指标 ${id}` });
        continue;
      }
      if (!(value >= leaf.minScore && value <= leaf.maxScore))
        ctx.addIssue({
          code: 'custom',
          path: [id],
          message: `「${leaf.name}」的分数应在${leaf.minScore}到${leaf.maxScore}之间（现为${value}）`,
        });
    }
    if (complete)
      for (const leaf of leaves)
        if (!(leaf.id in scores))
          ctx.addIssue({ code: 'custom', path: [leaf.id], message: `缺少「${leaf.name}」的分数` });
  });
}

/**
 * The zod schema of one community's scores under `compiled`: periods that do not exist in the
 * scheme's year, unknown indicators, scores outside an indicator's range and missing scores are each
 * refused on their own path. A routine period may be left out (not yet scored), but at least one is needed.
 */
export function communityScoresSchema(compiled: CompiledScheme) {
  const periods = new Set(compiled.periods);
  const routineLeaves = leafScoresSchema(compiled.routine.leaves, true);
  return z.strictObject({
    code: communityCodeSchema,
    routine: z
      .record(z.string(), z.unknown())
      .superRefine((rounds, ctx) => {
        const keys = Object.keys(rounds);
        if (keys.length === 0) ctx.addIssue({ code: 'custom', message: '至少需要一次平时考核' });
        for (const period of keys) {
          if (!periods.has(period)) {
            ctx.addIssue({
              code: 'custom',
              path: [period],
              message: `没有这个考核周期（${compiled.scheme.year}年的周期为 ${compiled.periods[0]} 至 ${compiled.periods.at(-1)}）`,
            });
            continue;
          }
          const parsed = routineLeaves.safeParse(rounds[period]);
          if (!parsed.success)
            for (const issue of parsed.error.issues)
              ctx.addIssue({
                code: 'custom',
                path: [period, ...issue.path.map(String)],
                message: issue.message,
              });
        }
      })
      .transform((rounds) => rounds as Record<string, Record<string, number>>),
    annual: leafScoresSchema(compiled.annual.leaves, true),
  });
}

/** A list naming a community twice is refused at the second entry's code. */
export function refuseRepeatedCommunities(list: readonly { code: string }[], ctx: z.RefinementCtx): void {
  const seen = new Set<string>();
  list.forEach((c, i) => {
    if (seen.has(c.code)) ctx.addIssue({ code: 'custom', path: [i, 'code'], message: `社区 ${c.code} 重复` });
    seen.add(c.code);
  });
}

/** Every community's scores, validated; an empty list is refused. */
export function scoreListSchema(compiled: CompiledScheme) {
  return z
    .array(communityScoresSchema(compiled))
    .min(1, { error: '至少需要一个社区的分数' })
    .superRefine(refuseRepeatedCommunities);
}

/**
 * Raw scores in flat arrays: `routine[(c * periods + p) * routineLeaves + l]`, `annual[c * annualLeaves + l]`.
 * A routine period not scored for a community has NaN at its first leaf.
 */
export interface ScoreMatrix {
  codes: readonly string[];
  routine: Float64Array;
  annual: Float64Array;
}

/** Per leaf: normalised-and-weighted score = raw × factor − offset (0–100 over the part). */
function linearTerms(part: CompiledPart): { factor: Float64Array; offset: number } {
  const factor = new Float64Array(part.leaves.length);
  let offset = 0;
  part.leaves.forEach((leaf, i) => {
    const f = (leaf.effectiveWeight * 100) / (leaf.maxScore - leaf.minScore);
    factor[i] = f;
    offset += f * leaf.minScore;
  });
  return { factor, offset };
}

export interface MatrixScores {
  routine: Float64Array;
  annual: Float64Array;
  total: Float64Array;
  /** Totals in whole hundredths, rounded half up: what is published, ranked and graded. */
  totalHundredths: Int32Array;
}

/** Scores every community of a validated matrix. */
export function scoreMatrix(compiled: CompiledScheme, matrix: ScoreMatrix): MatrixScores {
  const n = matrix.codes.length;
  const periods = compiled.periods.length;
  const r = linearTerms(compiled.routine);
  const a = linearTerms(compiled.annual);
  const rl = r.factor.length;
  const al = a.factor.length;
  const rw = compiled.scheme.routine.weight;
  const aw = compiled.scheme.annual.weight;
  const routine = new Float64Array(n);
  const annual = new Float64Array(n);
  const total = new Float64Array(n);
  const totalHundredths = new Int32Array(n);
  const rf = r.factor;
  const af = a.factor;
  const rs = matrix.routine;
  const as = matrix.annual;
  for (let c = 0; c < n; c++) {
    let sum = 0;
    let rounds = 0;
    for (let p = 0; p < periods; p++) {
      const base = (c * periods + p) * rl;
      if (Number.isNaN(rs[base] as number)) continue;
      let s = -r.offset;
      for (let l = 0; l < rl; l++) s += (rs[base + l] as number) * (rf[l] as number);
      sum += s;
      rounds++;
    }
    const base = c * al;
    let s = -a.offset;
    for (let l = 0; l < al; l++) s += (as[base + l] as number) * (af[l] as number);
    const rt = rounds === 0 ? Number.NaN : sum / rounds;
    routine[c] = rt;
    annual[c] = s;
    const t = rw * rt + aw * s;
    total[c] = t;
    totalHundredths[c] = Math.round((t + Number.EPSILON) * 100);
  }
  return { routine, annual, total, totalHundredths };
}

export interface Ranks {
  overall: Int32Array;
  street: Int32Array;
  district: Int32Array;
  city: Int32Array;
  /** Community indexes, highest total first, then by code. */
  order: Int32Array;
}

/**
 * Competition ranks (1, 2, 2, 4) of `hundredths` overall and within each street (first 9 digits of
 * the code), district (6) and city (4). One sort; each group's ranks follow in a single pass.
 */
export function rankScores(codes: readonly string[], hundredths: Int32Array): Ranks {
  const n = codes.length;
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  order.sort((x, y) => {
    const d = (hundredths[y] as number) - (hundredths[x] as number);
    if (d !== 0) return d;
    const cx = codes[x] as string;
    const cy = codes[y] as string;
    return cx < cy ? -1 : cx > cy ? 1 : 0;
  });
  const overall = new Int32Array(n);
  const street = new Int32Array(n);
  const district = new Int32Array(n);
  const city = new Int32Array(n);
  const levels: [Int32Array, number][] = [
    [street, 9],
    [district, 6],
    [city, 4],
  ];
  const groups = levels.map(() => new Map<string, { seen: number; last: number; rank: number }>());
  let last = Number.NaN;
  let rank = 0;
  for (let k = 0; k < n; k++) {
    const i = order[k] as number;
    const h = hundredths[i] as number;
    if (h !== last) {
      rank = k + 1;
      last = h;
    }
    overall[i] = rank;
    const code = codes[i] as string;
    levels.forEach(([ranks, digits], level) => {
      const key = code.slice(0, digits);
      const group = groups[level] as Map<string, { seen: number; last: number; rank: number }>;
      let g = group.get(key);
      if (!g) {
        g = { seen: 0, last: Number.NaN, rank: 0 };
        group.set(key, g);
      }
      g.seen++;
      if (h !== g.last) {
        g.rank = g.seen;
        g.last = h;
      }
      ranks[i] = g.rank;
    });
  }
  return { overall, street, district, city, order };
}

export interface CommunityResult {
  code: string;
  routine: number;
  annual: number;
  total: number;
  grade: string | undefined;
  rank: number;
  streetRank: number;
  districtRank: number;
  cityRank: number;
  /** The routine periods that were scored. */
  periodsScored: string[];
}

/** Puts validated community scores into a matrix. */
export function toMatrix(compiled: CompiledScheme, communities: readonly CommunityScores[]): ScoreMatrix {
  const periods = compiled.periods;
  const rl = compiled.routine.leaves.length;
  const al = compiled.annual.leaves.length;
  const routine = new Float64Array(communities.length * periods.length * rl).fill(Number.NaN);
  const annual = new Float64Array(communities.length * al);
  communities.forEach((community, c) => {
    periods.forEach((period, p) => {
      const round = community.routine[period];
      if (!round) return;
      compiled.routine.leaves.forEach((leaf, l) => {
        routine[(c * periods.length + p) * rl + l] = round[leaf.id] as number;
      });
    });
    compiled.annual.leaves.forEach((leaf, l) => {
      annual[c * al + l] = community.annual[leaf.id] as number;
    });
  });
  return { codes: communities.map((c) => c.code), routine, annual };
}

/** Validates (ZodError, zh-CN field messages) and scores communities; results sorted by rank, then code. */
export function scoreCommunities(compiled: CompiledScheme, input: unknown): CommunityResult[] {
  const communities = scoreListSchema(compiled).parse(input);
  const matrix = toMatrix(compiled, communities);
  const scores = scoreMatrix(compiled, matrix);
  const ranks = rankScores(matrix.codes, scores.totalHundredths);
  return Array.from(ranks.order, (i) => {
    const total = (scores.totalHundredths[i] as number) / 100;
    const community = communities[i] as CommunityScores;
    return {
      code: community.code,
      routine: roundScore(scores.routine[i] as number),
      annual: roundScore(scores.annual[i] as number),
      total,
      grade: gradeOf(total, compiled.scheme.grades),
      rank: ranks.overall[i] as number,
      streetRank: ranks.street[i] as number,
      districtRank: ranks.district[i] as number,
      cityRank: ranks.city[i] as number,
      periodsScored: compiled.periods.filter((p) => community.routine[p] !== undefined),
    };
  });
}

export interface LeafTrace {
  id: string;
  name: string;
  path: string[];
  scorer: CompiledLeaf['scorer'];
  raw: number;
  /** `raw` on 0–100: (raw − minScore) / (maxScore − minScore) × 100. */
  normalised: number;
  effectiveWeight: number;
  /** normalised × effectiveWeight: the points this score adds to its round. */
  contribution: number;
}

export interface RoundTrace {
  period: string;
  score: number;
  leaves: LeafTrace[];
}

export interface CommunityBreakdown {
  code: string;
  routineRounds: RoundTrace[];
  routine: number;
  annual: RoundTrace;
  total: number;
  /** How each part enters the total: routine × routineWeight + annual × annualWeight. */
  formula: string;
}

function traceRound(
  leaves: readonly CompiledLeaf[],
  period: string,
  scores: Record<string, number>,
): RoundTrace {
  const traced = leaves.map((leaf) => {
    const raw = scores[leaf.id] as number;
    const normalised = ((raw - leaf.minScore) / (leaf.maxScore - leaf.minScore)) * 100;
    return {
      id: leaf.id,
      name: leaf.name,
      path: leaf.path,
      scorer: leaf.scorer,
      raw,
      normalised: roundScore(normalised),
      effectiveWeight: leaf.effectiveWeight,
      contribution: normalised * leaf.effectiveWeight,
    };
  });
  const score = traced.reduce((s, t) => s + t.contribution, 0);
  return {
    period,
    score: roundScore(score),
    leaves: traced.map((t) => ({ ...t, contribution: roundScore(t.contribution) })),
  };
}

/** One community's total retraced to every raw score, weight and period (validates like `scoreCommunities`). */
export function communityBreakdown(compiled: CompiledScheme, input: unknown): CommunityBreakdown {
  const community = communityScoresSchema(compiled).parse(input);
  const rounds = compiled.periods
    .filter((p) => community.routine[p] !== undefined)
    .map((p) => traceRound(compiled.routine.leaves, p, community.routine[p] as Record<string, number>));
  const annual = traceRound(compiled.annual.leaves, 'annual', community.annual);
  const scores = scoreMatrix(compiled, toMatrix(compiled, [community]));
  const routine = roundScore(scores.routine[0] as number);
  const total = (scores.totalHundredths[0] as number) / 100;
  const { routine: r, annual: a } = compiled.scheme;
  return {
    code: community.code,
    routineRounds: rounds,
    routine,
    annual,
    total,
    formula: `${routine} × ${r.weight} + ${annual.score} × ${a.weight} = ${total}`,
  };
}
