import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatGithub } from '../../src/cli/formatters/github.js';
import { formatJobSummary } from '../../src/cli/formatters/job-summary.js';
import { changedFirst } from '../../src/cli/formatters/tally.js';
import type { Diagnostic } from '../../src/diagnostics.js';
import { exampleDoc, exampleInRepository, exampleText, GJOVIK, runCli, runMain, tempTree } from '../helpers.js';

const finding = (file: string, severity: Diagnostic['severity'], line: number, message = `problem ${line}`): Diagnostic => ({
  file,
  line,
  col: 3,
  endLine: line,
  endCol: 9,
  severity,
  ruleId: severity === 'error' ? 'ikke-utfylt' : 'negativt-resultat',
  message,
});

/** Old files with 12 errors and 15 warnings, sorted before the one file the pull request changes. */
function repository() {
  const old = Array.from({ length: 3 }, (_, i) => ({
    file: `rapporter/a${i}/2012-aarsrapport.yaml`,
    diagnostics: [
      ...Array.from({ length: 4 }, (_, l) => finding(`rapporter/a${i}/2012-aarsrapport.yaml`, 'error', l + 1)),
      ...Array.from({ length: 5 }, (_, l) => finding(`rapporter/a${i}/2012-aarsrapport.yaml`, 'warning', l + 10)),
    ],
  }));
  const mine = { file: 'rapporter/vardo/2013-aarsrapport.yaml', diagnostics: [finding('rapporter/vardo/2013-aarsrapport.yaml', 'error', 7, 'Vardø sin feil')] };
  return { outcomes: [...old, mine], changed: new Set([mine.file]) };
}

