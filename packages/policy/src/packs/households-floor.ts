/**
 * A minimum a document sets "per so many households, and at least so much in all" (鄂州's facility
 * area, 威海's work funds): the quantity is the larger of the floor and the per-households figure,
 * whether a started block counts whole is the recorded reading, and the check compares the
 * community's figure with that quantity.
 */
import {
  type AnyCheckRule,
  type AnyQuantityRule,
  type Citation,
  type Interpretation,
  type MinimumCheck,
  minimumCheck,
  perHouseholds,
  quantity,
  type Setting,
} from '../engine/index.js';

export interface HouseholdsFloorSpec<Rate extends string, Floor extends string> {
  quantity: { id: string; name: string; title: string };
  check: {
    id: string;
    title: string;
    fact: MinimumCheck['fact'];
    format: MinimumCheck['format'];
  };
  citation: Citation;
  settings?: readonly Setting[];
  /** The households the rate is given per (100 for 每百户). */
  block: number;
  rate: Rate;
  floor: Floor;
  /** Whether a started block counts as a whole one. */
  startedBlock: Interpretation;
}

export function householdsFloorRules<const Rate extends string, const Floor extends string>(
  spec: HouseholdsFloorSpec<Rate, Floor>,
): [AnyQuantityRule, AnyCheckRule] {
  const settings = spec.settings === undefined ? {} : { settings: spec.settings };
  return [
    quantity({
      ...spec.quantity,
      citation: spec.citation,
      ...settings,
      facts: { households: 'households' },
      params: [spec.rate, spec.floor],
      interpretations: [spec.startedBlock],
      compute: ({ facts, params, alternative }) => {
        const byHouseholds = perHouseholds(
          facts.households,
          spec.block,
          params[spec.rate],
          alternative(spec.startedBlock.id),
        );
        return Math.max(params[spec.floor], byHouseholds);
      },
    }),
    minimumCheck({
      id: spec.check.id,
      title: spec.check.title,
      citation: spec.citation,
      binding: 'binding',
      ...settings,
      fact: spec.check.fact,
      minimum: { quantity: spec.quantity.name },
      format: spec.check.format,
    }),
  ];
}
