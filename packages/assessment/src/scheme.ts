/**
 * An assessment scheme (考核方案): a tree of indicators for the routine rounds (平时考核, monthly or
 * quarterly) and one for the annual assessment (年度考核), each leaf scored by departments, the
 * street or residents; the weight of routine against annual; grade bands; a year and a version.
 *
 * Sibling weights add up to exactly 1 (weights carry at most six decimals and are summed in whole
 * millionths); every problem is reported on the field that causes it, in zh-CN.
 */
import { z } from 'zod';
import { percentOfMillionths, toMillionths, WEIGHT_SCALE } from './decimal.js';
import type { Periodicity, Scorer } from './labels.js';

import { periodicities, residentScoreCombinations, scorers } from './labels.js';
import { gradeBands, weight } from './scores.js';

export type { Periodicity, ResidentScoreCombination, Scorer } from './labels.js';
export {
  periodicities,
  periodicityLabels,
  residentScoreCombinationLabels,
  residentScoreCombinations,
  scorerLabels,
  scorers,
} from './labels.js';

export interface Indicator {
  /** Unique within its tree: letters, digits, `-`, `_`. */
  id: string;
  name: string;
  /** Share of its parent (or of the part, at the top), 0–1. */
  weight: number;
  /** Who scores a leaf; a parent's score is its children's. */
  scorer?: Scorer | undefined;
  /** The range a leaf's raw score is entered in; default 0–100. */
  minScore?: number | undefined;
  maxScore?: number | undefined;
  /** 一票否决: failing this alone fails the community. Prohibited where a pack says so (Ezhou 第三十四条). */
  veto?: boolean | undefined;
  children?: Indicator[] | undefined;
}

export const indicator: z.ZodType<Indicator, Indicator> = z.lazy(() =>
  z.strictObject({
    id: z
      .string({ error: '指标编号必填' })
      .regex(/^[A-Za-z0-9_-]{1,40}$/, { error: '指标编号只能由字母、数字、-、_ 组成（至多40个）' }),
    name: z.string({ error: '指标名称必填' }).trim().min(1, { error: '指标名称不能为空' }),
    weight,
    scorer: z
      .enum(scorers, { error: '评分主体应为 department（职能部门）、street（街道）或 residents（居民）' })
      .optional(),
    minScore: z.number({ error: '应为数字' }).finite().optional(),
    maxScore: z.number({ error: '应为数字' }).finite().optional(),
    veto: z.boolean().optional(),
    children: z.array(indicator).optional(),
  }),
);

const indicatorTree = z.array(indicator).min(1, { error: '至少需要一个指标' });

export const assessmentSchemeDefinition = z
  .strictObject({
    name: z.string({ error: '方案名称必填' }).trim().min(1, { error: '方案名称不能为空' }),
    /** The division code the scheme is made for (a district, city or street). */
    jurisdiction: z
      .string({ error: '辖区代码必填' })
      .regex(/^\d{6}(\d{3})?$/, { error: '辖区代码应为6位或9位数字' }),
    year: z
      .number({ error: '年度应为整数' })
      .int({ error: '年度应为整数' })
      .min(2000, { error: '年度应在2000到2100之间' })
      .max(2100, { error: '年度应在2000到2100之间' }),
    version: z
      .number({ error: '版本应为正整数' })
      .int({ error: '版本应为正整数' })
      .min(1, { error: '版本应为正整数' }),
    routine: z.strictObject({
      periodicity: z.enum(periodicities, { error: '平时考核周期应为 month（按月）或 quarter（按季度）' }),
      weight,
      indicators: indicatorTree,
    }),
    annual: z.strictObject({ weight, indicators: indicatorTree }),
    grades: gradeBands,
    /** 社区考评街道: the residents' share in communities' rating of their street (Ezhou 第三十五条). */
    streetRatingResidentShare: weight.optional(),
    /**
     * How residents' feedback on closed service cases combines with a survey for the same residents'
     * score (本系统规则 R-ASM-3, `case-feedback.ts`); `pooled` when not given.
     */
    residentScoreCombination: z
      .enum(residentScoreCombinations, {
        error:
          '居民评分来源应为 pooled（调查与回访按份数合并）、surveyFirst（有调查时以调查为准）或 surveyOnly（只用调查）',
      })
      .optional(),
  })
  .superRefine((scheme, ctx) => {
    const routine = toMillionths(scheme.routine.weight);
    const annual = toMillionths(scheme.annual.weight);
    if (routine !== undefined && annual !== undefined && routine + annual !== WEIGHT_SCALE)
      ctx.addIssue({
        code: 'custom',
        path: ['annual', 'weight'],
        message: `平时考核与年度考核的占比之和应恰为100%（现为${percentOfMillionths(routine + annual)}）`,
      });
    checkTree(scheme.routine.indicators, ['routine', 'indicators'], ctx, new Set());
    checkTree(scheme.annual.indicators, ['annual', 'indicators'], ctx, new Set());
  });
