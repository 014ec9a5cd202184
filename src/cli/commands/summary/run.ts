import path from 'node:path';
import { CROSS_RULES } from '../../../cross/rules.js';
import { BosoreportError, EXIT_USAGE, OutputError } from '../../../errors.js';
import { visible } from '../../../util/visible.js';
import { t } from '../../../messages/index.js';
import { findBrowser } from '../../../render/browser.js';
import { noBrowserMessage } from '../../browser-message.js';
import { PdfPrinter } from '../../../render/pdf.js';
import { browserReason, timedOut } from '../../../render/reason.js';
import type { SeveritySetting } from '../../../rules/types.js';
import { summaryHtmlPieces } from '../../../summary/html.js';
import { buildSummary, entryOf, type Finding, type ReportEntry, type SummaryFilter } from '../../../summary/model.js';
import { summaryCsvPieces, summaryJsonPieces, summaryMarkdownPieces } from '../../../summary/output.js';
import { owedReports } from '../../../summary/owed.js';
import { isIsoDate } from '../../../schema/formats.js';
import { VERSION } from '../../../util/version.js';
import type { CheckStream, Extract } from '../../../engine/index.js';
import { builtinForms } from '../../../forms/registry.js';
import { closest } from '../../../util/similar.js';
import { checkStream } from '../../check.js';
import { fileOutput, streamOutput, writePieces } from '../../output.js';
import type { CommandContext } from '../../context.js';

export const SUMMARY_FORMATS = ['html', 'pdf', 'csv', 'json', 'markdown'] as const;
type SummaryFormat = (typeof SUMMARY_FORMATS)[number];
const BY_EXTENSION: Record<string, SummaryFormat> = { '.html': 'html', '.htm': 'html', '.pdf': 'pdf', '.csv': 'csv', '.json': 'json', '.md': 'markdown' };

export interface SummaryOptions {
  format?: string;
  output?: string;
  pdf?: boolean;
  filter: SummaryFilter;
  rules: Record<string, SeveritySetting>;
  browser?: string;
  timeoutMs: number;
  /** The day missing reports are judged on (their deadline must have passed), ISO; today by default. */
  today?: string;
}

const CROSS_IDS = new Set(CROSS_RULES.map((r) => r.id));

/**
 * `bosoreport summary <paths…>`: every report side by side, per municipality and period, with
 * delivery, missing reports and the findings across years; as HTML (default), PDF, CSV, JSON or
 * Markdown. Exits as validate does (1 when a report has errors), after writing the overview.
 */
