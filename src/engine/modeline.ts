import path from 'node:path';
import { diagnostic, type Diagnostic } from '../diagnostics.js';
import { modelineRepair } from '../init/modeline.js';
import type { Lang } from '../messages/index.js';
import { modelineRule } from '../rules/modeline.js';
import { ruleWords } from '../rules/runner.js';
import type { SeveritySetting } from '../rules/types.js';
import type { ValidationResult } from '../validate/validate.js';
import { shellArg } from '../util/shell-arg.js';
import type { FolderIndex } from '../util/folder-index.js';

/** The modeline warning for one report, when its editor help is lost (see rules/modeline.ts). */
export function modelineDiagnostics(
  cwd: string,
  file: string,
  result: ValidationResult,
  settings: Readonly<Record<string, SeveritySetting>>,
  lang: Lang,
  folders?: FolderIndex,
): Diagnostic[] {
  const severity = settings[modelineRule.id] ?? modelineRule.severity;
  // Standard input has no folder for a relative path to start from.
  if (severity === 'off' || !result.report || !result.form || file === '<stdin>') return [];
  const repair = modelineRepair(path.resolve(cwd, file), result.report.text, result.form, cwd, folders);
  if (!repair) return [];
  const { modeline, target } = repair;
  const span = { line: modeline.line, col: modeline.col, endLine: modeline.line, endCol: modeline.col + [...modeline.ref].length };
  return [diagnostic(file, span, severity, modelineRule.id, ruleWords(modelineRule, lang, { sti: modeline.ref, riktig: target, fil: shellArg(file) }))];
}
