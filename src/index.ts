/**
 * The library: extract(text) → Report, the number reader on its own, rule
 * loading, decoding, and the types of the output contract. Nothing here
 * touches process or the console.
 */
export { extract, findIndicators, type ExtractOptions } from './extract.js';
export { parseNumber, scanNumbers, type NumberMention, type ParsedNumber } from './numbers.js';
export { loadRules, defaultRules, RuleFileError, type RuleSet, type LoadOptions } from './rules/load.js';
export { decode, DecodeError, type Decoded } from './decode.js';
export { htmlToText } from './html.js';
export { splitSections } from './sections.js';
export { runChecks } from './checks/index.js';
export { VOCABULARY } from './vocabulary.js';
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
