import { statSync } from 'node:fs';
import { browserReason } from '../../../render/reason.js';
import path from 'node:path';
import { diagnostic, NO_POSITION, type Diagnostic } from '../../../diagnostics.js';
import { BosoreportError, EXIT_USAGE } from '../../../errors.js';
import { t } from '../../../messages/index.js';
import { noBrowserMessage } from '../../browser-message.js';
import type { Form } from '../../../forms/types.js';
import { renderReport } from '../../../render/html.js';
import type { Kopi, ReportView } from '../../../render/view.js';
import type { PdfPrinter } from '../../../render/pdf.js';
import type { PdfMetadata } from '../../../render/pdf-info.js';
import { BrowserStart } from '../../../render/start.js';
import { loadTemplates } from '../../../render/templates.js';
import { writeAtomic } from '../../../render/write.js';
import type { SeveritySetting } from '../../../rules/types.js';
import type { ValidationResult } from '../../../validate/validate.js';
import { collectGarbage, display, exitCodeOf, hasErrors, resultAgain, type CheckedFile, type CheckRun } from '../../../engine/index.js';
import { check } from '../../check.js';
import { colorFor, wantsProgress, type CommandContext } from '../../context.js';
import { errorsOnly, formatStylish } from '../../formatters/stylish.js';
import { visible } from '../../../util/visible.js';

export interface RenderOptions {
  outDir: string;
  /** One report into one file; its extension (.html or .pdf) says which. */
  output?: string;
  pdf: boolean;
  html: boolean;
  templateDir?: string;
  browser?: string;
  timeoutMs: number;
  jobs: number;
  rules: Record<string, SeveritySetting>;
  /** `husbanken`: the copy to send and file; `arbeidskopi`: the working copy. */
  kopi: Kopi;
  /** Errors only on the terminal (warnings were shown by `validate`, or are not wanted). */
  quiet?: boolean;
}

/** The folder the inputs have in common, so that output mirrors the layout below it. */
export function commonBase(files: readonly string[], cwd: string): string {
  const dirs = files.map((f) => path.dirname(path.resolve(cwd, f)).split(path.sep));
  if (dirs.length === 0) return cwd;
  const first = dirs[0]!;
  let n = first.length;
  for (const d of dirs) {
    let i = 0;
    while (i < n && i < d.length && d[i] === first[i]) i++;
    n = i;
  }
  return first.slice(0, n).join(path.sep) || path.sep;
}

function problem(file: string, ruleId: string, message: string, severity: Diagnostic['severity'] = 'error', hint?: string): Diagnostic {
  return diagnostic(file, NO_POSITION, severity, ruleId, { message, hint });
}

const COLLECT_PAGES = 250;
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Runs `jobs` workers over the items, in any order (each item is independent). After an item throws,
 * no worker takes another, and the error is thrown once every worker has stopped: nothing is written
 * after the run has failed.
 */
