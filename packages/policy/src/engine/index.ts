export {
  type ChainParameter,
  type ChainRule,
  compile,
  type DisabledRule,
  EvaluationInputError,
  type Evaluator,
} from './compile.js';
export {
  check,
  citeFrom,
  codeDepth,
  definePack,
  disableRule,
  later,
  nestsUnder,
  type PackDefinition,
  PackDefinitionError,
  parameter,
  parametersFrom,
  quantity,
  RULE_ID_FORM,
  replaceParameter,
  replaceRule,
  rulePrefix,
  value,
} from './define.js';
export { compareProducts, exactDifference, multiplyDivide } from './exact.js';
export { type FactPath, type FactValue, isFactPath } from './facts.js';
export { fmt } from './format.js';
export { perHouseholds, staffingRangeOutcome, workersForHouseholds } from './ratios.js';
export {
  type Bound,
  type FlagCheck,
  type FlagFactPath,
  flagCheck,
  type MaximumCheck,
  type MinimumCheck,
  maximumCheck,
  minimumCheck,
  type NumericFactPath,
  type RangeCheck,
  rangeCheck,
  type ShareCheck,
  shareCheck,
} from './shapes.js';
export * from './types.js';
