import path from 'node:path';
import { EXIT_CLEAN, EXIT_USAGE, OutputError } from '../../../errors.js';
import { unifiedDiff } from '../../../fix/diff.js';
import { applyFixes, planFixes, type Fix, type FixKind } from '../../../fix/plan.js';
import { withModelineFix } from '../../../fix/modeline.js';
import type { Form } from '../../../forms/types.js';
import { parseReport, type ParsedReport } from '../../../load/parse.js';
import { t, type Lang } from '../../../messages/index.js';
import { KeptFile, replaceKeeping } from '../../../render/write.js';
import type { SeveritySetting } from '../../../rules/types.js';
import { validatorFor } from '../../../schema/ajv.js';
import { display, STDIN_NAME } from '../../../engine/index.js';
import { checkStream } from '../../check.js';
import { streamOutput } from '../../output.js';
import { colorFor, type CommandContext } from '../../context.js';
import { stylishPieces } from '../../formatters/stylish.js';
import { visible } from '../../../util/visible.js';
import { repairTabs, sourceText } from '../../../fix/tabs.js';
import { identifyForm } from '../../../forms/identify.js';
import type { CheckedFile } from '../../../engine/index.js';

export interface FixOptions {
  dryRun?: boolean;
  rules?: Record<string, SeveritySetting>;
  /** For `validate --fix`: write the fixes and say only the count (on stderr); validate reports the rest. */
  beforeValidate?: boolean;
}

const KINDS: readonly FixKind[] = ['innrykk', 'dato', 'tall', 'prosent', 'desimal', 'tekst', 'feltnavn', 'modeline'];
const BOM = '\ufeff';
/** Rounds of fixing: a renamed key lets the schema see the values under it, which may need fixing too. */
const ROUNDS = 4;

/**
 * The report's text with every mechanical fix made, and the fixes, round after round until none is
 * left. Starts from the report as already parsed; each round's result is parsed once, both to check
 * it still reads as YAML and for the next round.
 */
export function fixText(first: ParsedReport, form: Form, lang: Lang): { text: string; fixes: Fix[] } {
  const all: Fix[] = [];
  const validate = validatorFor(form.schemaId);
  let report = first;
  for (let round = 0; round < ROUNDS; round++) {
    if (validate(report.data) === true) break;
    const fixes = planFixes(report, form, validate.errors ?? []);
    if (fixes.length === 0) break;
    const next = parseReport(report.file, new TextEncoder().encode(applyFixes(report.text, fixes)), lang).report;
    // A fix must leave a file that still reads as YAML; if not, stop with what was good.
    if (!next) break;
    all.push(...fixes);
    report = next;
  }
  return { text: report.text, fixes: all };
}

/**
 * A report that did not read as YAML, read again with the tabs in its indentation replaced, when
 * exactly one reading is plausible; otherwise why not (said only where the tab is the error shown).
 */
function withoutTabs(f: CheckedFile, lang: Lang): { report: ParsedReport; form?: Form; text: string; fixes: Fix[] } | { note: string } | undefined {
  const text = f.bytes ? sourceText(f.bytes) : undefined;
  const tabs = text === undefined ? undefined : repairTabs(f.file, text, lang);
  if (!tabs || text === undefined) return undefined;
  if (tabs.kind !== 'fixed') {
    if (!f.diagnostics.some((d) => d.ruleId === 'yaml/tab')) return undefined;
    const at = { file: visible(f.file), line: tabs.line };
    if (tabs.kind === 'unreadable') return { note: t(lang, 'fix/tab-unreadable', at) };
    const widths = tabs.widths.map(String);
    return { note: t(lang, 'fix/tab-ambiguous', { ...at, widths: `${widths.slice(0, -1).join(', ')} ${t(lang, 'or')} ${widths[widths.length - 1]}` }) };
  }
  const report = parseReport(f.file, new TextEncoder().encode(tabs.text), lang).report;
  if (!report) return undefined;
  const form = f.forms ? identifyForm(report, f.forms, lang).form : undefined;
  return { report, ...(form ? { form } : {}), text, fixes: tabs.fixes };
}

/** «2 datoer, 1 tall»: the count per kind of fix. */
function counted(lang: Lang, fixes: readonly Fix[] | ReadonlyMap<FixKind, number>): string {
  const count = (kind: FixKind) => (fixes instanceof Map ? (fixes.get(kind) ?? 0) : (fixes as readonly Fix[]).filter((f) => f.kind === kind).length);
  return KINDS.flatMap((kind) => {
    const n = count(kind);
    return n ? [t(lang, `fix/kind-${kind}`, { n })] : [];
  }).join(', ');
}

