/**
 * An assessment scheme checked against its jurisdiction's rules. The weights and shares go to
 * `@shequ/policy` (Ezhou 第三十四条 routine weight and residents' shares, 第三十五条 street rating);
 * the rules about the scheme's shape are here, each with its citation: no 一票否决 indicator
 * (Ezhou 第三十四条), one integrated assessment a year (Weihai 二（八）), residents' satisfaction as
 * the main standard (Weihai 三（四）, the 2013 regulation 第四十一条). Every finding carries the date
 * its document came into force. A scheme may be published only while no binding finding fails.
 */
import {
  assessmentSchemeFindings,
  type Binding,
  type CheckResult,
  type CheckStatus,
  documentInForce,
  packChain,
  packsFor,
  shippedPacks,
} from '@shequ/policy';
import { exactRatio, percentOfMillionths, WEIGHT_SCALE } from './decimal.js';
import type { CompiledScheme } from './scheme.js';
import { scorerLabels, scorers } from './scheme.js';

export interface SchemeFinding extends CheckResult {
  /** The day the cited document came into force (ISO date). */
  documentDate: string;
  /** For a finding about one indicator: its path in the scheme (`routine.indicators.0.children.2`). */
  field?: string;
}

const EZHOU = '420700';
const WEIHAI = '371000';
const CITY_2013 = '000013';

interface ShapeRule {
  id: string;
  pack: string;
  article: string;
  quote: string;
  title: string;
  binding: Binding;
  evaluate(compiled: CompiledScheme): {
    status: CheckStatus;
    expected: string;
    actual: string;
    message: string;
    field?: string;
  };
}

function vetoIndicators(compiled: CompiledScheme): { field: string; name: string }[] {
  const out: { field: string; name: string }[] = [];
  const walk = (nodes: CompiledScheme['scheme']['routine']['indicators'], path: string) =>
    nodes.forEach((node, i) => {
      const here = `${path}.${i}`;
      if (node.veto) out.push({ field: here, name: node.name });
      if (node.children) walk(node.children, `${here}.children`);
    });
  walk(compiled.scheme.routine.indicators, 'routine.indicators');
  walk(compiled.scheme.annual.indicators, 'annual.indicators');
  return out;
}

/** Residents' share of the total, and whether it is at least every other scorer's. */
function satisfactionIsMain(compiled: CompiledScheme): { holds: boolean; actual: string } {
  const shares = compiled.totalScorerShares;
  const others = scorers.filter((s) => s !== 'residents');
  const holds = others.every((s) => shares.residents >= shares[s]);
  const actual = scorers.map((s) => `${scorerLabels[s]}${percentOfMillionths(shares[s])}`).join('，');
  return { holds, actual };
}

const shapeRules: ShapeRule[] = [
  {
    id: 'ezhou.assessment-no-veto',
    pack: EZHOU,
    article: '第三十四条',
    quote: '取消对社区工作的“一票否决”事项。',
    title: '社区工作综合考核不得设“一票否决”事项',
    binding: 'binding',
    evaluate(compiled) {
      const vetoes = vetoIndicators(compiled);
      const first = vetoes[0];
      return first
        ? {
            status: 'fail',
            expected: '无“一票否决”指标',
            actual: vetoes.map((v) => v.name).join('、'),
            message: `不符合：指标「${first.name}」设为“一票否决”，鄂州已取消对社区工作的“一票否决”事项。`,
            field: `${first.field}.veto`,
          }
        : {
            status: 'pass',
            expected: '无“一票否决”指标',
            actual: '无',
            message: '符合：方案没有“一票否决”指标。',
          };
    },
  },
  {
    id: 'weihai.single-integrated-assessment',
    pack: WEIHAI,
    article: '二（八）',
    quote: '其他针对社区的考核评比活动，由各区市、开发区统一纳入综合性考评，每年一次性实施。',
    title: '针对社区的考核评比统一纳入综合性考评，每年一次性实施',
    binding: 'binding',
    evaluate(compiled) {
      // One scheme holds every department's indicators, so it is one integrated assessment. Routine
      // rounds that carry weight are read as score collection inside it, but the text asks for one
      // assessment a year: warn so the district confirms the rounds are not separate 考评.
      const routine = compiled.scheme.routine.weight;
      if (routine === 0)
        return {
          status: 'pass',
          expected: '每年一次综合性考评',
          actual: '仅年度考核计分',
          message: '符合：方案为每年一次的综合性考评。',
        };
      return {
        status: 'warn',
        expected: '每年一次综合性考评',
        actual: `平时考核占${percentOfMillionths(routine * WEIGHT_SCALE)}`,
        message:
          '请确认：平时考核仅作为年度综合性考评的计分依据，不单独组织考核评比（威海要求每年一次性实施）。',
        field: 'routine.weight',
      };
    },
  },
  {
    id: 'weihai.satisfaction-main-standard',
    pack: WEIHAI,
    article: '三（四）',
    quote: '要完善评价机制，逐步建立以社区居民满意度为主要衡量标准的社区治理评价体系和评价结果公开机制。',
    title: '以社区居民满意度为主要衡量标准',
    binding: 'guiding',
    evaluate(compiled) {
      const { holds, actual } = satisfactionIsMain(compiled);
      return {
        status: holds ? 'pass' : 'warn',
        expected: '居民打分占比不低于其他任一评分主体',
        actual,
        message: holds
          ? '符合：居民满意度是占比最大的评分来源。'
          : '居民满意度不是占比最大的评分来源（威海要求逐步以其为主要衡量标准）。',
      };
    },
  },
  {
    id: 'city2013.satisfaction-main-standard',
    pack: CITY_2013,
    article: '第四十一条',
    quote: '制定以群众满意度为主要标准的考核办法和指标体系',
    title: '考核办法和指标体系以群众满意度为主要标准',
    binding: 'binding',
    evaluate(compiled) {
      const { holds, actual } = satisfactionIsMain(compiled);
      return {
        status: holds ? 'pass' : 'fail',
        expected: '居民打分占比不低于其他任一评分主体',
        actual,
        message: holds
          ? '符合：群众满意度是占比最大的评分来源。'
          : '不符合：群众满意度应为考核的主要标准，现不是占比最大的评分来源。',
      };
    },
  },
];