export async function runSummary(paths: readonly string[], ctx: CommandContext, options: SummaryOptions): Promise<number> {
  const { io, lang } = ctx;
  const byName = options.output ? BY_EXTENSION[path.extname(options.output).toLowerCase()] : undefined;
  // An -o name whose extension names no format is a mistake, not an HTML file under another name.
  if (options.output && !byName && !options.format && !options.pdf)
    throw new BosoreportError(t(lang, 'summary/bad-format', { value: options.output, formats: SUMMARY_FORMATS.join(', ') }), EXIT_USAGE);
  const format: SummaryFormat | undefined = options.pdf ? 'pdf' : ((options.format as SummaryFormat | undefined) ?? byName ?? 'html');
  if (!format || !SUMMARY_FORMATS.includes(format))
    throw new BosoreportError(t(lang, 'summary/bad-format', { value: options.format ?? options.output ?? '', formats: SUMMARY_FORMATS.join(', ') }), EXIT_USAGE);
  if (format === 'pdf' && !options.output) throw new BosoreportError(t(lang, 'summary/pdf-needs-output'), EXIT_USAGE);
  // The day missing reports are judged on: today, or the day BOSOREPORT_TODAY names (a test, or looking back).
  if (options.today !== undefined && !isIsoDate(options.today)) throw new BosoreportError(t(lang, 'summary/bad-today', { value: options.today }), EXIT_USAGE);

  // The figures are read from each result while it is at hand; a batch keeps no more than that.
  const extract: Extract = (r) =>
    r.form && r.data !== undefined ? entryOf(r.file, r.form, r.data, r.schemaValid ? (r.figures as Record<string, unknown>) : undefined) : undefined;
  // The overview is a Norwegian document whatever the terminal speaks: its findings are too. What is
  // said on the terminal (a usage mistake, a path that is not there) is said in the user's language,
  // from a second run in it that only a failed run makes.
  const inUserLang = async () => (await checkStream(paths, ctx, { rules: options.rules })).close();
  let checked: CheckStream;
  try {
    checked = await checkStream(paths, ctx, { rules: options.rules, extract, lang: 'nb' });
  } catch (error) {
    if (error instanceof BosoreportError && lang !== 'nb') await inUserLang();
    throw error;
  }
  const known = new Set((await builtinForms()).ids);
  const registries = new Set([await builtinForms()]);
  const unplaced: string[] = [];
  let unplacedCount = 0;
  // What the overview shows of each report, read a file at a time.
  const entries: ReportEntry[] = [];
  const funn: Finding[] = [];
  const exitCode = checked.exitCode;
  try {
    if (checked.configFailed) throw new BosoreportError(t(lang, 'summary/config'), EXIT_USAGE);
    for (const f of checked.files()) {
      if (f.formId) known.add(f.formId);
      if (f.forms) registries.add(f.forms);
      const entry = f.extract as Omit<ReportEntry, 'errors' | 'warnings'> | undefined;
      if (!entry) {
        if (unplacedCount++ < 5) unplaced.push(f.file);
        continue;
      }
      if (checked.usageFailed) continue;
      // Counted after the checks across reports, which may add errors of their own.
      entries.push({ ...entry, errors: f.diagnostics.filter((d) => d.severity === 'error').length, warnings: f.diagnostics.filter((d) => d.severity === 'warning').length });
      for (const d of f.diagnostics)
        if (CROSS_IDS.has(d.ruleId)) funn.push({ kommuneKey: entry.kommuneKey, file: f.file, ruleId: d.ruleId, severity: d.severity, message: d.message });
    }
    // A --skjema that names no form would filter every report away: a mistake, not an empty overview.
    for (const id of options.filter.skjema ?? []) {
      if (!known.has(id))
        throw new BosoreportError(t(lang, 'init/unknown-form', { value: id, forms: [...known].join(', '), suggestion: closest(id, [...known]) ?? '' }), EXIT_USAGE);
    }
    // A path that is not there would make an overview that silently lacks its reports: nothing is written.
    if (checked.usageFailed) {
      const said = lang === 'nb' ? checked : await checkStream(paths, ctx, { rules: options.rules });
      try {
        for (const f of said.files())
          for (const d of f.diagnostics.filter((x) => x.ruleId.startsWith('io/'))) io.stderr.write(`bosoreport: ${d.message}${d.hint ? ` ${d.hint}` : ''}\n`);
      } finally {
        said.close();
      }
      return EXIT_USAGE;
    }
  } finally {
    checked.close();
  }
  // The forms say which reports were owed and by when: the built-in ones and the repository's own.
  const forms = new Map([...registries].flatMap((r) => r.forms.map((f) => [f.id, f] as const)));
  const model = buildSummary(entries, funn, {
    today: options.today ?? new Date().toISOString().slice(0, 10),
    owed: owedReports(forms.values()),
    filter: options.filter,
  });

  const created = { created: new Date().toISOString().slice(0, 10), version: VERSION };
  if (format === 'pdf') {
    await printPdf(summaryHtmlPieces(model, created), path.resolve(io.cwd, options.output!), model.rapporter.length, options, ctx);
  } else {
    // Written a piece at a time: the overview of thousands of reports is tens of megabytes of text.
    const pieces =
      format === 'csv'
        ? summaryCsvPieces(model)
        : format === 'json'
          ? summaryJsonPieces(model, VERSION)
          : format === 'markdown'
            ? summaryMarkdownPieces(model)
            : summaryHtmlPieces(model, created);
    const out = options.output ? await fileOutput(path.resolve(io.cwd, options.output)) : streamOutput(io.stdout);
    await writePieces(out, pieces);
  }

  const failed = model.rapporter.filter((r) => r.errors > 0).length;
  if (failed) io.stderr.write(`${t(lang, 'summary/with-errors', { n: failed })}\n`);
  if (unplacedCount) io.stderr.write(`${t(lang, 'summary/unplaced', { n: unplacedCount, files: unplaced.join(', ') + (unplacedCount > 5 ? ', …' : '') })}\n`);
  return exitCode;
}

