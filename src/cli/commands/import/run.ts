import { promises as fs } from 'node:fs';
import path from 'node:path';
import { display } from '../../../engine/index.js';
import { BosoreportError, EXIT_CLEAN, EXIT_USAGE } from '../../../errors.js';
import { draftText } from '../../../import/draft.js';
import { identifyText, importableForms, importText, type ImportableForm } from '../../../import/index.js';
import { linesFound } from '../../../import/locate.js';
import { docxBlocks } from '../../../import/docx.js';
import { pdfPages } from '../../../import/pdf.js';
import { fromPages, pagesOfText, type SourceText } from '../../../import/source.js';
import { editorSchemaFile } from '../../../init/modeline.js';
import { defaultReportPath, modelineTarget, REPORT_FOLDERS, repositoryRoot } from '../../../init/placement.js';
import { kommuneKey } from '../../../cross/rules.js';
import { t, type Lang } from '../../../messages/index.js';
import { writeAtomic } from '../../../render/write.js';
import { SCHEMA_DIR } from '../../../schema/store.js';
import { makeDirs } from '../../../util/make-dirs.js';
import { shellArg } from '../../../util/shell-arg.js';
import { closest } from '../../../util/similar.js';
import { visible } from '../../../util/visible.js';
import { check } from '../../check.js';
import type { CommandContext } from '../../context.js';
import { formsHere } from '../../forms-here.js';

export interface ImportOptions {
  skjema?: string;
  force: boolean;
  dir?: string;
}

/** A text report of 300 pages is about 1 MB, a PDF of one with pictures some MB: ten and fifty times that is no report. */
const MAX_TEXT_BYTES = 10 * 1024 * 1024;
const MAX_PDF_BYTES = 50 * 1024 * 1024;
/** A report of more pages than this is no report (and would take long to read). */
const MAX_PDF_PAGES = 500;
/** What a source may be: text or PDF. Word files are named so the user is told what to do with them. */
const TEXT = new Set(['.txt', '.text']);
const PDF = new Set(['.pdf']);
const DOCX = new Set(['.docx']);
const NOT_YET = new Set(['.doc', '.odt', '.rtf']);

/**
 * The files to import: each file given, and the files of the kinds import knows in each folder
 * given; or, for a path that is not there or cannot be read, the message that says so (the rest go on).
 */
async function sourcesOf(paths: readonly string[], ctx: CommandContext): Promise<(string | { problem: string })[]> {
  const out: (string | { problem: string })[] = [];
  for (const p of paths) {
    const abs = path.resolve(ctx.io.cwd, p);
    let stat;
    try {
      stat = await fs.stat(abs);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      out.push({ problem: code === 'ENOENT' ? t(ctx.lang, 'io/not-found', { path: p }) : t(ctx.lang, 'io/unreadable', { path: p, reason: code ?? (error as Error).message }) });
      continue;
    }
    if (!stat.isDirectory()) {
      out.push(abs);
      continue;
    }
    const found = (await fs.readdir(abs, { recursive: true, withFileTypes: true }))
      .filter((e) => e.isFile() && [TEXT, PDF, DOCX, NOT_YET].some((kind) => kind.has(path.extname(e.name).toLowerCase())))
      .map((e) => path.join(e.parentPath, e.name))
      .sort();
    out.push(...(found.length ? found : [{ problem: t(ctx.lang, 'import/no-sources', { path: p }) }]));
  }
  return out;
}

/**
 * A text file's characters, or undefined for a file that is not text: UTF-16 with its byte-order
 * mark (Notepad's «Unicode»), UTF-8, or Windows-1252 as Word's «plain text» writes it on a Norwegian
 * Windows. A file with NUL bytes otherwise is not text. UTF-8 with a stray byte stays UTF-8 (its æøå
 * are read, the one byte is not): one byte must not turn the whole file into other letters.
 */
