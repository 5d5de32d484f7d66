/**
 * Readings of ambiguous wording in the rules on the registers, made selectable the way the policy
 * packs' are (packages/policy/INTERPRETATIONS.md): each has an id, the reading chosen and its
 * alternative; a caller asks for the alternative with `readings: { [id]: 'alternative' }` (the API's
 * `people.organisation`, the console's organisation page), and a finding that depends on one says which
 * reading it applied.
 */
import { z } from 'zod';

/** Ambiguous wording and the two ways of reading it; `chosen` applies unless the caller asks otherwise. */
export interface RegisterInterpretation {
  id: string;
  /** Short zh-CN name of the question. */
  name: string;
  chosen: string;
  alternative: string;
}

export type RegisterReading = 'chosen' | 'alternative';

/** The reading a finding applied, as the policy packs' explanations list theirs. */
export type AppliedInterpretation = RegisterInterpretation & { reading: RegisterReading };

/**
 * Ezhou 第七条（二）: "一般情况下，居民小组、网格站、物业服务区域应尽可能重合，居民小组长可同时兼任网格站长和
 * 业主委员会主任". 重合 is the word for figures that cover each other exactly, and the clause after it
 * lets one person lead the group, the grid station and the owners' committee at once — natural when the
 * three are one and the same place. So the chosen reading is the same boundaries, one to one. The
 * alternative reads 重合 as fitting together without crossing (嵌套): 第七条（一） has one 网格长 run
 * "若干个网格站" and the groups are sized by households or by 物业区域 (300—500户), which suits a grid made
 * of whole groups, or a property area inside a grid, as well. The Ezhou pack of `@shequ/policy` declares the
 * same reading (same id and texts) on `ezhou.groups-and-grids-coincide`, so one `readings` switches both;
 * the API's governs test holds them equal.
 */
export const unitsCoincide = {
  id: 'ezhou.units-coincide',
  name: '第七条（二）“居民小组、网格站、物业服务区域应尽可能重合”：“重合”指边界相同，还是互不跨越',
  chosen: '边界相同：每个网格恰与一个户数相同的居民小组、一个楼栋相同的物业服务区域一一对应',
  alternative:
    '互相嵌套、互不跨越：每个居民小组只在一个网格内，网格由整个的居民小组组成（户数合计相同）；物业服务区域与网格不跨越彼此的边界（区域在一个网格内，或网格在一个区域内）',
} as const satisfies RegisterInterpretation;

/** Every reading the rules on the registers make, by id. */
export const registerInterpretations: readonly RegisterInterpretation[] = [unitsCoincide];

/** The readings a caller asks for, by interpretation id. */
export type RegisterReadings = Readonly<Record<string, RegisterReading>>;

/** The caller's readings, checked: each id must be a reading of these rules, each value chosen or alternative. */
export const registerReadings = z
  .record(
    z.string(),
    z.enum(['chosen', 'alternative'], { error: '应为 "chosen"（默认理解）或 "alternative"（另一种理解）' }),
  )
  .superRefine((readings, ctx) => {
    for (const id of Object.keys(readings)) {
      if (!registerInterpretations.some((i) => i.id === id))
        ctx.addIssue({
          code: 'custom',
          path: [id],
          message: `没有此解释（可选：${registerInterpretations.map((i) => i.id).join('、')}）`,
        });
    }
  });

/** How a rule is told which readings to apply; absent, every chosen reading. */
export interface ReadingOptions {
  readings?: RegisterReadings | undefined;
}

/** The reading asked for of `interpretation`, as the finding lists it. */
export function applied(
  interpretation: RegisterInterpretation,
  options: ReadingOptions,
): AppliedInterpretation {
  return { ...interpretation, reading: options.readings?.[interpretation.id] ?? 'chosen' };
}
