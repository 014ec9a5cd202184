import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Document } from 'yaml';
import { parseDocument } from 'yaml';
import { BIN, exampleInRepository, GJOVIK, LILLEHAMMER, ROOT } from '../helpers.js';
import { evaluate, readWorkflow, runJob, type StepResult } from './runner.js';

/**
 * The example workflow, run as GitHub's runner would run it for a pull request in a private reports
 * repository: a git repository with the default branch (base) and the pull request's branch (head),
 * cloned the way actions/checkout with fetch-depth 0 leaves it (origin/main is there). The install
 * step runs with `npm` recording its arguments instead of installing: node_modules/bosoreport is
 * this checkout, linked, as `npm ci` would have put the package there, so `npx --no-install
 * bosoreport` runs the build under test. `uses:` steps are not run; whether they would run is checked.
 */
/** An example as a report in the repository, its modeline where init writes it. */
const repoDoc = (rel: string) => parseDocument(exampleInRepository(rel));
const WORKFLOW_FILE = path.join(ROOT, 'examples/ci/.github/workflows/bosoreport.yml');
const workflow = readWorkflow(WORKFLOW_FILE);
const work = mkdtempSync(path.join(tmpdir(), 'bosoreport-workflow-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function git(cwd: string, ...args: string[]): string {
  const r = spawnSync('git', args, {
    cwd,
    encoding: 'utf8',
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 'Region øst',
      GIT_AUTHOR_EMAIL: 'rapporter@example.org',
      GIT_COMMITTER_NAME: 'Region øst',
      GIT_COMMITTER_EMAIL: 'rapporter@example.org',
    },
  });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
}

function write(dir: string, files: Record<string, string>): void {
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
}

/** What `npm ci` would leave: the package, and its command in node_modules/.bin. */
function installLinked(dir: string): void {
  mkdirSync(path.join(dir, 'node_modules/.bin'), { recursive: true });
  symlinkSync(ROOT, path.join(dir, 'node_modules/bosoreport'));
  symlinkSync('../bosoreport/bin/bosoreport.cjs', path.join(dir, 'node_modules/.bin/bosoreport'));
}

/** Gjøvik's 2012 report as another municipality's (its four warnings come along). */
function annual(kommune: string, change?: (doc: Document) => void): string {
  const doc = repoDoc(GJOVIK);
  doc.setIn(['generell_programinformasjon', 'kommune'], kommune);
  change?.(doc);
  return doc.toString();
}

/**
 * The region's repository on its default branch: three old reports with 13 warnings between them,
 * accepted in the committed baseline (written by `bosoreport baseline`, as docs/ci.md says) unless
 * `baseline` is false.
 */
function origin(name: string, baseline: boolean): string {
  const dir = path.join(work, name, 'origin');
  mkdirSync(dir, { recursive: true });
  git(dir, 'init', '-q', '-b', 'main');
  write(dir, {
    'package.json': `${JSON.stringify({ name: 'rapporter-region-ost', private: true, devDependencies: { bosoreport: 'file:vendor/bosoreport-0.1.0.tgz' } }, null, 2)}\n`,
    '.gitignore': 'node_modules/\ndist/\n',
    '.github/workflows/bosoreport.yml': readFileSync(WORKFLOW_FILE, 'utf8'),
    'rapporter/gjovik/2012-aarsrapport.yaml': repoDoc(GJOVIK).toString(),
    'rapporter/hamar/2012-aarsrapport.yaml': annual('Hamar'),
    'rapporter/lillehammer/2011-halvaarsrapport.yaml': repoDoc(LILLEHAMMER).toString(),
  });
  if (baseline) {
    const r = spawnSync(process.execPath, [BIN, 'baseline', 'rapporter/'], { cwd: dir, encoding: 'utf8', env: { PATH: process.env.PATH ?? '', LANG: 'C' } });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('13 accepted findings in 3 files');
  }
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', 'Rapportene til og med 2012');
  return dir;
}

/** The runner's checkout of a pull request: a clone of origin with the head commit on a branch of its own. */
function pullRequest(name: string, originDir: string, change: (dir: string) => void): string {
  const dir = path.join(work, name, 'checkout');
  git(work, 'clone', '-q', originDir, dir);
  git(dir, 'checkout', '-q', '-b', 'ny-rapport');
  change(dir);
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', 'Endringen i pull requesten');
  installLinked(dir);
  return dir;
}

/** The runner's variables for a pull request into main; its locale is English and there is no terminal. */
function runnerEnv(dir: string, temp: string): Record<string, string> {
  const fakeBin = path.join(temp, 'bin');
  mkdirSync(fakeBin, { recursive: true });
  // `npm ci` in the install step: recorded, not run (the package is linked in already).
  writeFileSync(path.join(fakeBin, 'npm'), '#!/bin/sh\necho "npm $*" >> "$NPM_LOG"\n');
  chmodSync(path.join(fakeBin, 'npm'), 0o755);
  return {
    PATH: [fakeBin, path.dirname(process.execPath), '/usr/local/bin', '/usr/bin', '/bin'].join(':'),
    HOME: path.join(temp, 'home'),
    LANG: 'C.UTF-8',
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: 'pull_request',
    GITHUB_BASE_REF: 'main',
    GITHUB_HEAD_REF: 'ny-rapport',
    GITHUB_REF: 'refs/pull/7/merge',
    GITHUB_WORKSPACE: dir,
    RUNNER_OS: 'Linux',
    RUNNER_TEMP: temp,
    NPM_LOG: path.join(temp, 'npm.log'),
    NPM_CONFIG_UPDATE_NOTIFIER: 'false',
  };
}

