/**
 * The types a form's own code (form.mjs in a reports repository) is written against, for editors
 * and type checks: `/** @type {import('bosoreport').FormModule} *\/`. See docs/forms.md.
 */
export type { FormModule, ViewHelpers } from './forms/types.js';
export type { Finding, Rule, RuleContext, RuleForm, RuleWords, HeaderFields, RuleSeverity } from './rules/types.js';
export type { Section } from './parts/figure-table.js';
export type { PeriodFacts, PeriodKind, Deadline } from './parts/period.js';
export type { NeedFigures, NeedTableFigures, Ratio } from './parts/figures.js';
export type { SharedFigures } from './parts/shared-figures.js';
export type { ActivitySummary } from './parts/activities.js';
export type { Count, CountRow, NeedRow, Activity, ActivityRow, ActivityStatus } from './parts/data.js';
export { defineRule } from './rules/types.js';

/**
 * The engine every command runs, for scripts that check reports without the CLI:
 * `const run = await checkReports(['rapporter'], { cwd: process.cwd(), lang: 'nb' })`.
 */
export { checkReports, streamReports, exitCodeOf, hasErrors } from './engine/index.js';
export type { CheckOptions, CheckRun, CheckStream, StreamOptions, CheckedFile, FileOutcome } from './engine/index.js';
export type { Diagnostic, Severity } from './diagnostics.js';
export type { ValidationResult } from './validate/validate.js';
