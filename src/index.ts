/**
 * The library API: what a script needs to parse sources, build an edition and check a PDF, with the
 * article tree's types. The command line is built on the same functions.
 */
export { buildEdition, defineConfig, type EditionOptions } from './api.js';
export type * from './ast/types.js';
export { CONFIG_FILE, ConfigError, type ConfigIssue, loadConfig, validateConfig } from './config/load.js';
export type { Config, ConfigInput, PageGeometry } from './config/schema.js';
export type { Progress } from './io/context.js';
export { BinaryInputError, type ParseResult, parseSource } from './parse/index.js';
export type { EditionMeta, FinishOptions } from './pdf/index.js';
export type { BuildResult, Report } from './pipeline/index.js';
export {
  formatReport,
  type PdfXClaim,
  type PreflightIssue,
  type PreflightOptions,
  type PreflightReport,
  preflight,
} from './preflight/index.js';