function run(dir: string, name: string): { steps: StepResult[]; step: (name: string) => StepResult; uses: (action: string) => StepResult[]; jobSummary: string; temp: string } {
  const temp = path.join(work, name, 'runner');
  const steps = runJob(workflow, 'reports', { cwd: dir, env: runnerEnv(dir, temp), eventName: 'pull_request', temp });
  const step = (n: string) => steps.find((s) => s.step.name === n) ?? expect.fail(`no step «${n}»`);
  const uses = (action: string) => steps.filter((s) => s.step.uses?.startsWith(action));
  return { steps, step, uses, jobSummary: steps.map((s) => s.summary).join(''), temp };
}

/** A pull request that adds Vardø's report with one error (delivered before the year ended) and four warnings. */
function addBadReport(dir: string): void {
  write(dir, { 'rapporter/vardo/2012-aarsrapport.yaml': annual('Vardø', (d) => d.setIn(['generell_programinformasjon', 'rapporteringsdato'], '2012-12-01')) });
}

const annotations = (log: string) => log.split('\n').filter((l) => /^::(error|warning|notice) /.test(l));

describe('the example workflow, as written', () => {
  it('runs once per change: pull requests, and pushes to the default branch only; a newer push cancels the older run', () => {
    expect(Object.keys(workflow.on)).toEqual(expect.arrayContaining(['pull_request', 'push']));
    expect((workflow.on.push as { branches: string[] }).branches).toEqual(expect.arrayContaining(['main']));
    expect(workflow.concurrency?.group).toContain('github.event.pull_request.number');
    expect(evaluate(String(workflow.concurrency?.['cancel-in-progress']), { steps: {}, failed: false, vars: {}, eventName: 'pull_request' })).toBe(true);
  });

  it('needs no code scanning: read-only, and the SARIF upload is a job of its own behind a repository variable', () => {
    expect(workflow.permissions).toEqual({ contents: 'read' });
    const reports = workflow.jobs.reports!;
    expect(reports.permissions).toBeUndefined();
    expect(reports.steps.some((s) => s.uses?.startsWith('github/codeql-action/'))).toBe(false);
    const scanning = Object.values(workflow.jobs).filter((j) => j.steps.some((s) => s.uses?.startsWith('github/codeql-action/upload-sarif')));
    expect(scanning).toHaveLength(1);
    expect(scanning[0]!.permissions?.['security-events']).toBe('write');
    const off = { steps: {}, failed: false, vars: {}, eventName: 'pull_request' };
    expect(evaluate(scanning[0]!.if, off)).toBe(false);
    expect(evaluate(scanning[0]!.if, { ...off, failed: true, vars: { BOSOREPORT_SARIF: 'true' } })).toBe(true);
  });

  it('speaks bokmål on an English runner, fetches the base branch, and puts no expression into a script', () => {
    expect(workflow.env?.BOSOREPORT_LANG).toBe('nb');
    const checkout = workflow.jobs.reports!.steps.find((s) => s.uses?.startsWith('actions/checkout'));
    expect(checkout?.with?.['fetch-depth']).toBe(0);
    // Values from the event reach scripts through variables, never spliced into the script text.
    for (const job of Object.values(workflow.jobs)) for (const s of job.steps) expect(s.run ?? '').not.toContain('${{');
  });
});

