import path from 'node:path';
import { diagnostic, NO_POSITION, type Diagnostic } from '../../../diagnostics.js';
import { BosoreportError, EXIT_USAGE } from '../../../errors.js';
import { t } from '../../../messages/index.js';
import { findBrowser } from '../../../render/browser.js';
import { noBrowserMessage } from '../../browser-message.js';
import { renderReport } from '../../../render/html.js';
import type { Kopi } from '../../../render/view.js';
import { PdfPrinter } from '../../../render/pdf.js';
import type { PdfMetadata } from '../../../render/pdf-info.js';
import { loadTemplates } from '../../../render/templates.js';
import { writeAtomic } from '../../../render/write.js';
import type { SeveritySetting } from '../../../rules/types.js';
import { display, exitCodeOf, hasErrors, type CheckedFile } from '../../../engine/index.js';
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

/** Runs `jobs` workers over the items; order of completion does not matter, each item is independent. */
async function pool<T>(items: readonly T[], jobs: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(jobs, items.length)) }, worker));
}

/**
 * `bosoreport render`: HTML for every schema-valid report, and with --pdf the same HTML printed by one
 * browser for the whole batch. Output mirrors the input folders under --out-dir and is written
 * atomically. Without a browser the run ends with exit 2; the HTML asked for is still written, and
 * only what was written is said to be.
 */