export type AssessmentSchemeDefinition = z.infer<typeof assessmentSchemeDefinition>;

function checkTree(
  siblings: readonly Indicator[],
  path: (string | number)[],
  ctx: z.RefinementCtx,
  ids: Set<string>,
): void {
  let sum = 0;
  let wellFormed = true;
  siblings.forEach((node, i) => {
    const at = [...path, i];
    const m = toMillionths(node.weight);
    if (m === undefined) wellFormed = false;
    else sum += m;
    if (ids.has(node.id))
      ctx.addIssue({ code: 'custom', path: [...at, 'id'], message: `指标编号 ${node.id} 重复` });
    ids.add(node.id);
    const isLeaf = !node.children || node.children.length === 0;
    if (isLeaf) {
      if (!node.scorer)
        ctx.addIssue({ code: 'custom', path: [...at, 'scorer'], message: '末级指标须指定评分主体' });
      const min = node.minScore ?? 0;
      const max = node.maxScore ?? 100;
      if (!(max > min))
        ctx.addIssue({ code: 'custom', path: [...at, 'maxScore'], message: `满分应大于最低分（${min}）` });
    } else {
      if (node.scorer)
        ctx.addIssue({
          code: 'custom',
          path: [...at, 'scorer'],
          message: '有下级指标的指标由下级评分，不能指定评分主体',
        });
      checkTree(node.children ?? [], [...at, 'children'], ctx, ids);
    }
  });
  if (wellFormed && sum !== WEIGHT_SCALE)
    ctx.addIssue({
      code: 'custom',
      path: [...path, siblings.length - 1, 'weight'],
      message: `同级指标权重之和应恰为100%（现为${percentOfMillionths(sum)}）`,
    });
}