async function pool<T>(items: readonly T[], jobs: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const workers: Promise<void>[] = [];
  let failure: { error: unknown } | undefined;
  const worker = async () => {
    while (!failure && next < items.length) {
      try {
        await work(items[next++]!);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  for (let i = 0; i < Math.max(1, Math.min(jobs, items.length)); i++) {
    // A turn of the event loop between starts: what the first worker set going (the browser's
    // start) goes on before the next worker's first item takes the thread.
    if (i > 0) await nextTurn();
    workers.push(worker());
  }
  await Promise.all(workers);
  if (failure) throw failure.error;
}

/** A report's form, kept from its check when it matched the form's schema (what render needs to know before reading it again). */
const formOf = (result: ValidationResult): Form | undefined => (result.schemaValid ? result.form : undefined);
type Printable = CheckedFile & { extract: Form };
/** A report is printed exactly when validate would pass it: its form's shape, no error of any check. */
const printable = (f: CheckedFile): f is Printable => f.extract !== undefined && !hasErrors(f);

/**
 * `bosoreport render`: HTML for every schema-valid report, and with --pdf the same HTML printed by one
 * browser for the whole batch. Output mirrors the input folders under --out-dir and is written
 * atomically. Without a browser the run ends with exit 2; the HTML asked for is still written, and
 * only what was written is said to be. Reports are read and checked first, keeping only their
 * findings, then read again one at a time to be rendered: a batch of thousands holds one page.
 */
export async function runRender(paths: readonly string[], options: RenderOptions, ctx: CommandContext): Promise<number> {
  const { lang } = ctx;
  // -o names one file, as it does for validate and init; its extension decides what is written.
  const outputExt = options.output ? path.extname(options.output).toLowerCase() : undefined;
  if (outputExt !== undefined && outputExt !== '.html' && outputExt !== '.pdf') throw new BosoreportError(t(lang, 'render/output-ext', { file: options.output! }), EXIT_USAGE);
  if (outputExt) options = { ...options, html: outputExt === '.html', pdf: outputExt === '.pdf' };
  if (!options.html && !options.pdf) throw new BosoreportError(t(lang, 'render/nothing'), EXIT_USAGE);
  if (paths.includes('-') && !options.output) throw new BosoreportError(t(lang, 'render/stdin-needs-output'), EXIT_USAGE);
  const browser = options.pdf ? new BrowserStart(options.browser, ctx.io.env, options.timeoutMs) : undefined;
  try {
    return await renderBatch(paths, options, ctx, browser);
  } finally {
    // On every way out, an error in the middle of a batch too: no browser outlives the run.
    await browser?.close();
  }
}

async function renderBatch(paths: readonly string[], options: RenderOptions, ctx: CommandContext, browser: BrowserStart | undefined): Promise<number> {
  const { io, lang } = ctx;
  const why = (error: unknown): string => browserReason(error, lang, options.timeoutMs);
  const templates = loadTemplates(options.templateDir ? path.resolve(io.cwd, options.templateDir) : undefined);
  // The browser starts at the first report that can be printed; between reports the event loop
  // turns, so it is taken over (puppeteer's messages) while the rest are checked.
  let checkedCount = 0;
  const onChecked = async (f: CheckedFile) => {
    // Render holds two checks of the batch (the terminal's language and bokmål): a collection
    // half-way between the engine's own (every 1 000) keeps the peak of 10 000 reports near validate's.
    if (++checkedCount % 1000 === 500) collectGarbage();
    if (browser && printable(f)) browser.begin();
    if (browser?.begun) await nextTurn();
  };
  const checked = await check(paths, ctx, { rules: options.rules, extract: formOf, onChecked });
  if (checked.configFailed) {
    // A broken config or form folder: nothing is rendered, so no output depends on half a setup.
    io.stdout.write(formatStylish(checked.files, { lang, color: await colorFor(io.stdout, io.env), listClean: false }));
    return EXIT_USAGE;
  }
  if (options.output && checked.files.length !== 1) throw new BosoreportError(t(lang, 'render/output-one', { count: checked.files.length, file: options.output }), EXIT_USAGE);
  let usageFailed = checked.usageFailed;
  // The document is Norwegian whatever language the terminal speaks, so its findings are too: the
  // same check in bokmål, for the notes printed in it.
  const renderable = inBokmaal(
    checked.files.filter(printable),
    lang === 'nb' ? checked : await check(paths, ctx, { rules: options.rules, extract: formOf, lang: 'nb', onChecked }),
  );
  // Every template the batch needs, compiled before anything is written.
  templates.prepare([...new Set(renderable.map((f) => f.extract))]);
  // The layout under --out-dir follows every file given, valid or not, so a report's output path
  // does not move when another report in the batch gets or loses an error.
  const base = commonBase(
    checked.files.filter((f) => !f.ioFailed).map((f) => f.file),
    io.cwd,
  );
  const outDir = path.resolve(io.cwd, options.outDir);
  const written: string[] = [];
  const extra = new Map<string, Diagnostic[]>();
  const note = (file: string, d: Diagnostic) => extra.set(file, [...(extra.get(file) ?? []), d]);
  // The Husbanken copy is named apart (g.husbanken.pdf beside g.pdf): rendering one copy never replaces the other.
  const suffix = options.kopi === 'husbanken' ? '.husbanken' : '';
  const target = (file: string, ext: string) =>
    options.output ? path.resolve(io.cwd, options.output) : path.join(outDir, path.relative(base, path.resolve(io.cwd, file)).replace(/\.ya?ml$/i, '') + suffix + ext);

  // Two reports that would land on the same output file (a.yaml and a.yml) must not overwrite each other.
  const seen = new Map<string, string>();
  for (const f of renderable) {
    const out = target(f.file, '.html');
    const other = seen.get(out);
    if (other) throw new BosoreportError(t(lang, 'render/same-output', { a: other, b: f.file, out: display(io.cwd, out) }), EXIT_USAGE);
    seen.set(out, f.file);
  }

  // The printer, asked for once: why there is none is told once, at the batch's first report.
  let printer: Promise<PdfPrinter | undefined> | undefined;
  const printerOf = (browser: BrowserStart) =>
    (printer ??= browser.ready(Math.min(options.jobs, renderable.length)).then(({ lookup, printer, error }) => {
      const first = renderable[0]!.file;
      if (printer) return printer;
      usageFailed = true;
      if (!lookup.chosen) note(first, problem(first, 'render/no-browser', noBrowserMessage(lang, lookup), 'error', t(lang, 'render/no-browser.hint')));
      else
        note(
          first,
          problem(first, 'render/browser-failed', t(lang, 'render/browser-failed', { path: lookup.chosen.path, reason: why(error) }), 'error', t(lang, 'render/no-browser.hint')),
        );
      return undefined;
    }));
  const progress = browser && wantsProgress(io) && renderable.length > 1;
  let done = 0;
  let rendered = 0;
  // What the checks left behind goes before the pages add theirs.
  if (renderable.length >= COLLECT_PAGES) collectGarbage();
  // One report at a time (two pages print at once with --jobs 2): read again, rendered, written, let go.
  await pool(browser && renderable.length > options.jobs ? largestFirst(renderable, io.cwd) : renderable, browser ? options.jobs : 1, async (f) => {
    const result = resultAgain(io.cwd, 'nb', f);
    if (!result?.schemaValid || hasErrors(result)) {
      // Changed on disk since it was checked, for the worse: nothing is written from a report with errors.
      usageFailed = true;
      note(f.file, problem(f.file, 'render/changed', t(lang, 'render/changed')));
      return;
    }
    // Each page leaves a few hundred kB behind, which V8 would let the heap grow by: a collection every 250.
    if (++rendered % COLLECT_PAGES === 0) collectGarbage();
    const page = renderReport({ ...result, diagnostics: f.diagnostics }, templates, { kopi: options.kopi });
    if (options.html) {
      await writeAtomic(target(f.file, '.html'), page.html);
      written.push(display(io.cwd, target(f.file, '.html')));
    }
    if (!browser) return;
    const ready = await printerOf(browser);
    if (!ready) return;
    try {
      const printed = await ready.print(page.html, pdfMetadata(page.view, result.form!), options.timeoutMs);
      await writeAtomic(target(f.file, '.pdf'), printed.pdf);
      written.push(display(io.cwd, target(f.file, '.pdf')));
      for (const url of printed.blocked) note(f.file, problem(f.file, 'render/blocked-request', t(lang, 'render/blocked-request', { url }), 'warning'));
    } catch (error) {
      usageFailed = true;
      note(f.file, problem(f.file, 'render/pdf-failed', t(lang, 'render/pdf-failed', { reason: why(error) })));
    }
    if (progress) io.stderr.write(`\r${t(lang, 'render/progress', { done: ++done, total: renderable.length })}`);
  });
  if (progress) io.stderr.write('\r\x1b[K');

  const outcomes = checked.files.map((f) => ({ ...f, diagnostics: [...f.diagnostics, ...(extra.get(f.file) ?? [])] }));
  const shown = options.quiet ? errorsOnly(outcomes) : outcomes;
  const color = await colorFor(io.stdout, io.env);
  io.stdout.write(formatStylish(shown, { lang, color, listClean: false }));
  for (const file of written.sort()) io.stdout.write(`${t(lang, 'render/wrote', { file: visible(file) })}\n`);
  for (const f of checked.files.filter((x) => x.extract !== undefined && hasErrors(x))) io.stdout.write(`${t(lang, 'render/not-written', { file: visible(f.file) })}\n`);
  return exitCodeOf({ usageFailed, files: outcomes });
}

/**
 * The reports to print, as the bokmål check found them, with only what rendering needs (its findings,
 * and what reading it again needs): the rest of that check is let go before the pages are made.
 */
function inBokmaal(printable: readonly Printable[], documents: CheckRun): Printable[] {
  const byFile = new Map(documents.files.map((f) => [f.file, f]));
  return printable.flatMap((f) => {
    const nb = byFile.get(f.file);
    if (!nb?.extract) return [];
    // A report from standard input cannot be read again: the engine kept its result.
    return [{ file: nb.file, diagnostics: nb.diagnostics, rules: nb.rules, forms: nb.forms, extract: nb.extract as Form, ...(nb.result ? { result: nb.result } : {}) }];
  });
}

/**
 * The longest prints first, so that pages printing side by side end together rather than one long
 * report printing alone at the end (the file's size stands for its print's length).
 */
function largestFirst<T extends { file: string }>(files: readonly T[], cwd: string): T[] {
  const size = (f: T) => {
    try {
      return statSync(path.resolve(cwd, f.file)).size;
    } catch {
      return 0;
    }
  };
  return files
    .map((f) => ({ f, size: size(f) }))
    .sort((a, b) => b.size - a.size)
    .map(({ f }) => f);
}

/** What the PDF's document information says, from the page's view. */
function pdfMetadata(view: ReportView, form: Form): PdfMetadata {
  return {
    title: view.tittel,
    author: view.utfyltAv,
    subject: view.emne,
    // The working copy says what it is in the file's metadata too, for an archive that indexes it.
    keywords: ['Boligsosialt utviklingsprogram', 'Husbanken', view.kommune, String(view.aar), form.id, ...(view.arbeidskopi ? ['Arbeidskopi'] : [])],
    // The form's text is bokmål (/Lang nb); answers in nynorsk add their language.
    ...((view.rapport as { spraak?: unknown } | null)?.spraak === 'nn' ? { languages: ['nn'] } : {}),
  };
}
