import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Diagnostic } from '../diagnostics.js';
import { ALL_RULES } from '../forms/registry.js';
import { parseReport } from '../load/parse.js';
import { t, type Lang } from '../messages/index.js';
import type { SeveritySetting } from '../rules/types.js';
import { closest } from '../util/similar.js';
import { display } from './inputs.js';

export const CONFIG_NAMES = ['.bosoreport.yaml', '.bosoreport.yml'];

export interface RuleConfig {
  /** The config file in force, if any. */
  file?: string;
  rules: Record<string, SeveritySetting>;
  diagnostics: Diagnostic[];
}

const SEVERITY_WORDS: Record<string, SeveritySetting> = {
  off: 'off', av: 'off',
  warn: 'warning', warning: 'warning', advarsel: 'warning',
  error: 'error', feil: 'error',
};

export function parseSeverity(word: string): SeveritySetting | undefined {
  return SEVERITY_WORDS[word.trim().toLowerCase()];
}

function configProblem(file: string, lang: Lang, span: Omit<Diagnostic, 'file' | 'severity' | 'ruleId' | 'message'>, code: string, params: Record<string, string>): Diagnostic {
  return { file, ...span, severity: 'error', ruleId: 'config/invalid', message: t(lang, code, params), ...(params.hint ? { hint: params.hint } : {}) };
}

/** Reads one config file: `regler:` mapping rule ids to off, warn or error. Problems carry positions. */
export function readConfig(file: string, display: string, lang: Lang): RuleConfig {
  const parsed = parseReport(display, readFileSync(file), lang);
  if (!parsed.report) return { file: display, rules: {}, diagnostics: parsed.diagnostics };
  const report = parsed.report;
  const data = report.data;
  const diagnostics: Diagnostic[] = [];
  const rules: Record<string, SeveritySetting> = {};
  const known = ALL_RULES.map((r) => r.id);
  if (data === null || data === undefined) return { file: display, rules, diagnostics };
  if (typeof data !== 'object' || Array.isArray(data)) {
    diagnostics.push(configProblem(display, lang, report.spanFor([], 'value'), 'config/not-a-mapping', {}));
    return { file: display, rules, diagnostics };
  }
  for (const key of Object.keys(data)) {
    if (key !== 'regler') {
      diagnostics.push(configProblem(display, lang, report.spanFor([key], 'key'), 'config/unknown-key', { key, hint: t(lang, 'config/unknown-key.hint') }));
    }
  }
  const regler = (data as Record<string, unknown>).regler;
  if (regler === undefined || regler === null) return { file: display, rules, diagnostics };
  if (typeof regler !== 'object' || Array.isArray(regler)) {
    diagnostics.push(configProblem(display, lang, report.spanFor(['regler'], 'value'), 'config/not-a-mapping', {}));
    return { file: display, rules, diagnostics };
  }
  for (const [id, value] of Object.entries(regler as Record<string, unknown>)) {
    if (!known.includes(id)) {
      const suggestion = closest(id, known);
      const hint = suggestion ? t(lang, 'schema/unknown-key.suggest', { suggestion }) : t(lang, 'config/rule-list');
      diagnostics.push(configProblem(display, lang, report.spanFor(['regler', id], 'key'), 'config/unknown-rule', { id, hint }));
      continue;
    }
    const severity = typeof value === 'string' ? parseSeverity(value) : undefined;
    if (!severity) {
      diagnostics.push(configProblem(display, lang, report.spanFor(['regler', id], 'value'), 'config/bad-severity', { id, value: String(value) }));
      continue;
    }
    rules[id] = severity;
  }
  return { file: display, rules, diagnostics };
}

/**
 * Finds the config that governs a report: the nearest `.bosoreport.yaml` in the report's folder or
 * above it, like .eslintrc. Results are cached per folder, since a batch shares a few folders.
 */
export class ConfigResolver {
  private readonly byDir = new Map<string, string | null>();
  private readonly byFile = new Map<string, RuleConfig>();

  constructor(
    private readonly cwd: string,
    private readonly lang: Lang,
  ) {}

  private find(dir: string): string | null {
    const cached = this.byDir.get(dir);
    if (cached !== undefined) return cached;
    let found: string | null = null;
    for (const name of CONFIG_NAMES) {
      // Only whether it exists: the file is read once, by readConfig, when a report needs it.
      const candidate = path.join(dir, name);
      if (existsSync(candidate)) {
        found = candidate;
        break;
      }
    }
    if (!found) {
      const parent = path.dirname(dir);
      found = parent === dir ? null : this.find(parent);
    }
    this.byDir.set(dir, found);
    return found;
  }

  forReport(reportFile: string): RuleConfig {
    const file = this.find(path.dirname(path.resolve(this.cwd, reportFile)));
    if (!file) return { rules: {}, diagnostics: [] };
    let config = this.byFile.get(file);
    if (!config) {
      config = readConfig(file, display(this.cwd, file), this.lang);
      this.byFile.set(file, config);
    }
    return config;
  }

  /** Every config read so far, for reporting their problems once each. */
  all(): RuleConfig[] {
    return [...this.byFile.values()];
  }
}
