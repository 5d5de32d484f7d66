/**
 * Readings of ambiguous wording in the rules on the registers, made selectable the way the policy
 * packs' are (packages/policy/INTERPRETATIONS.md): each has an id, the reading chosen and its
 * alternative; a caller asks for the alternative with `readings: { [id]: 'alternative' }` (the API's
 * `people.organisation`, the console's organisation page), and a finding that depends on one says which
 * reading it applied.
 */
import { ezhouUnitsCoincide } from '@shequ/domain';
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
 * Ezhou 第七条（二）'s 重合, written once in `@shequ/domain` because the Ezhou pack of `@shequ/policy`
 * declares the same reading on `ezhou.groups-and-grids-coincide`: one `readings` switches both.
 */
export const unitsCoincide = ezhouUnitsCoincide satisfies RegisterInterpretation;

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
