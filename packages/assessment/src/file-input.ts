/**
 * The `shequ.assessment-input/v1` format of docs/interfaces.md §6 — a year, a simple scheme
 * (routine/annual weights, residents' shares, grade bands) and communities' rounds — and its
 * scoring: results with grade, rank and street rank, and the scheme's findings.
 */
import { type PackRegistry, shippedRegistry } from '@shequ/policy';
import { z } from 'zod';
import { rankScores, refuseRepeatedCommunities } from './compute.js';
import { toMillionths, WEIGHT_SCALE } from './decimal.js';
import type { SchemeFinding } from './findings.js';
import {
  assessmentRound,
  comprehensiveScoreOfValid,
  gradeBands,
  gradeOf,
  roundScore,
  weight,
} from './scores.js';

export const ASSESSMENT_INPUT_FORMAT = 'shequ.assessment-input/v1';

export const assessmentFileScheme = z
  .strictObject({
    routineWeight: weight,
    annualWeight: weight,
    residentShareRoutine: weight,
    residentShareAnnual: weight,
    grades: gradeBands.optional(),
    /** 社区考评街道 residents' share, checked by Ezhou 第三十五条 when given. */
    streetRatingResidentShare: weight.optional(),
  })
  .superRefine((s, ctx) => {
    const routine = toMillionths(s.routineWeight);
    const annual = toMillionths(s.annualWeight);
    if (routine !== undefined && annual !== undefined && routine + annual !== WEIGHT_SCALE)
      ctx.addIssue({
        code: 'custom',
        path: ['annualWeight'],
        message: '平时考核与年度考核的占比之和应恰为100%',
      });
  });
export type AssessmentFileScheme = z.infer<typeof assessmentFileScheme>;

export const assessmentFileInput = z.strictObject({
  format: z.literal(ASSESSMENT_INPUT_FORMAT, { error: `应为 ${ASSESSMENT_INPUT_FORMAT}` }).optional(),
  year: z
    .number({ error: '年度应为整数' })
    .int({ error: '年度应为整数' })
    .min(2000, { error: '年度应在2000到2100之间' })
    .max(2100, { error: '年度应在2000到2100之间' }),
  scheme: assessmentFileScheme,
  communities: z
    .array(
      z.strictObject({
        code: z.string({ error: '社区代码必填' }).regex(/^\d{12}$/, { error: '社区代码应为12位数字' }),
        routine: z.array(assessmentRound).min(1, { error: '至少需要一次平时考核' }),
        annual: assessmentRound,
      }),
    )
    .min(1, { error: '至少需要一个社区' })
    .superRefine(refuseRepeatedCommunities),
});
export type AssessmentFileInput = z.infer<typeof assessmentFileInput>;

export interface AssessmentFileResult {
  code: string;
  routine: number;
  annual: number;
  total: number;
  grade: string | null;
  rank: number;
  streetRank: number;
}

export interface AssessmentFileOutput {
  year: number;
  scheme: { findings: SchemeFinding[] };
  results: AssessmentFileResult[];
}

/** Problems with choosing the packs, each on the field that causes it. */
export class SchemePacksError extends Error {
  constructor(public readonly issues: { path: string; message: string }[]) {
    super(issues.map((i) => `${i.path}: ${i.message}`).join('\n'));
    this.name = 'SchemePacksError';
  }
}

/**
 * The pack chain the file's scheme is checked against: `jurisdiction` when given (a shipped pack's
 * code), else the packs of the communities' codes, which must all be the same.
 */
export function schemePacksOfFile(
  input: AssessmentFileInput,
  jurisdiction?: string,
  registry: PackRegistry = shippedRegistry,
): string | undefined {
  if (jurisdiction !== undefined) {
    if (!registry.packs[jurisdiction])
      throw new SchemePacksError([
        {
          path: '--jurisdiction',
          message: `没有代码为 ${jurisdiction} 的政策包（可用：${Object.keys(registry.packs).join('、')}）`,
        },
      ]);
    return jurisdiction;
  }
  const chains = input.communities.map((c) => registry.packsFor(c.code).map((p) => p.code));
  const first = (chains[0] ?? []).join('>');
  const differing = chains.findIndex((chain) => chain.join('>') !== first);
  if (differing >= 0)
    throw new SchemePacksError([
      {
        path: `communities.${differing}.code`,
        message: `与第一个社区适用的政策包不同（${first || '无'} / ${chains[differing]?.join('>') || '无'}），一个文件中的社区须适用同一组政策包，或用 --jurisdiction 指定`,
      },
    ]);
  return chains[0]?.at(-1);
}

function documentDate(registry: PackRegistry, pack: string, title: string): string {
  const documents = registry.packs[pack]?.documents ?? [];
  return (documents.find((d) => d.title === title) ?? documents[0])?.inForceFrom ?? '';
}

/** The jurisdiction's rules on schemes applied to a simple scheme, each with its document's date. */
export function simpleSchemeFindings(
  scheme: AssessmentFileScheme,
  options: { jurisdiction: string | undefined; asOf: string; registry?: PackRegistry },
): SchemeFinding[] {
  if (options.jurisdiction === undefined) return [];
  const registry = options.registry ?? shippedRegistry;
  const { grades: _grades, ...weights } = scheme;
  return registry
    .assessmentSchemeFindings(weights, { jurisdiction: options.jurisdiction, asOf: options.asOf })
    .filter((r) => r.status !== 'unknown' || scheme.streetRatingResidentShare !== undefined)
    .map((r) => ({ ...r, documentDate: documentDate(registry, r.jurisdiction, r.citation.document) }));
}

/** Scores a validated file (docs/interfaces.md §6); findings are read as of the last day of its year. */
export function assessFile(
  input: AssessmentFileInput,
  /** `registry`: the packs to choose from, the shipped ones by default (`shequ assess --pack`). */
  options: { jurisdiction?: string; registry?: PackRegistry } = {},
): AssessmentFileOutput {
  const registry = options.registry ?? shippedRegistry;
  const jurisdiction = schemePacksOfFile(input, options.jurisdiction, registry);
  const findings = simpleSchemeFindings(input.scheme, {
    jurisdiction,
    asOf: `${input.year}-12-31`,
    registry,
  });
  const n = input.communities.length;
  const codes = input.communities.map((c) => c.code);
  const scored = input.communities.map((c) => comprehensiveScoreOfValid(c, input.scheme));
  const hundredths = new Int32Array(n);
  scored.forEach((s, i) => {
    hundredths[i] = Math.round(roundScore(s.total) * 100);
  });
  const ranks = rankScores(codes, hundredths);
  const results = Array.from(ranks.order, (i): AssessmentFileResult => {
    const s = scored[i] as { routine: number; annual: number; total: number };
    const total = roundScore(s.total);
    return {
      code: codes[i] as string,
      routine: roundScore(s.routine),
      annual: roundScore(s.annual),
      total,
      grade: input.scheme.grades ? (gradeOf(total, input.scheme.grades) ?? null) : null,
      rank: ranks.overall[i] as number,
      streetRank: ranks.street[i] as number,
    };
  });
  return { year: input.year, scheme: { findings }, results };
}