export async function runRender(paths: readonly string[], options: RenderOptions, ctx: CommandContext): Promise<number> {
  const { io, lang } = ctx;
  /** puppeteer's own words, except for a timeout, which the user sets with --timeout. */
  const why = (error: unknown): string => {
    const first = ((error as Error)?.message ?? String(error)).split('\n')[0]!.replace(/\.+$/, '');
    return /timed? ?out/i.test(first) ? t(lang, 'render/timed-out', { seconds: options.timeoutMs / 1000 }) : first;
  };
  // -o names one file, as it does for validate and init; its extension decides what is written.
  const outputExt = options.output ? path.extname(options.output).toLowerCase() : undefined;
  if (outputExt !== undefined && outputExt !== '.html' && outputExt !== '.pdf') throw new BosoreportError(t(lang, 'render/output-ext', { file: options.output! }), EXIT_USAGE);
  if (outputExt) options = { ...options, html: outputExt === '.html', pdf: outputExt === '.pdf' };
  if (!options.html && !options.pdf) throw new BosoreportError(t(lang, 'render/nothing'), EXIT_USAGE);
  if (paths.includes('-') && !options.output) throw new BosoreportError(t(lang, 'render/stdin-needs-output'), EXIT_USAGE);
  const templates = loadTemplates(options.templateDir ? path.resolve(io.cwd, options.templateDir) : undefined);
  const checked = await check(paths, ctx, { rules: options.rules, keep: true });
  if (checked.configFailed) {
    // A broken config or form folder: nothing is rendered, so no output depends on half a setup.
    io.stdout.write(formatStylish(checked.files, { lang, color: await colorFor(io.stdout, io.env), listClean: false }));
    return EXIT_USAGE;
  }
  if (options.output && checked.files.length !== 1) throw new BosoreportError(t(lang, 'render/output-one', { count: checked.files.length, file: options.output }), EXIT_USAGE);
  let usageFailed = checked.usageFailed;
  // The document is Norwegian whatever language the terminal speaks, so its findings are too: the
  // same check in bokmål, for the notes printed in it.
  const documents = lang === 'nb' ? checked : await check(paths, ctx, { rules: options.rules, keep: true, lang: 'nb' });
  const inNorwegian = new Map(documents.files.map((f) => [f.file, f]));
  // A report is printed exactly when validate would pass it: its form's shape, no error of any check.
  const renderable = checked.files
    .filter((f) => f.result?.schemaValid && !hasErrors(f))
    .map((f) => inNorwegian.get(f.file))
    .filter((f): f is CheckedFile & { result: NonNullable<CheckedFile['result']> } => Boolean(f?.result?.schemaValid));
  // Every template the batch needs, compiled before anything is written.
  templates.prepare([...new Set(renderable.map((f) => f.result.form!))]);
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

  const jobs: { file: string; html: string; pdfPath: string; meta: PdfMetadata }[] = [];
  for (const f of renderable) {
    const { html, view } = renderReport({ ...f.result, diagnostics: f.diagnostics }, templates, { kopi: options.kopi });
    if (options.html) {
      await writeAtomic(target(f.file, '.html'), html);
      written.push(display(io.cwd, target(f.file, '.html')));
    }
    jobs.push({
      file: f.file,
      html,
      pdfPath: target(f.file, '.pdf'),
      meta: {
        title: view.tittel,
        author: view.utfyltAv,
        subject: view.emne,
        // The working copy says what it is in the file's metadata too, for an archive that indexes it.
        keywords: ['Boligsosialt utviklingsprogram', 'Husbanken', view.kommune, String(view.aar), f.result.form!.id, ...(view.arbeidskopi ? ['Arbeidskopi'] : [])],
        // The form's text is bokmål (/Lang nb); answers in nynorsk add their language.
        ...((view.rapport as { spraak?: unknown } | null)?.spraak === 'nn' ? { languages: ['nn'] } : {}),
      },
    });
  }

  if (options.pdf && jobs.length > 0) {
    const lookup = await findBrowser(options.browser, io.env);
    if (!lookup.chosen) {
      usageFailed = true;
      note(jobs[0]!.file, problem(jobs[0]!.file, 'render/no-browser', noBrowserMessage(lang, lookup), 'error', t(lang, 'render/no-browser.hint')));
    } else {
      let printer: PdfPrinter | undefined;
      try {
        printer = await PdfPrinter.launch(lookup.chosen.path, options.timeoutMs);
        const progress = wantsProgress(io) && jobs.length > 1;
        let done = 0;
        await pool(jobs, options.jobs, async (job) => {
          try {
            const result = await printer!.print(job.html, job.meta, options.timeoutMs);
            await writeAtomic(job.pdfPath, result.pdf);
            written.push(display(io.cwd, job.pdfPath));
            for (const url of result.blocked) note(job.file, problem(job.file, 'render/blocked-request', t(lang, 'render/blocked-request', { url }), 'warning'));
          } catch (error) {
            usageFailed = true;
            note(job.file, problem(job.file, 'render/pdf-failed', t(lang, 'render/pdf-failed', { reason: why(error) })));
          }
          if (progress) io.stderr.write(`\r${t(lang, 'render/progress', { done: ++done, total: jobs.length })}`);
        });
        if (progress) io.stderr.write('\r\x1b[K');
      } catch (error) {
        usageFailed = true;
        note(
          jobs[0]!.file,
          problem(
            jobs[0]!.file,
            'render/browser-failed',
            t(lang, 'render/browser-failed', { path: lookup.chosen.path, reason: why(error) }),
            'error',
            t(lang, 'render/no-browser.hint'),
          ),
        );
      } finally {
        await printer?.close();
      }
    }
  }

  const outcomes = checked.files.map((f) => ({ ...f, diagnostics: [...f.diagnostics, ...(extra.get(f.file) ?? [])] }));
  const shown = options.quiet ? errorsOnly(outcomes) : outcomes;
  const color = await colorFor(io.stdout, io.env);
  io.stdout.write(formatStylish(shown, { lang, color, listClean: false }));
  for (const file of written.sort()) io.stdout.write(`${t(lang, 'render/wrote', { file: visible(file) })}\n`);
  for (const f of checked.files.filter((x) => x.result?.schemaValid && hasErrors(x))) io.stdout.write(`${t(lang, 'render/not-written', { file: visible(f.file) })}\n`);
  return exitCodeOf({ usageFailed, files: outcomes });
}