function decode(bytes: Uint8Array): string | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  if (bytes.includes(0)) return undefined;
  const utf8 = new TextDecoder('utf-8').decode(bytes);
  if (!utf8.includes('\ufffd')) return utf8;
  // Valid two-byte sequences (æ, ø, å, é …) say UTF-8; none say Windows-1252.
  return /[\u0080-\u07ff]/.test(utf8) ? utf8 : new TextDecoder('windows-1252').decode(bytes);
}

/** What became of one source: a draft and its numbers, or the message that says why not. */
type Outcome = { draft: string; problem?: undefined } | { problem: string; draft?: undefined };

async function importOne(file: string, forms: ImportableForm[], options: ImportOptions, ctx: CommandContext): Promise<Outcome> {
  const { io, lang } = ctx;
  const source = display(io.cwd, file);
  const ext = path.extname(file).toLowerCase();
  const pdf = PDF.has(ext);
  const docx = DOCX.has(ext);
  if (!TEXT.has(ext) && !pdf && !docx) return { problem: t(lang, 'import/unsupported', { source, ext: ext || '(uten endelse)' }) };
  let bytes: Buffer;
  try {
    const stat = await fs.stat(file);
    // A pipe or a device would be read for ever: only a plain file is a report.
    if (!stat.isFile()) return { problem: t(lang, 'io/unreadable', { path: source, reason: t(lang, 'import/not-a-file') }) };
    const limit = pdf || docx ? MAX_PDF_BYTES : MAX_TEXT_BYTES;
    if (stat.size > limit) return { problem: t(lang, 'import/too-large', { source, size: stat.size, limit }) };
    bytes = await fs.readFile(file);
  } catch (error) {
    return { problem: t(lang, 'io/unreadable', { path: source, reason: (error as NodeJS.ErrnoException).code ?? (error as Error).message }) };
  }
  let text: SourceText;
  if (pdf) {
    const read = await pdfPages(bytes, MAX_PDF_PAGES);
    if ('problem' in read) return { problem: t(lang, read.problem === 'encrypted' ? 'import/encrypted' : 'import/corrupt', { source, detail: read.detail }) };
    text = fromPages(read.pages);
  } else if (docx) {
    const read = docxBlocks(bytes, MAX_PDF_BYTES);
    if ('problem' in read) return { problem: t(lang, 'import/corrupt-docx', { source, detail: read.detail }) };
    text = fromPages(read.blocks, 'avsnitt');
  } else {
    const decoded = decode(bytes);
    if (decoded === undefined) return { problem: t(lang, 'import/not-text', { source }) };
    text = pagesOfText(decoded);
  }
  if (!/[\p{L}\p{N}]/u.test(text.text)) return { problem: t(lang, 'import/empty', { source }) };

  let chosen: ImportableForm | undefined;
  // Why this form, in the draft (bokmål, as the report) and on the terminal (the user's language).
  let why: (in_: Lang) => string;
  if (options.skjema) {
    chosen = forms.find((f) => f.form.id === options.skjema)!;
    const found = linesFound(text.text, chosen.lines);
    const of = chosen.lines.length;
    why = (in_) => t(in_, 'import/chosen', { found, of });
  } else {
    const identified = identifyText(text, forms);
    if (!identified.chosen) {
      const scores = identified.scores.map((s) => `${s.id}: ${s.found}/${s.of}`).join(', ');
      return { problem: t(lang, 'import/unidentified', { source, scores }) };
    }
    chosen = identified.chosen;
    const score = identified.scores[0]!;
    why = (in_) => t(in_, 'import/why', { found: score.found, of: score.of });
  }
  const result = importText(text, chosen);
  const form = result.form;
  const type = result.variant && form.variants ? form.variants.values[result.variant]!.type : form.type;
  const dir = path.resolve(io.cwd, options.dir ?? '.');
  const placed = result.kommune !== undefined && result.aar !== undefined;
  const output = !placed
    ? path.join(dir, `${path.basename(file, path.extname(file))}.yaml`)
    : options.dir === undefined
      ? defaultReportPath(dir, result.kommune!, result.aar!, type)
      : // --dir is the top of a layout of its own (a folder of drafts to look through before they go in).
        path.join(REPORT_FOLDERS.includes(path.basename(dir).toLowerCase()) ? dir : path.join(dir, 'rapporter'), kommuneKey(result.kommune!), `${result.aar}-${type}.yaml`);
  const shown = display(io.cwd, output);
  const fromRoot = path
    .relative(repositoryRoot(output) ?? io.cwd, output)
    .split(path.sep)
    .join('/');
  const draft = draftText(result, {
    source: path.basename(file),
    schemaRef: modelineTarget(output, editorSchemaFile(form), SCHEMA_DIR, io.cwd).ref,
    checkCommand: `npx bosoreport validate ${shellArg(fromRoot)}`,
    why: why('nb'),
    kommune: result.kommune ?? '',
    aar: result.aar ?? new Date().getFullYear(), // for the skeleton only: the draft's year stays open (draftText)
  });
  try {
    await makeDirs(path.dirname(output));
    if (options.force) await writeAtomic(output, draft);
    else {
      // 'wx': a draft already there (perhaps checked and mended by hand) is never overwritten.
      const handle = await fs.open(output, 'wx');
      try {
        await handle.writeFile(draft);
      } finally {
        await handle.close();
      }
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return { problem: t(lang, 'import/exists', { source, file: shown }) };
    if (error instanceof BosoreportError) return { problem: error.message };
    return { problem: t(lang, 'io/unwritable', { path: shown, reason: (error as NodeJS.ErrnoException).code ?? (error as Error).message }) };
  }
  if (!placed) io.stdout.write(`${t(lang, 'import/no-place', { source, file: visible(shown) })}\n`);
  io.stdout.write(`${t(lang, 'import/wrote', { source, file: visible(shown), form: form.id, why: why(lang), found: result.values.length, open: result.open.length })}\n`);
  return { draft: output };
}

/**
 * `bosoreport import <paths…>`: each source's text read against the forms, a draft written for each
 * in the repository layout (never over an existing file without --force), then the usual checks on
 * the drafts, counted per draft. A source that cannot be read is said and the rest go on; the run
 * then exits 2.
 */
export async function runImport(paths: readonly string[], options: ImportOptions, ctx: CommandContext): Promise<number> {
  const { io, lang } = ctx;
  const { forms } = await formsHere(ctx);
  if (!forms) return EXIT_USAGE;
  const importable = importableForms(forms.forms, lang);
  if (options.skjema && !importable.some((f) => f.form.id === options.skjema)) {
    const ids = importable.map((f) => f.form.id);
    throw new BosoreportError(t(lang, 'init/unknown-form', { value: options.skjema, forms: ids.join(', '), suggestion: closest(options.skjema, ids) ?? '' }), EXIT_USAGE);
  }
  const files = await sourcesOf(paths, ctx);
  const drafts: string[] = [];
  let failed = 0;
  for (const file of files) {
    const outcome: Outcome = typeof file === 'string' ? await importOne(file, importable, options, ctx) : file;
    if (outcome.draft !== undefined) drafts.push(outcome.draft);
    else {
      failed++;
      io.stderr.write(`bosoreport: ${outcome.problem}\n`);
    }
  }
  // The drafts are checked as validate would, and counted: like init's new report, a draft has
  // fields left to fill in, so they do not change the exit code; validate is the judge of them.
  if (drafts.length > 0) {
    const checked = await check(drafts, ctx);
    for (const f of checked.files) {
      const errors = f.diagnostics.filter((d) => d.severity === 'error').length;
      const warnings = f.diagnostics.length - errors;
      const arg = visible(shellArg(display(io.cwd, path.resolve(io.cwd, f.file))));
      io.stdout.write(`${t(lang, errors > 0 ? 'import/checked' : 'import/clean', { errors, warnings, arg })}\n`);
    }
  }
  if (files.length > 1) io.stdout.write(`${t(lang, 'import/total', { n: files.length, written: drafts.length, failed })}\n`);
  return failed > 0 ? EXIT_USAGE : EXIT_CLEAN;
}