/**
 * `bosoreport fix <paths…>`: mends the mistakes that have only one meaning (Norwegian dates, thousands
 * separators, «80 %», a decimal comma, a misspelt key with one right spelling), by exact text edits so
 * that comments, order and quoting stay. A file that does not read as YAML, or names no known form, is
 * left as it is. Ends with what was fixed and the problems that remain.
 *
 * One report at a time: each is fixed (or its diff shown) as soon as it is checked, and the text as
 * fixed is checked in its place, so the problems that remain come from the same run and a batch keeps
 * no report's text or parse past its turn.
 */
export async function runFix(paths: readonly string[], ctx: CommandContext, options: FixOptions = {}): Promise<number> {
  const { io, lang } = ctx;
  const stdout = streamOutput(io.stdout);
  const out = options.beforeValidate ? streamOutput(io.stderr) : stdout;
  const notWritten: OutputError[] = [];
  const done = new Map<FixKind, number>();
  const notes: string[] = [];
  let filesFixed = 0;
  const revise = async (f: CheckedFile): Promise<Uint8Array | undefined> => {
    const result = f.result;
    if (!result || !f.bytes) return undefined;
    // A file that does not parse may only have tabs in its indentation: replaced first, on the text.
    const start = result.report ? { report: result.report, form: result.form, text: result.report.text, fixes: [] as Fix[] } : withoutTabs(f, lang);
    if (!start) return undefined;
    if ('note' in start) {
      notes.push(start.note);
      return undefined;
    }
    const bom = f.bytes[0] === 0xef && f.bytes[1] === 0xbb && f.bytes[2] === 0xbf ? BOM : '';
    const typed = start.form ? fixText(start.report, start.form, lang) : { text: start.report.text, fixes: [] };
    const mended = start.form && f.file !== STDIN_NAME ? withModelineFix(typed, f.file, start.form, io.cwd) : typed;
    const fixed = { text: mended.text, fixes: [...start.fixes, ...mended.fixes] };
    if (fixed.fixes.length === 0) return undefined;
    const name = visible(f.file);
    if (options.dryRun) await out.write(unifiedDiff(f.file, start.text, fixed.text));
    else if (f.file === STDIN_NAME) await stdout.write(bom + fixed.text);
    else {
      try {
        await replaceKeeping(path.resolve(io.cwd, f.file), bom + fixed.text);
      } catch (error) {
        // One file that may not be written does not stop the others; it is named at the end.
        if (!(error instanceof OutputError)) throw error;
        notWritten.push(error);
        return undefined;
      }
      if (!options.beforeValidate) await out.write(`${t(lang, 'fix/file', { file: name, n: fixed.fixes.length, what: counted(lang, fixed.fixes) })}\n`);
    }
    filesFixed++;
    for (const fix of fixed.fixes) done.set(fix.kind, (done.get(fix.kind) ?? 0) + 1);
    // validate --fix checks the files itself, after this.
    return options.beforeValidate ? undefined : new TextEncoder().encode(bom + fixed.text);
  };
  const checked = await checkStream(paths, ctx, { rules: options.rules ?? {}, revise });
  try {
    await stdout.end();
    await out.end();
    const summary = done.size ? t(lang, options.dryRun ? 'fix/would' : 'fix/done', { what: counted(lang, done), files: filesFixed, total: checked.size }) : t(lang, 'fix/nothing');
    // A fixed report on standard output is the whole output: the summary goes to stderr then.
    const toStdout = checked.names().includes(STDIN_NAME) && !options.dryRun ? io.stderr : options.beforeValidate ? io.stderr : io.stdout;
    for (const note of notes) toStdout.write(`${note}\n`);
    toStdout.write(`${summary}\n`);
    for (const e of notWritten)
      io.stderr.write(
        `bosoreport: ${t(lang, e instanceof KeptFile ? (e.code === 'read-only' ? 'fix/read-only' : 'fix/hard-linked') : 'fix/unwritable', { file: visible(display(io.cwd, e.file)), reason: e.code })}\n`,
      );
    if (options.beforeValidate) return checked.usageFailed || notWritten.length ? EXIT_USAGE : EXIT_CLEAN;
    // What is left to do by hand: the same check validate makes, on the text as fixed (or as it would be).
    const remaining = streamOutput(toStdout);
    for (const piece of stylishPieces(checked.files(), { lang, color: await colorFor(io.stdout, io.env), listClean: false })) await remaining.write(piece);
    await remaining.end();
    return notWritten.length ? EXIT_USAGE : checked.exitCode;
  } finally {
    checked.close();
  }
}
