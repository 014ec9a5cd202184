/** The check pipeline every command asks: inputs → config → load → form → schema → rules → figures → across reports. */
export {
  checkReports,
  collectGarbage,
  streamReports,
  exitCodeOf,
  hasErrors,
  byFile,
  STDIN_NAME,
  type CheckOptions,
  type CheckRun,
  type CheckStream,
  type StreamOptions,
  type CheckedFile,
  type Extract,
} from './check-files.js';
export { resultAgain } from './check-one.js';
export { ConfigResolver, type RuleConfig } from './config.js';
export { display } from './inputs.js';
export type { FileOutcome } from './types.js';