// Each run renders PDFs with a real browser: give a loaded CI machine room.
describe('the example workflow, run for a pull request in a private reports repository', { timeout: 180_000 }, () => {
  it('a clean pull request: every step green, old warnings accepted by the baseline, every report rendered and uploaded', () => {
    const dir = pullRequest('clean', origin('clean', true), (d) => {
      const file = path.join(d, 'rapporter/gjovik/2012-aarsrapport.yaml');
      writeFileSync(file, `${readFileSync(file, 'utf8')}# Kontrollert av regionkontoret.\n`);
    });
    const r = run(dir, 'clean');
    for (const s of r.steps.filter((x) => x.step.run && x.ran)) expect(s.outcome, `${s.step.name}\n${s.log}`).toBe('success');
    expect(readFileSync(path.join(r.temp, 'npm.log'), 'utf8')).toBe('npm ci --no-audit --no-fund\n');

    const check = r.step('Check the reports');
    expect(annotations(check.log)).toEqual([]);
    expect(check.log).toContain('13 funn (0 feil, 13 advarsler) er godtatt i grunnlinjen .bosoreport-baseline.json');
    expect(check.summary).toContain('### bosoreport: ingen feil eller advarsler i 3 filer');
    expect(check.summary).toMatch(/^\| Godtatt i grunnlinjen, ikke vist \| 0 \| 13 \|$/m);

    expect(readdirSync(path.join(dir, 'dist/gjovik'))).toEqual(['2012-aarsrapport.html', '2012-aarsrapport.pdf']);
    expect(r.uses('actions/upload-artifact').map((s) => [s.step.with?.name, s.ran])).toEqual([
      ['rapporter', true],
      ['bosoreport-sarif', false],
    ]);
    expect(r.step('Results for code scanning').ran).toBe(false);
    expect(existsSync(path.join(dir, 'bosoreport.sarif'))).toBe(false);
  });

  it("a bad pull request: the check is red with the pull request's file first, the summary has the tally, and the PDFs are still made", () => {
    const dir = pullRequest('bad', origin('bad', true), addBadReport);
    const r = run(dir, 'bad');
    const check = r.step('Check the reports');
    expect(check.outcome, check.log).toBe('failure');
    const found = annotations(check.log);
    expect(found.find((a) => a.startsWith('::error '))).toMatch(
      /^::error file=rapporter\/vardo\/2012-aarsrapport\.yaml,line=\d+.*title=bosoreport rapporteringsdato-for-periodeslutt::/,
    );
    // Only the pull request's findings: the old ones are in the baseline.
    expect(found.length).toBeGreaterThan(1);
    expect(found.every((a) => a.includes('file=rapporter/vardo/'))).toBe(true);
    expect(check.log).toContain('13 funn (0 feil, 13 advarsler) er godtatt i grunnlinjen');
    expect(check.log).toMatch(/^I endrede filer: 1 feil, 4 advarsler \(1 fil\); i resten: 0 feil, 0 advarsler \(3 filer\)\.$/m);

    expect(check.summary).toContain('### bosoreport: 1 feil og 4 advarsler i 4 filer');
    expect(check.summary).toMatch(/^\| Endret i denne endringen \(1 fil\) \| 1 \| 4 \|$/m);
    expect(check.summary).toMatch(/^\| Andre filer \(3\) \| 0 \| 0 \|$/m);
    expect(check.summary).toMatch(/^\| rapporter\/vardo\/2012-aarsrapport\.yaml:\d+ \(endret\) \| feil \| rapporteringsdato-for-periodeslutt \| /m);

    // After the failed check: the overview, the PDFs of every report without errors, and the artifact.
    expect(r.step('Overview in the job summary').outcome).toBe('success');
    const render = r.step('Render HTML and PDF');
    expect(render.outcome, render.log).toBe('success');
    expect(render.log).toContain('rapporter/vardo/2012-aarsrapport.yaml');
    expect(readdirSync(path.join(dir, 'dist')).sort()).toEqual(['gjovik', 'hamar', 'lillehammer', 'oversikt.html']);
    expect(readdirSync(path.join(dir, 'dist/hamar'))).toEqual(['2012-aarsrapport.html', '2012-aarsrapport.pdf']);
    expect(r.uses('actions/upload-artifact')[0]!.ran).toBe(true);
    expect(r.jobSummary.indexOf('### bosoreport:')).toBeLessThan(r.jobSummary.indexOf('## Levering'));
  });

  it("a repository without a baseline yet: past GitHub's 10 + 10 annotations, the pull request's own come first and a notice counts the rest", () => {
    const dir = pullRequest('unaccepted', origin('unaccepted', false), addBadReport);
    const r = run(dir, 'unaccepted');
    const check = r.step('Check the reports');
    expect(check.outcome).toBe('failure');
    const found = annotations(check.log);
    // Vardø's 1 error and 4 warnings, then 6 of the 13 old warnings: 10 warnings in all.
    expect(found.slice(0, 5).every((a) => a.includes('file=rapporter/vardo/'))).toBe(true);
    expect(found.filter((a) => a.startsWith('::warning '))).toHaveLength(10);
    expect(found.at(-1)).toBe(
      '::notice title=bosoreport::0 feil og 7 advarsler til står ikke som merknader (GitHub viser 10 av hver per steg); jobbsammendraget og loggen lister alle.',
    );
    expect(check.log).toMatch(/^advarsel rapporter\/lillehammer\/2011-halvaarsrapport\.yaml:\d+:\d+ {2}/m);
    // The job summary lists all 18.
    expect(check.summary.split('\n').filter((l) => /^\| rapporter\//.test(l))).toHaveLength(18);
  });

  it('a shallow checkout (actions/checkout without fetch-depth 0) fails the check with the way out, not a stack trace', () => {
    const full = pullRequest('shallow-source', origin('shallow', true), addBadReport);
    const dir = path.join(work, 'shallow', 'checkout');
    git(work, 'clone', '-q', '--depth', '1', `file://${full}`, dir);
    installLinked(dir);
    const r = run(dir, 'shallow');
    const check = r.step('Check the reports');
    expect(check.status).toBe(2);
    expect(check.log).toContain('Finner ikke «origin/main» i git. Klonen er grunn');
    expect(check.log).toContain('fetch-depth: 0');
    expect(check.log).not.toMatch(/\n\s+at /);
  });
});
