import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { exampleText, GJOVIK, LILLEHAMMER, lineOf, runCli, tempTree } from '../helpers.js';

const STACK = /\n\s+at .+:\d+:\d+/;
const ANSI = /\x1b\[/;

describe('bosoreport validate (built binary)', () => {
  it('passes both examples with exit 0 and a short ok summary', () => {
    const r = runCli(['validate', GJOVIK, LILLEHAMMER]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(`✔ ${GJOVIK}: Annual report (2012–2014 form)`);
    expect(r.stdout).toContain('✔ 2 files without errors, 9 warnings');
    expect(r.stderr).toBe('');
  });

  it('walks folders recursively and expands quoted globs, in a stable order', () => {
    const t = tempTree({
      'reports/gjovik/2012-aarsrapport.yaml': exampleText(GJOVIK),
      'reports/lillehammer/2011-halvaarsrapport.yml': exampleText(LILLEHAMMER),
      'reports/notes.txt': 'x',
      'other/lillehammer-2011-halvaarsrapport.yaml': exampleText(LILLEHAMMER),
    });
    try {
      const dir = runCli(['validate', 'reports'], { cwd: t.dir });
      expect(dir.status).toBe(0);
      expect(dir.stdout).toContain('✔ reports/gjovik/2012-aarsrapport.yaml');
      expect(dir.stdout).toContain('✔ reports/lillehammer/2011-halvaarsrapport.yml');
      expect(dir.stdout).toMatch(/✔ 2 files without errors/);
      const glob = runCli(['validate', 'reports/**/*.yaml', 'other/lillehammer-2011-halvaarsrapport.yaml'], { cwd: t.dir });
      expect(glob.status).toBe(0);
      expect(glob.stdout.indexOf('✔ other/')).toBeLessThan(glob.stdout.indexOf('✔ reports/gjovik/2012-aarsrapport.yaml'));
      expect(glob.stdout).not.toContain('2011-halvaarsrapport.yml');
      expect(glob.stdout).toMatch(/✔ 2 files without errors/);
    } finally {
      t.cleanup();
    }
  });

  it('reports problems as file:line:col severity message (rule) and exits 1, in English', () => {
    const bad = exampleText(GJOVIK).replace('  programansvarlig:', '  programansvalig:').replace('nye_soknader: 302', 'nye_soknader: X');
    const t = tempTree({ 'bad.yaml': bad, 'good.yaml': exampleText(LILLEHAMMER) });
    try {
      const r = runCli(['validate', '--lang', 'en', '.'], { cwd: t.dir });
      expect(r.status).toBe(1);
      const line = lineOf(bad, 'programansvalig');
      expect(r.stdout).toMatch(new RegExp(`^bad\\.yaml:${line}:3  error  Unknown field "programansvalig" in generell_programinformasjon\\.  \\(schema/unknown-key\\)$`, 'm'));
      expect(r.stdout).toMatch(/^ {4}→ Did you mean "programansvarlig"\?$/m);
      expect(r.stdout).toContain(
        `bad.yaml:${lineOf(bad, 'nye_soknader: X')}:19  error  Antall nye søknader om kommunalt disponerte boliger: expected a whole number, null (unknown) or a mapping of fields, found the text "X".  (schema/type)`,
      );
      expect(r.stdout).toMatch(/^✖ \d+ problems \(2 errors, \d+ warnings\) in 2 of 2 files$/m);
      expect(r.stdout).not.toMatch(STACK);
      expect(r.stderr).toBe('');
    } finally {
      t.cleanup();
    }
  });

  it('speaks bokmål with --lang nb and from a Norwegian locale', () => {
    const bad = exampleText(GJOVIK).replace('rapporteringsaar: 2012', 'rapporteringsaar: "2012"');
    const t = tempTree({ 'bad.yaml': bad });
    try {
      for (const r of [runCli(['validate', '--lang', 'nb', 'bad.yaml'], { cwd: t.dir }), runCli(['validate', 'bad.yaml'], { cwd: t.dir, env: { LANG: 'nb_NO.UTF-8' } })]) {
        expect(r.status).toBe(1);
        expect(r.stdout).toContain(`bad.yaml:${lineOf(bad, 'rapporteringsaar:')}:21  feil  Rapporteringsår: forventet et helt tall, fant teksten «2012».  (schema/type)`);
        expect(r.stdout).toContain('✖ 1 problem (1 feil, 0 advarsler) i 1 av 1 fil');
      }
    } finally {
      t.cleanup();
    }
  });

  it('reports YAML errors (duplicate key, tab, bad encoding, binary) with positions and no stack trace', () => {
    const t = tempTree({
      'dup.yaml': 'skjema: aarsrapport-2012\nskjema: aarsrapport-2012\n',
      'tab.yaml': 'skjema: aarsrapport-2012\na:\n\tb: 1\n',
      'latin1.yaml': new Uint8Array([...new TextEncoder().encode('skjema: aarsrapport-2012\nkommune: Gj'), 0xf8, 0x0a]),
      'image.yaml': new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]),
    });
    try {
      for (const lang of ['en', 'nb']) {
        const r = runCli(['validate', '--lang', lang, '.'], { cwd: t.dir });
        expect(r.status).toBe(1);
        expect(r.stdout).toMatch(/^dup\.yaml:2:1 {2}\S+ {2}.*\(yaml\/duplicate-key\)$/m);
        expect(r.stdout).toMatch(/^tab\.yaml:3:1 {2}\S+ {2}.*\(yaml\/tab\)$/m);
        expect(r.stdout).toMatch(/^latin1\.yaml:2:12 {2}\S+ {2}.*\(load\/not-utf8\)$/m);
        expect(r.stdout).toMatch(/^image\.yaml:1:1 {2}\S+ {2}.*\(load\/binary\)$/m);
        expect(r.stdout + r.stderr).not.toMatch(STACK);
      }
    } finally {
      t.cleanup();
    }
  });

  it('exits 2 for a missing file but still checks the others', () => {
    const r = runCli(['validate', 'no-such-report.yaml', GJOVIK]);
    expect(r.status).toBe(2);
    expect(r.stdout).toContain('no-such-report.yaml  error  Cannot find the file or folder "no-such-report.yaml".  (io/not-found)');
    expect(r.stdout).toContain(`✔ ${GJOVIK}`);
  });

  it('exits 2 when a pattern or folder matches no report', () => {
    const t = tempTree({ 'empty/readme.txt': 'x' });
    try {
      const r = runCli(['validate', 'empty', 'reports/**/*.yaml'], { cwd: t.dir, env: { LANG: 'nb_NO.UTF-8' } });
      expect(r.status).toBe(2);
      expect(r.stdout).toContain('empty  feil  Ingen rapportfiler passer til «empty».  (io/no-match)');
      expect(r.stdout).toContain('Ingen rapportfiler passer til «reports/**/*.yaml».');
    } finally {
      t.cleanup();
    }
  });

  it('exits 2 for usage errors: no paths, unknown option, unknown language', () => {
    expect(runCli(['validate']).status).toBe(2);
    expect(runCli(['validate', '--bogus', GJOVIK]).status).toBe(2);
    const lang = runCli(['validate', '--lang', 'de', GJOVIK]);
    expect(lang.status).toBe(2);
    expect(lang.stderr).toContain('Unknown language "de"; use nb, nn or en.');
    expect(runCli(['frobnicate']).status).toBe(2);
  });

  it('prints no colour when not on a terminal or when NO_COLOR is set, and colour when forced', () => {
    const bad = tempTree({ 'bad.yaml': 'skjema: nope\n' });
    try {
      expect(runCli(['validate', 'bad.yaml'], { cwd: bad.dir }).stdout).not.toMatch(ANSI);
      expect(runCli(['validate', 'bad.yaml'], { cwd: bad.dir, env: { NO_COLOR: '1' } }).stdout).not.toMatch(ANSI);
      expect(runCli(['validate', 'bad.yaml'], { cwd: bad.dir, env: { FORCE_COLOR: '1' } }).stdout).toMatch(ANSI);
    } finally {
      bad.cleanup();
    }
  });

  it('has help in bokmål for a Norwegian locale or --lang nb', () => {
    const nb = runCli(['--help'], { env: { LANG: 'nb_NO.UTF-8' } });
    expect(nb.stdout).toContain('Bruk: bosoreport');
    expect(nb.stdout).toContain('Kommandoer:');
    expect(runCli(['validate', '--help', '--lang', 'nb']).stdout).toContain('Avslutningskoder: 0 ingen feil');
  });

  it('stops quietly when the reader of its output goes away (| head)', async () => {
    const { spawn } = await import('node:child_process');
    const { BIN } = await import('../helpers.js');
    const child = spawn(process.execPath, [BIN, 'validate', '--help'], { env: { PATH: process.env.PATH ?? '', LANG: 'C' } });
    child.stdout.destroy();
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    const code = await new Promise((resolve) => child.on('close', resolve));
    expect(err).not.toMatch(/EPIPE|\n\s+at /);
    expect(code).toBe(0);
  });

  it('never writes its results over a report it checked, nor two reports to one output', () => {
    // Two municipalities' reports, not copies (copies are refused as duplicates before any output).
    const t = tempTree({ 'g.yaml': exampleText(GJOVIK), 'g.yml': exampleText(GJOVIK).replace('kommune: Gjøvik', 'kommune: Hamar') });
    try {
      const r = runCli(['validate', 'g.yaml', '-f', 'json', '-o', 'g.yaml'], { cwd: t.dir });
      expect(r.status).toBe(2);
      expect(r.stderr).toContain('is one of the reports being checked');
      expect(readFileSync(path.join(t.dir, 'g.yaml'), 'utf8')).toBe(exampleText(GJOVIK));
      const both = runCli(['render', 'g.yaml', 'g.yml'], { cwd: t.dir });
      expect(both.status).toBe(2);
      expect(both.stderr).toContain('would both be written to out/g.html');
    } finally {
      t.cleanup();
    }
  });

  it('has help with examples, and a version', () => {
    const help = runCli(['validate', '--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('$ bosoreport validate reports/');
    expect(help.stdout).toContain('Exit codes');
    const top = runCli(['--help']);
    expect(top.stdout).toContain('validate');
    const version = runCli(['--version']);
    expect(version.status).toBe(0);
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });
});

describe('small promises the README makes', () => {
  it('NO_COLOR wins over FORCE_COLOR, and --quiet lists no clean files', async () => {
    const { runMain, exampleText } = await import('../helpers.js');
    const { tempTree } = await import('../helpers.js');
    const t = tempTree({ 'bad.yaml': 'skjema: aarsrapport-2012\n', 'ok.yaml': exampleText('examples/gjovik-aarsrapport-2012.yaml').replace('forsidedato: 2013-01-15\n', '') });
    try {
      const colored = await runMain(['validate', 'bad.yaml'], { cwd: t.dir, env: { FORCE_COLOR: '1', NO_COLOR: '1' } });
      expect(colored.stdout).not.toMatch(/\u001b\[/);
      const quiet = await runMain(['validate', 'ok.yaml', '--quiet'], { cwd: t.dir });
      expect(quiet.stdout).not.toContain('✔ ok.yaml');
    } finally {
      t.cleanup();
    }
  });

  it("keeps each report's output path when another report in the batch is invalid", async () => {
    const { runMain, exampleText, tempTree } = await import('../helpers.js');
    const { existsSync } = await import('node:fs');
    const path = await import('node:path');
    const t = tempTree({
      'rapporter/gjovik/2012-aarsrapport.yaml': exampleText('examples/gjovik-aarsrapport-2012.yaml'),
      'rapporter/hamar/2012-aarsrapport.yaml': 'skjema: aarsrapport-2012\n',
    });
    try {
      await runMain(['render', 'rapporter', '-d', 'ut'], { cwd: t.dir });
      expect(existsSync(path.join(t.dir, 'ut/gjovik/2012-aarsrapport.html'))).toBe(true);
    } finally {
      t.cleanup();
    }
  });
});
