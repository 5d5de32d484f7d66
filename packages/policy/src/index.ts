export {
  type ChainDescription,
  type ChainDiff,
  type DescriptionRegistry,
  type DiffState,
  describeChain,
  diffChains,
  documentInForce,
  type ParameterDescription,
  type ParameterDiffRow,
  type RuleDescription,
  type RuleDifference,
  type RuleDiffRow,
  ruleParameter,
  ruleTopic,
} from './describe.js';
export * from './engine/index.js';
export * from './packs/index.js';
export {
  type ParameterEnterer,
  type ParameterEntry,
  type ParameterEntryInput,
  type ParameterPrecedence,
  parameterAmount,
  parameterEntryInput,
  parameterEntryRefusal,
  parameterEntryRule,
  parameterValuesInForce,
  type SuppliedParameter,
  suppliedParameters,
  suppliedParametersFor,
  suppliedParams,
} from './supplied-parameters.js';
export {
  type ArticleTexts,
  allDocumentTexts,
  articleLabel,
  articleText,
  citationLabel,
  correctArticleText,
  documentTexts,
  type TextCorrection,
  textCorrections,
} from './texts/index.js';
