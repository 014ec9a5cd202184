import { FolderIndex } from '../util/folder-index.js';
import path from 'node:path';
import { ruleCatalog } from '../cross/catalog.js';
import { diagnostic, NO_POSITION, type Diagnostic, type Span } from '../diagnostics.js';
import { LIMITS } from '../load/limits.js';
import { builtinForms, withRepositoryForms, type FormReference, type FormRegistry } from '../forms/registry.js';
import { parseReport } from '../load/parse.js';
import { t, words, type Lang, type MessageCode } from '../messages/index.js';
import type { SeveritySetting } from '../rules/types.js';
import { closest } from '../util/similar.js';
import { display } from './inputs.js';
import { readReportFile } from '../load/read.js';

export const CONFIG_NAMES = ['.bosoreport.yaml', '.bosoreport.yml'];

export interface RuleConfig {
  /** The config file in force, if any, as shown to the user. */
  file?: string;
  /** The folder it stands in: the reports repository whose reports are checked against each other. */
  folder?: string;
  rules: Record<string, SeveritySetting>;
  /** The forms its reports may name: the built-in ones and the folders the config lists. */
  forms: FormRegistry;
  diagnostics: Diagnostic[];
}

const SEVERITY_WORDS: Record<string, SeveritySetting> = {
  off: 'off',
  av: 'off',
  warn: 'warning',
  warning: 'warning',
  advarsel: 'warning',
  error: 'error',
  feil: 'error',
};

export function parseSeverity(word: string): SeveritySetting | undefined {
  return SEVERITY_WORDS[word.trim().toLowerCase()];
}

/** `skjemaer:` (or `forms:`, as severities take English words too) lists form folders; `regler:` sets levels. */
const FORM_KEYS = ['skjemaer', 'forms'];
const KNOWN_KEYS = ['regler', ...FORM_KEYS];

function configProblem(file: string, lang: Lang, span: Span, code: MessageCode, params: Record<string, string>, hint?: string): Diagnostic {
  const w = words(lang, code, params);
  return diagnostic(file, span, 'error', 'config/invalid', hint ? { message: w.message, hint } : w);
}

/**
 * Reads one config file: `regler:` mapping rule ids to off, warn or error, and `skjemaer:` listing
 * form folders (relative to the config's folder). The forms are loaded before the rule ids are
 * checked, since a repository's form brings rules of its own. Problems carry positions.
 */
export async function readConfig(file: string, display: string, lang: Lang): Promise<RuleConfig> {
  const builtin = await builtinForms();
  const read = readReportFile('/', file);
  if (read.kind !== 'bytes') {
    // A folder, a pipe, a file too large or not readable where the config should be: say so, exit 2.
    const reason = read.kind === 'too-large' ? t(lang, 'config/too-large', { size: read.size, limit: LIMITS.maxFileBytes }) : read.kind === 'missing' ? 'ENOENT' : read.reason;
    return { file: display, folder: path.dirname(file), rules: {}, forms: builtin, diagnostics: [configProblem(display, lang, NO_POSITION, 'config/unreadable', { reason })] };
  }
  const parsed = parseReport(display, read.bytes, lang);
  if (!parsed.report) return { file: display, folder: path.dirname(file), rules: {}, forms: builtin, diagnostics: parsed.diagnostics };
  const report = parsed.report;
  const data = report.data;
  const diagnostics: Diagnostic[] = [];
  const rules: Record<string, SeveritySetting> = {};
  const done = (forms: FormRegistry = builtin): RuleConfig => ({ file: display, folder: path.dirname(file), rules, forms, diagnostics });
  if (data === null || data === undefined) return done();
  if (typeof data !== 'object' || Array.isArray(data)) {
    diagnostics.push(configProblem(display, lang, report.spanFor([], 'value'), 'config/not-a-mapping', {}));
    return done();
  }
  const fields = data as Record<string, unknown>;
  for (const key of Object.keys(fields)) {
    if (!KNOWN_KEYS.includes(key)) diagnostics.push(configProblem(display, lang, report.spanFor([key], 'key'), 'config/unknown-key', { key }));
  }

  const refs: FormReference[] = [];
  for (const key of FORM_KEYS) {
    const list = fields[key];
    if (list === undefined || list === null) continue;
    if (!Array.isArray(list) || list.some((d) => typeof d !== 'string' || !d.trim())) {
      diagnostics.push(configProblem(display, lang, report.spanFor([key], 'value'), 'config/not-a-list', {}));
      continue;
    }
    list.forEach((dir: string, i) => refs.push({ dir: path.resolve(path.dirname(file), dir), configFile: display, span: report.spanFor([key, i], 'value') }));
  }
  const loaded = await withRepositoryForms(refs, lang);
  diagnostics.push(...loaded.diagnostics);
  const forms = loaded.registry;

  const regler = fields.regler;
  if (regler === undefined || regler === null) return done(forms);
  if (typeof regler !== 'object' || Array.isArray(regler)) {
    diagnostics.push(configProblem(display, lang, report.spanFor(['regler'], 'value'), 'config/not-a-mapping', {}));
    return done(forms);
  }
  const known = ruleCatalog(forms).map((e) => e.rule.id);
  for (const [id, value] of Object.entries(regler as Record<string, unknown>)) {
    if (!known.includes(id)) {
      const suggestion = closest(id, known);
      const hint = suggestion ? t(lang, 'schema/unknown-key.suggest', { suggestion }) : t(lang, 'config/rule-list');
      diagnostics.push(configProblem(display, lang, report.spanFor(['regler', id], 'key'), 'config/unknown-rule', { id }, hint));
      continue;
    }
    const severity = typeof value === 'string' ? parseSeverity(value) : undefined;
    if (!severity) {
      diagnostics.push(configProblem(display, lang, report.spanFor(['regler', id], 'value'), 'config/bad-severity', { id, value: String(value) }));
      continue;
    }
    rules[id] = severity;
  }
  return done(forms);
}

/**
 * Finds the config that governs a report: the nearest `.bosoreport.yaml` in the report's folder or
 * above it, like .eslintrc. Results are cached per folder, since a batch shares a few folders.
 */
export class ConfigResolver {
  private readonly byDir = new Map<string, string | null>();
  private readonly byFile = new Map<string, Promise<RuleConfig>>();

  constructor(
    private readonly cwd: string,
    private readonly lang: Lang,
    /** The folders listed so far: a run shares its listing with the other lookups that walk up from each report. */
    private readonly folders = new FolderIndex(),
  ) {}

  private find(dir: string): string | null {
    const cached = this.byDir.get(dir);
    if (cached !== undefined) return cached;
    let found: string | null = null;
    for (const name of CONFIG_NAMES) {
      // Only whether it exists: the file is read once, by readConfig, when a report needs it.
      const candidate = path.join(dir, name);
      if (this.folders.exists(candidate)) {
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

  forReport(reportFile: string): Promise<RuleConfig> {
    return this.forFolder(path.dirname(path.resolve(this.cwd, reportFile)));
  }

  /** The config in force in a folder (for `forms`, `rules`, `schema`, `init`, which name no report). */
  async forFolder(dir: string): Promise<RuleConfig> {
    const file = this.find(path.resolve(this.cwd, dir));
    if (!file) return { rules: {}, forms: await builtinForms(), diagnostics: [] };
    let config = this.byFile.get(file);
    if (!config) {
      config = readConfig(file, display(this.cwd, file), this.lang);
      this.byFile.set(file, config);
    }
    return config;
  }

  /** Every config read so far, for reporting their problems once each. */
  all(): Promise<RuleConfig[]> {
    return Promise.all(this.byFile.values());
  }
}
