/**
 * The library: extract(text) → Report, the number reader on its own, rule
 * loading, decoding, and the types of the output contract. Nothing here
 * touches process or the console.
 */
export { extract, findIndicators, type ExtractOptions } from './extract/pipeline.js';
export { parseNumber, scanNumbers, type NumberMention, type ParsedNumber } from './extract/numbers/scan.js';
export { loadRules, defaultRules, RuleFileError, type RuleSet, type LoadOptions } from './rules/load.js';
export { decode, DecodeError, type Decoded } from './input/decode.js';
export { htmlToText } from './input/html.js';
export { splitSections } from './extract/sections.js';
export { runChecks } from './checks/index.js';
export { buildRegistry, variableOf, type Registry } from './rules/registry.js';
export { choose as chooseWideValue, type Choice as WideChoice } from './output/wide.js';
export { codebook, codebookEntries, type CodebookEntry, type CodebookFormat } from './output/codebook.js';
export type { IndicatorSpec, PartSet, RateDefinition } from './rules/schema.js';
export {
  ReportSchema,
  IndicatorSchema,
  CheckSchema,
  SectionSchema,
  type Report,
  type Indicator,
  type Check,
  type CheckStatus,
  type Section,
} from './report.js';