describe('the github format in a pull request', () => {
  const { outcomes, changed } = repository();
  const out = formatGithub(changedFirst(outcomes, changed), { lang: 'nb', changed, jobSummary: true });
  const lines = out.trimEnd().split('\n');

  it("annotates the pull request's own file first, then as many others as GitHub shows: 10 errors and 10 warnings", () => {
    expect(lines[0]).toMatch(/^::error file=rapporter\/vardo\/2013-aarsrapport\.yaml,line=7,.*::Vardø sin feil$/);
    expect(lines.filter((l) => l.startsWith('::error '))).toHaveLength(10);
    expect(lines.filter((l) => l.startsWith('::warning '))).toHaveLength(10);
  });

  it('lists the rest as plain log lines, says so in one notice, and ends with the tally', () => {
    const plain = lines.filter((l) => !l.startsWith('::'));
    expect(plain.filter((l) => /^(feil|advarsel) rapporter\/a\d\//.test(l))).toHaveLength(3 + 5);
    expect(lines).toContain(
      '::notice title=bosoreport::3 feil og 5 advarsler til står ikke som merknader (GitHub viser 10 av hver per steg); jobbsammendraget og loggen lister alle.',
    );
    expect(lines.at(-1)).toBe('I endrede filer: 1 feil, 0 advarsler (1 fil); i resten: 12 feil, 15 advarsler (3 filer).');
  });

  it('annotates everything, with no notice, while under the cap', () => {
    const few = formatGithub([outcomes[0]!], { lang: 'en' });
    expect(few.trimEnd().split('\n')).toHaveLength(9);
    expect(few).not.toContain('::notice');
  });

  it('keeps report text from acting in a plain line or the notice', () => {
    const hostile = [{ file: 'x.yaml', diagnostics: Array.from({ length: 11 }, (_, i) => finding('x.yaml', 'error', i + 1, 'a\n::add-mask::hemmelig\u202e')) }];
    for (const line of formatGithub(hostile, { lang: 'en' }).split('\n')) {
      expect(line).not.toMatch(/^\s*::(?!error |notice )/);
      expect(line).not.toMatch(/[\u202e\r]/);
    }
  });
});

describe('the job summary', () => {
  const { outcomes, changed } = repository();
  const md = formatJobSummary(changedFirst(outcomes, changed), { lang: 'nb', changed, hidden: { errors: 1, warnings: 6 }, loose: [], paths: ['rapporter/'] });

  it('tallies errors and warnings in the changed files, the rest, and the baseline', () => {
    expect(md).toContain('### bosoreport: 13 feil og 15 advarsler i 4 filer');
    expect(md).toContain('| Endret i denne endringen (1 fil) | 1 | 0 |');
    expect(md).toContain('| Andre filer (3) | 12 | 15 |');
    expect(md).toContain('| Godtatt i grunnlinjen, ikke vist | 1 | 6 |');
  });

  it('lists every finding with place, severity, rule and message, the changed files first and marked', () => {
    const rows = md.split('\n').filter((l) => l.startsWith('| rapporter/'));
    expect(rows).toHaveLength(28);
    expect(rows[0]).toBe('| rapporter/vardo/2013-aarsrapport.yaml:7 (endret) | feil | ikke-utfylt | Vardø sin feil |');
  });

  it('keeps report text a cell: no table break, link or HTML', () => {
    const out = formatJobSummary([{ file: 'a.yaml', diagnostics: [finding('a.yaml', 'warning', 2, 'x | y <img src=z> [lenke](http://e)')] }], { lang: 'en', paths: ['a.yaml'] });
    expect(out).toContain('| x \\| y \\<img src=z\\> \\[lenke\\](http://e) |');
  });

  it("stays below GitHub's size limit for a step's summary, and says what it left out", () => {
    const many = [{ file: 'a.yaml', diagnostics: Array.from({ length: 5000 }, (_, i) => finding('a.yaml', 'warning', i + 1, 'æ'.repeat(200))) }];
    const out = formatJobSummary(many, { lang: 'en', paths: ['a.yaml'] });
    expect(Buffer.byteLength(out)).toBeLessThan(1024 * 1024);
    expect(out).toMatch(/… and \d+ more \(see the log, or run validate locally\)\.\n$/);
  });
});

/** A reports repository: its root is where package.json is. */
function reportsRepository(extra: Record<string, string> = {}) {
  return tempTree({ 'package.json': '{ "private": true }\n', 'rapporter/gjovik/2012-aarsrapport.yaml': exampleInRepository(GJOVIK), ...extra });
}

describe('bosoreport baseline, and validate reading it', () => {
  const t = reportsRepository();
  afterAll(t.cleanup);
  const run = (args: string[], cwd = t.dir) => runMain(args, { cwd, env: { NO_COLOR: '1' } });
  const report = path.join(t.dir, 'rapporter/gjovik/2012-aarsrapport.yaml');
  const baselineFile = path.join(t.dir, '.bosoreport-baseline.json');

  it('writes the findings per file and rule at the repository root, without line numbers', async () => {
    const r = await run(['baseline', 'rapporter/']);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('wrote .bosoreport-baseline.json: 4 accepted findings in 1 file. Commit it, and these findings no longer fail new changes.\n');
    expect(JSON.parse(readFileSync(baselineFile, 'utf8'))).toEqual({
      'rapporter/gjovik/2012-aarsrapport.yaml': { 'forsidedato-avviker': { count: 1 }, 'negativt-resultat': { count: 3 } },
    });
    expect((await run(['baseline', 'rapporter/'])).stdout).toBe('.bosoreport-baseline.json is unchanged.\n');
  });

  it('validate hides what it accepts, says how much, and --max-warnings counts only the rest', async () => {
    const r = await run(['validate', 'rapporter/', '--max-warnings', '0']);
    expect(r.status).toBe(0);
    expect(r.stdout).not.toContain('negativt-resultat');
    expect(r.stderr).toBe('4 findings (0 errors, 4 warnings) accepted in the baseline .bosoreport-baseline.json, not shown; --no-baseline shows everything.\n');
    const all = await run(['validate', 'rapporter/', '--max-warnings', '0', '--no-baseline']);
    expect(all.status).toBe(1);
    expect(all.stdout).toContain('negativt-resultat');
  });

  it('finds the same root from a municipality folder', () => {
    // The built binary: the check across reports names the folder from the process's own working folder.
    const r = runCli(['validate', '.', '--max-warnings', '0'], { cwd: path.join(t.dir, 'rapporter/gjovik') });
    expect(r.status).toBe(0);
    expect(r.stderr).toContain('4 findings (0 errors, 4 warnings) accepted');
  });

  it('one more finding of a rule than accepted shows them all', async () => {
    const kept = readFileSync(baselineFile, 'utf8');
    writeFileSync(baselineFile, kept.replace('"count": 3', '"count": 2'));
    const r = await run(['validate', 'rapporter/', '--max-warnings', '0']);
    expect(r.status).toBe(1);
    expect(r.stdout.match(/\(negativt-resultat\)/g)).toHaveLength(3);
    expect(r.stdout).not.toContain('forsidedato-avviker');
    writeFileSync(baselineFile, kept);
  });

  it('a new error in a report with accepted findings fails', async () => {
    const doc = exampleDoc(GJOVIK);
    doc.setIn(['generell_programinformasjon', 'rapporteringsdato'], '2012-12-01');
    writeFileSync(report, doc.toString());
    const r = await run(['validate', 'rapporter/']);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('(rapporteringsdato-for-periodeslutt)');
    expect(r.stdout).not.toContain('negativt-resultat');
    writeFileSync(report, exampleInRepository(GJOVIK));
  });

  it('says when the baseline can be tightened, and --prune tightens it', async () => {
    writeFileSync(report, exampleInRepository(GJOVIK).replace(/^forsidedato: .*\n/m, ''));
    const r = await run(['validate', 'rapporter/']);
    expect(r.status).toBe(0);
    expect(r.stderr).toContain('The baseline can be tightened: 1 rule has fewer findings than it accepts. Run "npx bosoreport baseline --prune rapporter/" and commit the file.');
    expect((await run(['baseline', '--prune', 'rapporter/'])).status).toBe(0);
    expect(JSON.parse(readFileSync(baselineFile, 'utf8'))).toEqual({ 'rapporter/gjovik/2012-aarsrapport.yaml': { 'negativt-resultat': { count: 3 } } });
    writeFileSync(report, exampleInRepository(GJOVIK));
  });

  it('a broken baseline is a usage error with the way out, never ignored', async () => {
    const kept = readFileSync(baselineFile, 'utf8');
    writeFileSync(baselineFile, '{ "rapporter/gjovik/2012-aarsrapport.yaml": { "negativt-resultat": 3 } }');
    const r = await run(['validate', 'rapporter/']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(
      /^bosoreport: Cannot read the baseline \.bosoreport-baseline\.json: at "rapporter\/gjovik\/2012-aarsrapport\.yaml → negativt-resultat", expected .*Write it again with "npx bosoreport baseline rapporter\/"\.\n$/,
    );
    writeFileSync(baselineFile, kept);
  });

  it('writes nothing when a path is missing: half a run would accept too little', async () => {
    const kept = readFileSync(baselineFile, 'utf8');
    const r = await run(['baseline', 'rapporter/', 'rapporter/mangler.yaml']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('The baseline is not written until the problems above are fixed.');
    expect(readFileSync(baselineFile, 'utf8')).toBe(kept);
  });
});

function git(cwd: string, ...args: string[]): void {
  const r = spawnSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.org', ...args], { cwd, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
}

describe('validate --changed', () => {
  const t = reportsRepository({ 'rapporter/hamar/2012-aarsrapport.yaml': exampleInRepository(GJOVIK).replace('kommune: Gjøvik', 'kommune: Hamar') });
  afterAll(t.cleanup);
  git(t.dir, 'init', '-q', '-b', 'main');
  git(t.dir, 'add', '-A');
  git(t.dir, 'commit', '-q', '-m', 'base');
  git(t.dir, 'checkout', '-q', '-b', 'endring');
  const hamar = path.join(t.dir, 'rapporter/hamar/2012-aarsrapport.yaml');
  writeFileSync(hamar, readFileSync(hamar, 'utf8').replace('rapporteringsdato: 2013-02-18', 'rapporteringsdato: 2012-12-01'));
  git(t.dir, 'commit', '-q', '-am', 'endring');
  const run = (args: string[], env: Record<string, string> = {}) => runMain(args, { cwd: t.dir, env: { NO_COLOR: '1', ...env } });

  it('shows the files changed since the branch left the ref first, and writes the job summary', async () => {
    const summary = path.join(t.dir, 'summary.md');
    writeFileSync(summary, '# Before\n');
    const r = await run(['validate', 'rapporter/', '-f', 'github', '--changed', 'main'], { GITHUB_STEP_SUMMARY: summary });
    expect(r.status).toBe(1);
    expect(r.stdout.split('\n')[0]).toMatch(/^::\w+ file=rapporter\/hamar\//);
    expect(r.stdout).toContain('In changed files: 1 error, 4 warnings (1 file); in the rest: 0 errors, 4 warnings (1 file).');
    const md = readFileSync(summary, 'utf8');
    expect(md.startsWith('# Before\n### bosoreport: 1 error and 8 warnings in 2 files\n')).toBe(true);
    expect(md).toContain('| Changed in this change (1 file) | 1 | 4 |');
  });

  it('counts a file changed but not committed yet', async () => {
    const gjovik = path.join(t.dir, 'rapporter/gjovik/2012-aarsrapport.yaml');
    writeFileSync(gjovik, `${readFileSync(gjovik, 'utf8')}# endret\n`);
    const r = await run(['validate', 'rapporter/', '--changed', 'main']);
    expect(r.stdout.indexOf('rapporter/gjovik/')).toBeLessThan(r.stdout.indexOf('rapporter/hamar/'));
    git(t.dir, 'checkout', '-q', '--', 'rapporter/gjovik/2012-aarsrapport.yaml');
  });

  it('an unknown ref, a ref like an option, no git or no repository: exit 2 with what to do', async () => {
    const unknown = await run(['validate', 'rapporter/', '--changed', 'origin/main']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toBe('bosoreport: Cannot find "origin/main" in git.\n');
    const option = await run(['validate', 'rapporter/', '--changed=--output=x']);
    expect(option.status).toBe(2);
    expect(option.stderr).toContain('--changed needs a git reference');
    expect(existsSync(path.join(t.dir, 'x'))).toBe(false);
    // No git on the PATH at all (the built binary, so the PATH is its own).
    const noGit = runCli(['validate', 'rapporter/', '--changed', 'main'], { cwd: t.dir, env: { PATH: path.join(t.dir, 'rapporter') } });
    expect(noGit.status).toBe(2);
    expect(noGit.stderr).toBe('bosoreport: --changed compares with git, but git is not on the PATH. Install git, or run without --changed.\n');
    const outside = tempTree({ 'a.yaml': exampleText(GJOVIK) });
    try {
      const r = await runMain(['validate', 'a.yaml', '--changed', 'main'], { cwd: outside.dir, env: { LANG: 'nb_NO.UTF-8' } });
      expect(r.status).toBe(2);
      expect(r.stderr).toBe(`bosoreport: ${outside.dir} er ikke i et git-repository; --changed sammenligner med git.\n`);
    } finally {
      outside.cleanup();
    }
  });
});
