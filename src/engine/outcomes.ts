import { byPosition, type Diagnostic } from '../diagnostics.js';
import type { CheckedFile } from './check-one.js';
import type { Spool } from './spool.js';

const NONE: Diagnostic[] = [];

/** What is kept of a file whose findings are on disk: what the commands show besides the findings. */
function stub(f: CheckedFile): CheckedFile {
  const { file, formTitle, formId, formName, fixable, forms, ioFailed, extract } = f;
  const kept: CheckedFile = { file, diagnostics: NONE };
  if (formTitle !== undefined) kept.formTitle = formTitle;
  if (formId !== undefined) kept.formId = formId;
  if (formName !== undefined) kept.formName = formName;
  if (fixable !== undefined) kept.fixable = fixable;
  if (forms !== undefined) kept.forms = forms;
  if (ioFailed !== undefined) kept.ioFailed = ioFailed;
  if (extract !== undefined) kept.extract = extract;
  return kept;
}

/**
 * The files of a run, in order, with their findings. With a spool, each file's own findings go to
 * disk as its check ends and only a small record stays; the findings of the checks across reports,
 * which come at the end, are kept beside them and merged in at their place when a file is read back.
 */
export class Outcomes {
  private readonly files: CheckedFile[] = [];
  /** The spool record of each file's findings; none for a file without findings or in memory. */
  private readonly records: (number | undefined)[] = [];
  private readonly across = new Map<number, Diagnostic[]>();
  private errors = false;

  constructor(private readonly spool?: Spool) {}

  get size(): number {
    return this.files.length;
  }

  /** Every file's name, in order. */
  names(): string[] {
    return this.files.map((f) => f.file);
  }

  /** Whether a file has an error, its own or from the checks across reports. */
  get anyErrors(): boolean {
    return this.errors;
  }

  /** Adds a file whose own checks are done; returns its place. */
  add(f: CheckedFile): number {
    if (f.diagnostics.some((d) => d.severity === 'error')) this.errors = true;
    const spooled = this.spool && f.diagnostics.length > 0;
    this.records.push(spooled ? this.spool!.put(JSON.stringify(f.diagnostics)) : undefined);
    this.files.push(this.spool ? stub(f) : f);
    return this.files.length - 1;
  }

  /** The findings of the checks across reports for the file at `at`. */
  addAcross(at: number, found: Diagnostic[]): void {
    if (found.length === 0) return;
    if (found.some((d) => d.severity === 'error')) this.errors = true;
    const f = this.files[at]!;
    // In memory the file takes them at once; a spooled file takes them when it is read back.
    if (this.records[at] === undefined && !this.spool) f.diagnostics = merged(f.diagnostics, found);
    else this.across.set(at, found);
  }

  /** Every file in order, with all its findings; `only` skips files by name before their findings are read. */
  *read(only?: (file: string) => boolean): Generator<CheckedFile> {
    const records = this.spool?.all();
    for (const [at, f] of this.files.entries()) {
      const record = this.records[at];
      const bytes = record === undefined ? undefined : records!.next().value;
      if (only && !only(f.file)) continue;
      const own = bytes ? (JSON.parse(bytes.toString('utf8')) as Diagnostic[]) : f.diagnostics;
      const found = this.across.get(at);
      yield this.spool ? { ...f, diagnostics: found ? merged(own, found) : own === NONE ? [] : own } : f;
    }
  }
}

/** A file's own findings with those across reports, in the order of their places in the file. */
function merged(own: readonly Diagnostic[], found: readonly Diagnostic[]): Diagnostic[] {
  return [...own, ...found].sort(byPosition);
}