function documentOf(
  packCode: string,
  title?: string,
): { title: string; inForceFrom: string; inForceUntil?: string } {
  const documents = shippedPacks[packCode]?.documents ?? [];
  const document = documents.find((d) => d.title === title) ?? documents[0];
  return document ?? { title: title ?? '', inForceFrom: '' };
}

/** The shipped packs a scheme made for `jurisdiction` (6 or 9 digits, or a pack code such as 000013) comes under. */
export function schemePackCodes(jurisdiction: string): string[] {
  if (shippedPacks[jurisdiction]) return packChain(jurisdiction).map((p) => p.code);
  return packsFor(jurisdiction.padEnd(12, '0')).map((p) => p.code);
}

/** The findings of every rule of the scheme's jurisdiction on schemes, as of `asOf` (default: 1 January of the scheme's year). */
export function schemeFindings(compiled: CompiledScheme, options: { asOf?: string } = {}): SchemeFinding[] {
  const { scheme } = compiled;
  const asOf = options.asOf ?? `${scheme.year}-01-01`;
  const packCodes = schemePackCodes(scheme.jurisdiction);
  const share = (part: 'routine' | 'annual') => compiled[part].scorerShares.residents;
  const policyFindings =
    packCodes.length === 0
      ? []
      : assessmentSchemeFindings(
          {
            routineWeight: scheme.routine.weight,
            annualWeight: scheme.annual.weight,
            residentShareRoutine: exactRatio(BigInt(share('routine')), BigInt(WEIGHT_SCALE)),
            residentShareAnnual: exactRatio(BigInt(share('annual')), BigInt(WEIGHT_SCALE)),
            ...(scheme.streetRatingResidentShare !== undefined
              ? { streetRatingResidentShare: scheme.streetRatingResidentShare }
              : {}),
          },
          { jurisdiction: packCodes.at(-1) as string, asOf },
        ).filter((r) => r.status !== 'unknown' || r.rule !== 'ezhou.street-rating-resident-share');
  const fields: Record<string, string> = {
    'ezhou.routine-assessment-weight': 'routine.weight',
    'ezhou.resident-scoring-share-routine': 'routine.indicators',
    'ezhou.resident-scoring-share-annual': 'annual.indicators',
    'ezhou.street-rating-resident-share': 'streetRatingResidentShare',
  };
  const fromPolicy: SchemeFinding[] = policyFindings.map((r) => ({
    ...r,
    documentDate: documentOf(r.jurisdiction, r.citation.document).inForceFrom,
    ...(fields[r.rule] ? { field: fields[r.rule] } : {}),
  }));
  const fromShape: SchemeFinding[] = shapeRules
    .filter((rule) => packCodes.includes(rule.pack))
    .map((rule) => {
      const document = documentOf(rule.pack);
      const outcome = documentInForce(document, asOf)
        ? rule.evaluate(compiled)
        : {
            status: 'not-applicable' as const,
            expected: '',
            actual: '',
            message: `${document.title}在${asOf}尚未施行或已失效。`,
          };
      return {
        rule: rule.id,
        jurisdiction: rule.pack,
        citation: { document: document.title, article: rule.article, quote: rule.quote },
        title: rule.title,
        binding: rule.binding,
        documentDate: document.inForceFrom,
        ...outcome,
      };
    });
  return [...fromPolicy, ...fromShape];
}

/** A scheme may be published only while no binding rule fails. */
export function publicationBlockers(findings: readonly SchemeFinding[]): SchemeFinding[] {
  return findings.filter((f) => f.status === 'fail');
}

export interface PublicationBasis {
  document: string;
  article: string;
  quote: string;
}

const publicationBases: { pack: string; article: string; quote: string }[] = [
  { pack: EZHOU, article: '第三十四条', quote: '社区工作综合考核评比结果应面向社会公开公示。' },
  {
    pack: WEIHAI,
    article: '三（四）',
    quote: '逐步建立以社区居民满意度为主要衡量标准的社区治理评价体系和评价结果公开机制。',
  },
];

/**
 * The provision a scheme's published results cite: the first pack over the scheme's jurisdiction that
 * asks for assessment results to be made public (Ezhou 第三十四条, Weihai 三（四））; none where no
 * shipped document does, so a publication never cites another city's rules.
 */
export function resultsPublicationBasis(jurisdiction: string): PublicationBasis | undefined {
  const packCodes = schemePackCodes(jurisdiction);
  const basis = publicationBases.find((b) => packCodes.includes(b.pack));
  if (!basis) return undefined;
  return { document: documentOf(basis.pack).title, article: basis.article, quote: basis.quote };
}
