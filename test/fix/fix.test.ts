import { chmodSync, linkSync, lstatSync, mkdirSync, readFileSync, statSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { check, exampleText, GJOVIK, LILLEHAMMER, lineOf, runMain, tempTree } from '../helpers.js';

const G = 'rapporter/gjovik/2012-aarsrapport.yaml';
const L = 'rapporter/lillehammer/2011-halvaarsrapport.yaml';

/** Each fixable mistake once, as a programme leader types it, and what `fix` must make of it. */
const MISTAKES: [file: string, right: string, typed: string, fixed: string][] = [
  [G, 'rapporteringsdato: 2013-02-18', 'rapporteringsdato: 18.02.2013', 'rapporteringsdato: 2013-02-18'],
  [G, 'programstart: 2010-12-22', 'programstart: desember 2010', 'programstart: 2010-12'],
  [G, 'forsidedato: 2013-01-15', 'forsidedato: "15. JANUAR 2013"', 'forsidedato: "2013-01-15"'],
  [G, 'januar: 1390', 'januar: 1 390', 'januar: 1390'],
  [G, 'desember: 1455', 'desember: 1.455', 'desember: 1455'],
  [G, 'nye_soknader: 302', 'nye_soknader: "302"', 'nye_soknader: 302'],
  [G, '  programansvarlig: Cecilie', '  programansvalig: Cecilie', '  programansvarlig: Cecilie'],
  [L, 'framdrift_prosent: 80\n', 'framdrift_prosent: 80 %\n', 'framdrift_prosent: 80\n'],
];

function repository(change: (file: string, text: string) => string = (_f, t) => t) {
  return tempTree({ [G]: change(G, exampleText(GJOVIK)), [L]: change(L, exampleText(LILLEHAMMER)) });
}
const withMistakes = (file: string, text: string) => MISTAKES.filter(([f]) => f === file).reduce((t, [, right, typed]) => t.replace(right, typed), text);

describe('bosoreport fix', () => {
  it('mends one of each mechanical mistake: the reports become schema-valid, and only those lines change', async () => {
    const t = repository(withMistakes);
    try {
      const before = check(readFileSync(path.join(t.dir, G), 'utf8')).diagnostics.filter((d) => d.ruleId.startsWith('schema/'));
      expect(before.length).toBeGreaterThanOrEqual(6);
      const r = await runMain(['fix', 'rapporter'], { cwd: t.dir });
      expect(r.stdout).toContain('Fixed 3 dates, 3 numbers, 1 percent, 1 field name in 2 of 2 files.');
      for (const file of [G, L]) {
        const text = readFileSync(path.join(t.dir, file), 'utf8');
        expect(check(text).schemaValid, file).toBe(true);
        // Exactly the intended lines: the example with the mistake's line as fix writes it.
        const expected = MISTAKES.filter(([f]) => f === file).reduce((x, [, right, , fixed]) => x.replace(right, fixed), exampleText(file === G ? GJOVIK : LILLEHAMMER));
        expect(text).toBe(expected);
      }
      expect(r.status).toBe(0);
    } finally {
      t.cleanup();
    }
  });

  it('leaves a report with nothing to fix byte for byte as it was (both examples)', async () => {
    const t = repository();
    try {
      const r = await runMain(['fix', 'rapporter'], { cwd: t.dir });
      expect(r.stdout).toContain('Nothing to fix automatically.');
      expect(readFileSync(path.join(t.dir, G), 'utf8')).toBe(exampleText(GJOVIK));
      expect(readFileSync(path.join(t.dir, L), 'utf8')).toBe(exampleText(LILLEHAMMER));
    } finally {
      t.cleanup();
    }
  });

  it('--dry-run prints a unified diff of exactly the fixed lines and writes nothing', async () => {
    const t = repository(withMistakes);
    try {
      const file = path.join(t.dir, G);
      const [bytes, mtime] = [readFileSync(file), statSync(file).mtimeMs];
      const r = await runMain(['fix', G, '--dry-run'], { cwd: t.dir });
      expect(readFileSync(file)).toEqual(bytes);
      expect(statSync(file).mtimeMs).toBe(mtime);
      const removed = r.stdout.split('\n').filter((l) => l.startsWith('-') && !l.startsWith('---'));
      const added = r.stdout.split('\n').filter((l) => l.startsWith('+') && !l.startsWith('+++'));
      expect(removed.map((l) => l.slice(1).trim())).toEqual(expect.arrayContaining(['rapporteringsdato: 18.02.2013', 'januar: 1 390']));
      expect(added.map((l) => l.slice(1).trim())).toEqual(expect.arrayContaining(['rapporteringsdato: 2013-02-18', 'januar: 1390']));
      expect(removed).toHaveLength(7);
      expect(added).toHaveLength(7);
      expect(r.stdout).toMatch(/^@@ -\d+,\d+ \+\d+,\d+ @@$/m);
      expect(r.stdout).toContain('nothing was written (--dry-run)');
    } finally {
      t.cleanup();
    }
  });

  it('keeps what has more than one meaning as a diagnostic with its hint', async () => {
    const t = repository((f, text) => (f === G ? text.replace('januar: 1390', 'januar: "1,390"').replace('rapporteringsdato: 2013-02-18', 'rapporteringsdato: 30.02.2013') : text));
    try {
      const r = await runMain(['fix', G], { cwd: t.dir });
      expect(r.status).toBe(1);
      expect(r.stdout).toContain('Nothing to fix automatically.');
      const text = readFileSync(path.join(t.dir, G), 'utf8');
      expect(text).toContain('januar: "1,390"');
      expect(r.stdout).toContain(`${G}:${lineOf(text, 'rapporteringsdato: 30.02.2013')}:`);
    } finally {
      t.cleanup();
    }
  });

  it('leaves a file that does not read as YAML untouched', async () => {
    const broken = `${exampleText(GJOVIK).replace('rapporteringsdato: 2013-02-18', 'rapporteringsdato: 18.02.2013')}\n\tfeil: [`;
    const t = tempTree({ [G]: broken });
    try {
      const r = await runMain(['fix', G], { cwd: t.dir });
      expect(r.status).toBe(1);
      expect(readFileSync(path.join(t.dir, G), 'utf8')).toBe(broken);
    } finally {
      t.cleanup();
    }
  });

  it('validate --fix mends first and then reports as validate does; fix - writes the fixed report to standard output', async () => {
    const t = repository(withMistakes);
    try {
      const r = await runMain(['validate', '--fix', 'rapporter', '-f', 'json'], { cwd: t.dir });
      expect(r.status).toBe(0);
      expect(JSON.parse(r.stdout).feil).toBe(0);
      expect(r.stderr).toContain('Fixed 3 dates');
      const piped = await runMain(['fix', '-'], { cwd: t.dir, stdin: withMistakes(G, exampleText(GJOVIK)) });
      expect(piped.stdout).toBe(MISTAKES.filter(([f]) => f === G).reduce((x, [, right, , fixed]) => x.replace(right, fixed), exampleText(GJOVIK)));
    } finally {
      t.cleanup();
    }
  });
});

describe("bosoreport fix keeps the file's own bytes around its edits", () => {
  it('keeps CRLF line ends and a byte-order mark', async () => {
    const typed = exampleText(GJOVIK).replace('rapporteringsdato: 2013-02-18', 'rapporteringsdato: 18.02.2013');
    const t = tempTree({ 'crlf.yaml': typed.replace(/\n/g, '\r\n'), 'bom.yaml': `\ufeff${typed}` });
    try {
      await runMain(['fix', 'crlf.yaml', 'bom.yaml'], { cwd: t.dir });
      expect(readFileSync(path.join(t.dir, 'crlf.yaml'), 'utf8')).toBe(exampleText(GJOVIK).replace(/\n/g, '\r\n'));
      expect(readFileSync(path.join(t.dir, 'bom.yaml'), 'utf8')).toBe(`\ufeff${exampleText(GJOVIK)}`);
    } finally {
      t.cleanup();
    }
  });
});

describe('fix never changes what a file is beyond the mistake', () => {
  it('leaves a quoted figure too large for a number as the text it is («9007199254740993» would read as …992)', async () => {
    const t = repository((f, text) => (f === G ? text.replace('status_behov_pr_0101: 7', 'status_behov_pr_0101: "9007199254740993"') : text));
    try {
      const before = readFileSync(path.join(t.dir, G), 'utf8');
      expect(before).toContain('"9007199254740993"');
      const r = await runMain(['fix', G], { cwd: t.dir });
      expect(readFileSync(path.join(t.dir, G), 'utf8')).toBe(before);
      expect(r.stdout).toContain('Nothing to fix automatically.');
      expect(r.stdout).toContain('9007199254740993');
      expect(r.stdout).not.toContain('9007199254740992');
    } finally {
      t.cleanup();
    }
  });

  it('keeps the mode, refuses a read-only file and a hard-linked one, and fixes the other files all the same', async () => {
    const A = 'rapporter/a/2012-aarsrapport.yaml';
    const B = 'rapporter/b/2012-aarsrapport.yaml';
    const C = 'rapporter/c/2012-aarsrapport.yaml';
    const typed = (kommune: string) => exampleText(GJOVIK).replace('kommune: Gjøvik', `kommune: ${kommune}`).replace('januar: 1390', 'januar: 1 390');
    const t = tempTree({ [A]: typed('Askim'), [B]: typed('Bamble'), [C]: typed('Eidsberg') });
    try {
      chmodSync(path.join(t.dir, A), 0o640);
      chmodSync(path.join(t.dir, B), 0o444);
      linkSync(path.join(t.dir, C), path.join(t.dir, 'kopi.yaml'));
      const r = await runMain(['fix', 'rapporter'], { cwd: t.dir });
      expect(r.status).toBe(2);
      expect(readFileSync(path.join(t.dir, A), 'utf8')).toContain('januar: 1390');
      expect(statSync(path.join(t.dir, A)).mode & 0o777).toBe(0o640);
      expect(readFileSync(path.join(t.dir, B), 'utf8')).toContain('januar: 1 390');
      expect(r.stderr).toContain(`${B} is read-only and was not changed`);
      expect(readFileSync(path.join(t.dir, C), 'utf8')).toContain('januar: 1 390');
      expect(statSync(path.join(t.dir, C)).nlink).toBe(2);
      expect(r.stderr).toContain(`${C} has other names (hard links)`);
      expect(r.stdout).toContain('in 1 of 3 files');
    } finally {
      chmodSync(path.join(t.dir, B), 0o644);
      t.cleanup();
    }
  });

  it('writes through a symbolic link to the report, keeping the link', async () => {
    const t = tempTree({ 'arkiv/2012.yaml': exampleText(GJOVIK).replace('januar: 1390', 'januar: 1 390') });
    try {
      mkdirSync(path.join(t.dir, 'rapporter/gjovik'), { recursive: true });
      symlinkSync(path.join(t.dir, 'arkiv/2012.yaml'), path.join(t.dir, G));
      expect((await runMain(['fix', G], { cwd: t.dir })).stdout).toContain('1 number');
      expect(lstatSync(path.join(t.dir, G)).isSymbolicLink()).toBe(true);
      expect(readFileSync(path.join(t.dir, 'arkiv/2012.yaml'), 'utf8')).toContain('januar: 1390');
    } finally {
      t.cleanup();
    }
  });
});

/** A report with its indentation typed with tabs, one per two spaces, as an editor set to tabs writes it. */
const tabbed = (text: string) => text.replace(/^( {2})+/gm, (m) => '\t'.repeat(m.length / 2));

describe('bosoreport fix replaces tabs in indentation', () => {
  it('a report indented with tabs throughout gets its spaces back, byte for byte, and the usual fixes in the same run', async () => {
    const typed = tabbed(exampleText(GJOVIK)).replace('rapporteringsdato: 2013-02-18', 'rapporteringsdato: 18.02.2013');
    const t = tempTree({ [G]: typed, [L]: tabbed(exampleText(LILLEHAMMER)) });
    try {
      expect(check(typed).diagnostics[0]!.ruleId).toBe('yaml/tab');
      const r = await runMain(['fix', 'rapporter'], { cwd: t.dir });
      expect(readFileSync(path.join(t.dir, G), 'utf8')).toBe(exampleText(GJOVIK));
      expect(readFileSync(path.join(t.dir, L), 'utf8')).toBe(exampleText(LILLEHAMMER));
      expect(r.stdout).toMatch(/Fixed \d+ lines indented with tabs, 1 date in 2 of 2 files\./);
      expect(r.status).toBe(0);
    } finally {
      t.cleanup();
    }
  });

  it('one tab among lines indented with two spaces becomes two spaces; a tab inside a block of text stays', async () => {
    const typed = exampleText(GJOVIK)
      .replace('  kommune: Gjøvik', '\tkommune: Gjøvik')
      .replace('c3_samlet_resultatoppnaaelse: |\n', 'c3_samlet_resultatoppnaaelse: |\n    \tInnrykket med tabulator i teksten.\n');
    const t = tempTree({ [G]: typed });
    try {
      const r = await runMain(['fix', G, '--dry-run'], { cwd: t.dir });
      expect(r.stdout).toContain('-\tkommune: Gjøvik');
      expect(r.stdout).toContain('+  kommune: Gjøvik');
      expect(r.stdout).not.toContain('Innrykket');
      expect(r.stdout).toContain('Would fix 1 line indented with tabs in 1 of 1 file');
      await runMain(['fix', G], { cwd: t.dir });
      expect(readFileSync(path.join(t.dir, G), 'utf8')).toBe(typed.replace('\tkommune', '  kommune'));
    } finally {
      t.cleanup();
    }
  });

  it('leaves a tab that could mean two widths, and says why and where', async () => {
    // After «januar:» with no value, a tab of 2 makes «desember» its sibling, a tab of 4 its child.
    const typed = exampleText(GJOVIK).replace('      januar: 1390\n      desember: 1455', '      januar:\n\t\t\tdesember: 1455');
    const t = tempTree({ [G]: typed });
    try {
      const r = await runMain(['fix', G, '--lang', 'nb'], { cwd: t.dir });
      expect(readFileSync(path.join(t.dir, G), 'utf8')).toBe(typed);
      expect(r.stdout).toContain(`${G}:${lineOf(typed, '\t\t\tdesember')}: tabulatoren i innrykket er ikke byttet ut: den kan bety 2 eller 4 mellomrom`);
      expect(r.stdout).toContain('Ingenting å rette automatisk.');
      expect(r.status).toBe(1);
    } finally {
      t.cleanup();
    }
  });
});

describe('bosoreport fix quotes a number typed in a text field', () => {
  it('quotes the digits as typed (0502 keeps its zero), a year in a date-or-month field too, but not a year where a full date goes', async () => {
    const typed = exampleText(LILLEHAMMER)
      .replace('kolonner: [Strategi, "Dette oppnås ved å:", Resultatindikator 2015]', 'kolonner: [Strategi, 0502, 1.50]')
      .replace(/programstart: .*/, 'programstart: 2011')
      .replace(/rapporteringsdato: [^\n#]*/, 'rapporteringsdato: 2011 ');
    const t = tempTree({ [L]: typed });
    try {
      const r = await runMain(['fix', L], { cwd: t.dir });
      const text = readFileSync(path.join(t.dir, L), 'utf8');
      expect(text).toContain('kolonner: [Strategi, "0502", "1.50"]');
      expect(text).toContain('programstart: "2011"');
      expect(text).toContain('rapporteringsdato: 2011 ');
      expect(r.stdout).toContain('Fixed 3 numbers as text in 1 of 1 file.');
      // What is left is the year where a whole date belongs, for the user.
      const left = check(text).diagnostics.filter((d) => d.severity === 'error');
      expect(left.map((d) => d.line)).toEqual([lineOf(text, 'rapporteringsdato: 2011')]);
    } finally {
      t.cleanup();
    }
  });
});

describe('bosoreport fix leaves «%» in a count alone', () => {
  it('«80 %» in a «herav» count, a need row and a breakdown stay as typed, each with its hint', async () => {
    const typed = exampleText(GJOVIK)
      .replace('herav_med_fastrente: 33', 'herav_med_fastrente: 80 %')
      .replace('status_behov_pr_3112: 8\n', 'status_behov_pr_3112: 80 %\n')
      .replace('antall: 450', 'antall: 48 %');
    const t = tempTree({ [G]: typed });
    try {
      const r = await runMain(['fix', G], { cwd: t.dir });
      expect(readFileSync(path.join(t.dir, G), 'utf8')).toBe(typed);
      expect(r.stdout).toContain('Nothing to fix automatically.');
      expect(r.stdout).toContain('80 % of 50 (Antall fullfinansierte boligkjøp med startlån) is 40.');
      expect(r.status).toBe(1);
    } finally {
      t.cleanup();
    }
  });
});
