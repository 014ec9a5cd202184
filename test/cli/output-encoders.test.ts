import { describe, expect, it } from 'vitest';
import { exampleText, GJOVIK, runMain, tempTree } from '../helpers.js';

// Every output format gets the same hostile payload: report text, a key and a file name holding
// control characters, bidi overrides and isolates, a line break and a GitHub workflow command. No
// format may carry one raw, nor a line that starts with «::» the tool did not mean as a command.

/** A YAML double-quoted string: \e ESC, \a BEL, \b backspace, \r \n, \u202E and \u2066 bidi. */
const PAYLOAD = String.raw`Gj\u202Eøvik\u2066\e[31m\a\b\r\n::add-mask::hemmelig`;
const KEY = String.raw`"felt\u202E\e\a\n::stop-commands::tok"`;
const FILE = 'gj\u001b[31m\u0007.yaml';

/** Gjøvik's report with the payload as the municipality's name, an unknown key, a date fix would mend, and bidi in a comment on that line. */
function hostile(): string {
  return exampleText(GJOVIK)
    .replace(/^(\s*)kommune: .*$/m, `$1kommune: "${PAYLOAD}"`)
    .replace(/^skjema: (.*)$/m, `skjema: $1\n${KEY}: 1`)
    .replace(/^(\s*)rapporteringsdato: 2013-02-18$/m, '$1rapporteringsdato: 18.02.2013 # \u202Emerknad');
}

/** What must never be in the output: raw controls (CR only before LF), bidi and line separators, and «::» lines not meant. */
function unsafe(out: string, commands = false): string[] {
  const found: string[] = [];
  const raw = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2028\u2029\u2066-\u2069]|\r(?!\n)/gu;
  for (const m of out.matchAll(raw)) found.push(`U+${m[0].charCodeAt(0).toString(16).padStart(4, '0')}`);
  for (const line of out.split(/\r?\n/)) if (/^\s*::/.test(line) && !(commands && /^::(error|warning|notice) /.test(line))) found.push(line);
  return found;
}

describe('output encoders: no format carries what would act on a terminal, a log or a reader', () => {
  const t = tempTree({ [`rapporter/gjovik/${FILE}`]: hostile() });
  const run = (args: string[]) => runMain(args, { cwd: t.dir, env: { NO_COLOR: '1' } });

  it.each([['stylish'], ['json'], ['junit'], ['sarif'], ['github']])('validate -f %s', async (format) => {
    const r = await run(['validate', 'rapporter', '-f', format]);
    expect(r.status).toBe(1);
    expect(r.stdout.length).toBeGreaterThan(200);
    expect(unsafe(r.stdout, format === 'github')).toEqual([]);
  });

  it('validate -f json and sarif keep the text itself: a parser reads the same value back', async () => {
    const json = JSON.parse((await run(['validate', 'rapporter', '-f', 'json'])).stdout) as { filer: { fil: string; diagnostikk: { message: string }[] }[] };
    expect(json.filer[0]!.fil).toContain('\u001b[31m\u0007');
    expect(json.filer[0]!.diagnostikk.some((d) => d.message.includes('\u202E'))).toBe(true);
    const sarif = (await run(['validate', 'rapporter', '-f', 'sarif'])).stdout;
    expect(JSON.stringify(JSON.parse(sarif))).toContain('\u202E');
  });

  it.each([['csv'], ['markdown'], ['json']])('summary -f %s', async (format) => {
    const r = await run(['summary', 'rapporter', '-f', format]);
    expect(r.stdout).toContain('hemmelig');
    expect(unsafe(r.stdout)).toEqual([]);
  });

  it('compute --json', async () => {
    const r = await run(['compute', `rapporter/gjovik/${FILE}`, '--json']);
    expect(unsafe(r.stdout)).toEqual([]);
    expect(JSON.stringify(JSON.parse(r.stdout))).toContain('hemmelig');
  });

  it('fix --dry-run: the diff names the file and shows the line, neither acting', async () => {
    const r = await run(['fix', 'rapporter', '--dry-run']);
    expect(r.stdout).toContain('+  rapporteringsdato: 2013-02-18');
    expect(unsafe(r.stdout)).toEqual([]);
    expect(unsafe(r.stderr)).toEqual([]);
  });
});