/** The periods of a scheme's routine rounds: `2024-01`…`2024-12`, or `2024-Q1`…`2024-Q4`. */
export function routinePeriods(year: number, periodicity: Periodicity): string[] {
  return periodicity === 'month'
    ? Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`)
    : Array.from({ length: 4 }, (_, i) => `${year}-Q${i + 1}`);
}

/** A leaf of a compiled tree: where it sits, who scores it, and how much of its part it carries. */
export interface CompiledLeaf {
  id: string;
  name: string;
  /** Ids from the top of the tree down to this leaf. */
  path: string[];
  scorer: Scorer;
  minScore: number;
  maxScore: number;
  veto: boolean;
  /** Product of the weights down the tree: this leaf's share of its part, 0–1. */
  effectiveWeight: number;
  /** The same share exactly, as a fraction over 10^(6·depth). */
  exactShare: { numerator: bigint; denominator: bigint };
}

export interface CompiledPart {
  leaves: CompiledLeaf[];
  /** Each scorer's exact share of the part, in millionths. */
  scorerShares: Record<Scorer, number>;
}

export interface CompiledScheme {
  scheme: AssessmentSchemeDefinition;
  periods: string[];
  routine: CompiledPart;
  annual: CompiledPart;
  /** Each scorer's exact share of the total, in millionths (rounded down at the seventh decimal). */
  totalScorerShares: Record<Scorer, number>;
}

function compilePart(indicators: readonly Indicator[]): CompiledPart {
  const leaves: CompiledLeaf[] = [];
  const walk = (
    nodes: readonly Indicator[],
    path: string[],
    numerator: bigint,
    denominator: bigint,
    eff: number,
  ) => {
    for (const node of nodes) {
      const n = numerator * BigInt(toMillionths(node.weight) ?? 0);
      const d = denominator * BigInt(WEIGHT_SCALE);
      const e = eff * node.weight;
      if (node.children && node.children.length > 0) {
        walk(node.children, [...path, node.id], n, d, e);
      } else {
        leaves.push({
          id: node.id,
          name: node.name,
          path: [...path, node.id],
          scorer: node.scorer ?? 'department',
          minScore: node.minScore ?? 0,
          maxScore: node.maxScore ?? 100,
          veto: node.veto ?? false,
          effectiveWeight: e,
          exactShare: { numerator: n, denominator: d },
        });
      }
    }
  };
  walk(indicators, [], 1n, 1n, 1);
  const scorerShares: Record<Scorer, number> = { department: 0, street: 0, residents: 0 };
  for (const scorer of scorers)
    scorerShares[scorer] = millionthsOf(leaves.filter((l) => l.scorer === scorer));
  return { leaves, scorerShares };
}

/** Sum of leaves' exact shares in whole millionths (a tree three levels deep can need more digits; they are cut, not rounded). */
function millionthsOf(leaves: readonly CompiledLeaf[]): number {
  if (leaves.length === 0) return 0;
  let denominator = 1n;
  for (const leaf of leaves)
    if (leaf.exactShare.denominator > denominator) denominator = leaf.exactShare.denominator;
  const numerator = leaves.reduce(
    (s, l) => s + l.exactShare.numerator * (denominator / l.exactShare.denominator),
    0n,
  );
  return Number((numerator * BigInt(WEIGHT_SCALE)) / denominator);
}

/** Validates (throws a ZodError with zh-CN field messages) and prepares a scheme for scoring. */
export function compileScheme(input: unknown): CompiledScheme {
  const scheme = assessmentSchemeDefinition.parse(input);
  const routine = compilePart(scheme.routine.indicators);
  const annual = compilePart(scheme.annual.indicators);
  const rw = toMillionths(scheme.routine.weight) ?? 0;
  const aw = toMillionths(scheme.annual.weight) ?? 0;
  const totalScorerShares: Record<Scorer, number> = { department: 0, street: 0, residents: 0 };
  for (const scorer of scorers)
    totalScorerShares[scorer] = Math.floor(
      (rw * routine.scorerShares[scorer] + aw * annual.scorerShares[scorer]) / WEIGHT_SCALE,
    );
  return {
    scheme,
    periods: routinePeriods(scheme.year, scheme.routine.periodicity),
    routine,
    annual,
    totalScorerShares,
  };
}

/**
 * Each leaf indicator's name by id, as the audit log names a score: the name alone, or with its id where
 * two leaves of the scheme share a name (so two scores never read as one).
 */
export function indicatorNames(compiled: CompiledScheme): Record<string, string> {
  const leaves = [...compiled.routine.leaves, ...compiled.annual.leaves];
  const count = new Map<string, number>();
  for (const leaf of leaves) count.set(leaf.name, (count.get(leaf.name) ?? 0) + 1);
  return Object.fromEntries(
    leaves.map((leaf) => [
      leaf.id,
      (count.get(leaf.name) ?? 0) > 1 ? `${leaf.name}（${leaf.id}）` : leaf.name,
    ]),
  );
}