/**
 * The overview printed by the same browser lookup as `render`. The HTML goes to a file in a
 * private temporary folder and the PDF straight to `file`: the overview of 10 000 reports is 17 MB
 * of HTML and a 140 MB PDF, and neither is held in memory.
 */
async function printPdf(html: Iterable<string>, file: string, reports: number, options: SummaryOptions, ctx: CommandContext): Promise<void> {
  const lookup = await findBrowser(options.browser, ctx.io.env);
  if (!lookup.chosen) throw new BosoreportError(`${noBrowserMessage(ctx.lang, lookup)} ${t(ctx.lang, 'render/no-browser.hint')}`, EXIT_USAGE);
  const meta = {
    title: 'Oversikt over rapportene i Boligsosialt utviklingsprogram',
    author: 'bosoreport',
    subject: 'Boligsosialt utviklingsprogram: oversikt',
    keywords: ['Boligsosialt utviklingsprogram', 'Husbanken', 'oversikt'],
  };
  const fs = process.getBuiltinModule('node:fs/promises');
  let folder: string;
  try {
    folder = await fs.mkdtemp(path.join(process.getBuiltinModule('node:os').tmpdir(), 'bosoreport-'));
  } catch (error) {
    throw new OutputError(process.getBuiltinModule('node:os').tmpdir(), (error as NodeJS.ErrnoException).code ?? (error as Error).message);
  }
  // The browser starts while the HTML is written; it is closed however the run ends.
  const starting = PdfPrinter.launch(lookup.chosen.path, options.timeoutMs);
  const printer = starting.catch(() => undefined);
  let stage: PdfStage = 'launch';
  try {
    const htmlFile = path.join(folder, 'oversikt.html');
    await writePieces(await fileOutput(htmlFile), html);
    const started = await starting;
    stage = 'print';
    await started.printFile(htmlFile, file, meta, options.timeoutMs);
  } catch (error) {
    // A browser that fails or takes too long is the run's problem to explain, never «Internal error».
    if (error instanceof BosoreportError) throw error;
    throw new BosoreportError(t(ctx.lang, pdfProblem(stage, error), { reason: visible(browserReason(error, ctx.lang, options.timeoutMs)), n: reports }), EXIT_USAGE);
  } finally {
    await (await printer)?.close();
    await fs.rm(folder, { recursive: true, force: true });
  }
}

type PdfStage = 'launch' | 'print';

/**
 * What to tell of a browser that did not make the overview's PDF: one that did not start (failed or
 * out of time) is the browser's problem, which doctor tells more of; one that ran out of time printing
 * may do with more seconds or a shorter overview; one that could not print it (Chromium's «Printing
 * failed» on an overview of 10 000 reports) needs a shorter overview.
 */
export function pdfProblem(stage: PdfStage, error: unknown): 'summary/pdf-failed' | 'summary/browser-failed' | 'summary/pdf-not-printed' {
  if (stage === 'launch') return 'summary/browser-failed';
  return timedOut(error) ? 'summary/pdf-failed' : 'summary/pdf-not-printed';
}
