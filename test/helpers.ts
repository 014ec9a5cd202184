import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseDocument, type Document } from 'yaml';
import type { Diagnostic } from '../src/diagnostics.js';
import type { Lang } from '../src/messages/index.js';
import { builtinForms } from '../src/forms/registry.js';
import { validateSource } from '../src/validate/validate.js';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const BIN = path.join(ROOT, 'bin', 'bosoreport.cjs');
export const GJOVIK = 'examples/gjovik-aarsrapport-2012.yaml';
export const LILLEHAMMER = 'examples/lillehammer-halvaarsrapport-2011.yaml';

export function exampleText(rel: string): string {
  return readFileSync(path.join(ROOT, rel), 'utf8');
}

/**
 * An example as it would stand in a reports repository at rapporter/<kommune>/: its modeline points
 * where init writes it there (into node_modules/bosoreport), not at this repository's schemas/.
 */
export function exampleInRepository(rel: string): string {
  return exampleText(rel).replace(/^(# yaml-language-server: \$schema=)\.\.\/schemas\//, '$1../../node_modules/bosoreport/schemas/');
}

/** An example as an editable YAML document, so tests change one thing in a real report. */
export function exampleDoc(rel: string): Document {
  return parseDocument(exampleText(rel));
}

/** The built-in forms, loaded once for every test file that checks reports in-process. */
export const FORMS = await builtinForms();

export function check(text: string, lang: Lang = 'en', file = 'report.yaml') {
  return validateSource(file, new TextEncoder().encode(text), { lang, forms: FORMS });
}

/** Line number (1-based) of the first line containing `needle` at or after line `from`. */
export function lineOf(text: string, needle: string, from = 1): number {
  const lines = text.split(/\r?\n/);
  for (let i = from - 1; i < lines.length; i++) if (lines[i]!.includes(needle)) return i + 1;
  throw new Error(`"${needle}" not found`);
}

/** Problems found before the rules: loading, form identification and schema. */
export function structural(diagnostics: Diagnostic[]): Diagnostic[] {
  return diagnostics.filter((d) => /^(yaml|load|form|schema)\//.test(d.ruleId));
}

export function only(diagnostics: Diagnostic[], ruleId: string): Diagnostic[] {
  return diagnostics.filter((d) => d.ruleId === ruleId);
}

/** A temporary folder from an inline map of files; removed by the returned cleanup. */
export function tempTree(files: Record<string, string | Uint8Array>): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(path.join(tmpdir(), 'bosoreport-test-'));
  for (const [name, content] of Object.entries(files)) {
    const full = path.join(dir, name);
    mkdirSync(path.dirname(full), { recursive: true });
    writeFileSync(full, content);
  }
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the built binary as a user would, without a terminal and without the caller's locale. */
export function runCli(args: string[], options: { cwd?: string; env?: Record<string, string>; input?: string } = {}): CliRun {
  const env: Record<string, string> = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', LANG: 'C', ...options.env };
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: options.cwd ?? ROOT, env, encoding: 'utf8', ...(options.input !== undefined ? { input: options.input } : {}) });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/**
 * Property-test settings: a fixed seed by default, so `npm test` checks the same cases every run;
 * BOSOREPORT_FUZZ_SEED=random (or a number) and BOSOREPORT_FUZZ_RUNS=N widen the search.
 */
export const FUZZ_RUNS = Number(process.env.BOSOREPORT_FUZZ_RUNS ?? 150);
const seedSetting = process.env.BOSOREPORT_FUZZ_SEED;
export const FUZZ_SEED = seedSetting === 'random' ? undefined : Number(seedSetting ?? 20_121_231);
export function fuzzOptions(numRuns = FUZZ_RUNS): { numRuns: number; seed?: number } {
  return FUZZ_SEED === undefined ? { numRuns } : { numRuns, seed: FUZZ_SEED };
}

/** Runs the CLI in-process (no new Node), for tests where the real binary adds nothing. */
export async function runMain(args: string[], options: { cwd?: string; env?: Record<string, string>; stdin?: string } = {}): Promise<CliRun> {
  const { main } = await import('../src/cli/main.js');
  const out: string[] = [];
  const err: string[] = [];
  const sink = (into: string[]) => ({ write: (s: string | Uint8Array) => (into.push(String(s)), true), isTTY: false }) as unknown as NodeJS.WritableStream;
  const status = await main(args, {
    stdout: sink(out),
    stderr: sink(err),
    env: { LANG: 'C', ...options.env },
    cwd: options.cwd ?? ROOT,
    ...(options.stdin !== undefined ? { stdin: async () => new TextEncoder().encode(options.stdin) } : {}),
  });
  return { status, stdout: out.join(''), stderr: err.join('') };
}

/** The files of a form folder in examples/forms, to copy into a test's own tree (and change). */
export function exampleForm(dir = 'examples/forms/skjemaer/statusnotat-2013'): Record<string, string> {
  const files: Record<string, string> = {};
  for (const name of ['form.yaml', 'schema.json', 'template.hbs', 'form.mjs']) files[name] = readFileSync(path.join(ROOT, dir, name), 'utf8');
  return files;
}

/** What a reader sees: no head (style, title), no embedded data, no tags. */
export function visibleText(html: string): string {
  return html
    .replace(/<head>[\s\S]*?<\/head>/, '')
    .replace(/<script[\s\S]*?<\/script>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/\s+/g, ' ');
}
