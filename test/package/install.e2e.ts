import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { extractCommands } from '../docs/commands.js';
import { readPdf } from '../render/pdf-reader.js';

/**
 * What a reports repository does with bosoreport, from the outside: pack it, install the tarball
 * through the example workflow's own install step into an empty repository, and run the workflow's
 * check and render steps there. Nothing of this checkout is on the path but the tarball.
 */
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const WORKFLOW = path.join(ROOT, 'examples/ci/.github/workflows/bosoreport.yml');

interface Step {
  name?: string;
  run?: string;
}

function workflowStep(name: string): string {
  const workflow = parse(readFileSync(WORKFLOW, 'utf8')) as { jobs: Record<string, { steps: Step[] }> };
  const step = Object.values(workflow.jobs)
    .flatMap((job) => job.steps)
    .find((s) => s.name === name);
  if (!step?.run) throw new Error(`The workflow has no step "${name}" with a run script`);
  return step.run;
}

/** The environment of a fresh shell: none of the npm run variables of the test's own npm. */
function cleanEnv(extra: Record<string, string>): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) if (value !== undefined && !/^npm_/i.test(key) && key !== 'INIT_CWD') env[key] = value;
  return { ...env, CI: 'true', ...extra };
}

function bash(script: string, cwd: string, env: Record<string, string> = {}) {
  const r = spawnSync('bash', ['-e', '-c', script], { cwd, env: cleanEnv(env), encoding: 'utf8' });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

describe('the packed package, installed the way the example workflow installs it', () => {
  const work = mkdtempSync(path.join(tmpdir(), 'bosoreport-package-'));
  const repo = path.join(work, 'reports-repo');
  let tarball = '';
  let files: string[] = [];

  beforeAll(() => {
    const packed = spawnSync('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', work], { cwd: ROOT, env: cleanEnv({}), encoding: 'utf8' });
    expect(packed.status, packed.stderr).toBe(0);
    const [info] = JSON.parse(packed.stdout) as [{ filename: string; files: { path: string }[] }];
    tarball = path.join(work, info.filename);
    files = info.files.map((f) => f.path);
    mkdirSync(path.join(repo, 'rapporter/gjovik'), { recursive: true });
    mkdirSync(path.join(repo, 'rapporter/lillehammer'), { recursive: true });
    writeFileSync(path.join(repo, 'rapporter/gjovik/2012-aarsrapport.yaml'), readFileSync(path.join(ROOT, 'examples/gjovik-aarsrapport-2012.yaml')));
    writeFileSync(path.join(repo, 'rapporter/lillehammer/2011-halvaarsrapport.yaml'), readFileSync(path.join(ROOT, 'examples/lillehammer-halvaarsrapport-2011.yaml')));
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('holds the built program, schemas and templates, and none of the sources or tests', () => {
    expect(files).toContain('bin/bosoreport.cjs');
    expect(files).toContain('schemas/aarsrapport-2012.schema.json');
    expect(files).toContain('templates/style.css');
    expect(files.some((f) => f.startsWith('dist/forms/aarsrapport-2012/'))).toBe(true);
    expect(files.filter((f) => f.startsWith('test/') || f.startsWith('src/') || (f.endsWith('.ts') && !f.endsWith('.d.ts')))).toEqual([]);
  });

  it('links from its README and docs only to files it carries', () => {
    const pages = files.filter((f) => f === 'README.md' || /^docs\/[^/]+\.md$/.test(f));
    expect(pages).toContain('README.md');
    expect(pages).toContain('docs/cli.md');
    const carried = (target: string) => files.includes(target) || files.some((f) => f.startsWith(`${target.replace(/\/$/, '')}/`));
    for (const page of pages) {
      const text = readFileSync(path.join(ROOT, page), 'utf8');
      for (const [, link] of text.matchAll(/\]\(([^)\s]+)\)/g)) {
        if (/^[a-z]+:|^#/i.test(link!)) continue;
        const target = path.posix.normalize(path.posix.join(path.posix.dirname(page), link!.replace(/#.*$/, '')));
        expect(carried(target), `${page} links to ${link}, which the package does not carry`).toBe(true);
      }
    }
  });

  it('the workflow stops with a clear message while BOSOREPORT_PACKAGE is not set', () => {
    const r = bash(workflowStep('Install bosoreport'), repo, { BOSOREPORT_PACKAGE: '' });
    expect(r.status).toBe(1);
    expect(r.out).toContain('::error title=bosoreport is not set up::Set BOSOREPORT_PACKAGE');
    expect(existsSync(path.join(repo, 'node_modules'))).toBe(false);
  });

  it('installs from the tarball with no build step, then checks and renders the reports to PDF', async () => {
    const install = bash(workflowStep('Install bosoreport'), repo, { BOSOREPORT_PACKAGE: tarball });
    expect(install.status, install.out).toBe(0);
    // No compiler came along: what runs is what was packed.
    expect(existsSync(path.join(repo, 'node_modules/typescript'))).toBe(false);
    expect(existsSync(path.join(repo, 'node_modules/bosoreport/dist/cli'))).toBe(true);

    // The check fails on any warning unless it is accepted: the region writes its baseline first (docs/ci.md).
    expect(bash(workflowStep('Check the reports'), repo).status).toBe(1);
    const baseline = bash('npx --no-install bosoreport baseline rapporter/', repo);
    expect(baseline.status, baseline.out).toBe(0);
    const check = bash(workflowStep('Check the reports'), repo);
    expect(check.status, check.out).toBe(0);
    expect(check.out).toContain('9 findings (0 errors, 9 warnings) accepted in the baseline .bosoreport-baseline.json');

    // The overview goes to the job summary GitHub shows on the run's page.
    const jobSummary = path.join(work, 'step-summary.md');
    const overview = bash(workflowStep('Overview in the job summary'), repo, { GITHUB_STEP_SUMMARY: jobSummary });
    expect(overview.status, overview.out).toBe(0);
    expect(readFileSync(jobSummary, 'utf8')).toMatch(/^\| Gjøvik \| .*i tide/m);

    const render = bash(workflowStep('Render HTML and PDF'), repo);
    expect(render.status, render.out).toBe(0);
    expect(readdirSync(path.join(repo, 'dist/gjovik')).sort()).toEqual(['2012-aarsrapport.html', '2012-aarsrapport.pdf']);
    const pdf = await readPdf(path.join(repo, 'dist/gjovik/2012-aarsrapport.pdf'));
    expect(pdf.text).toContain('ÅRSRAPPORT 2012');
    expect(pdf.text).toContain('38,4 %');
    expect(pdf.fonts).toEqual(['Arimo-Bold', 'Arimo-Italic', 'Arimo-Regular']);

    // And by hand, as the README's walk shows it: init with editor help that resolves in this repository.
    const init = bash('npx --no-install bosoreport init aarsrapport-2012 --kommune Gjøvik --aar 2013 --from rapporter/gjovik/2012-aarsrapport.yaml', repo);
    expect(init.status, init.out).toBe(0);
    expect(init.out).not.toContain('npm install');
    const modeline = /\$schema=(\S+)/.exec(readFileSync(path.join(repo, 'rapporter/gjovik/2013-aarsrapport.yaml'), 'utf8'))![1]!;
    expect(existsSync(path.resolve(repo, 'rapporter/gjovik', modeline))).toBe(true);
    const one = bash('npx --no-install bosoreport render rapporter/gjovik/2012-aarsrapport.yaml --copy husbanken -o til-husbanken.pdf', repo);
    expect(one.status, one.out).toBe(0);
    expect((await readPdf(path.join(repo, 'til-husbanken.pdf'))).text).not.toContain('Kontrollmerknader');
    const version = bash('npx --no-install bosoreport --version', repo);
    expect(version.out.trim()).toBe(JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version);
  });
});

describe('the packed package, installed the way the README says', () => {
  const work = mkdtempSync(path.join(tmpdir(), 'bosoreport-readme-install-'));
  const repo = path.join(work, 'reports-repo');
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('installs as a devDependency from the tarball, runs no install script, and its pre-commit hook stops a report with errors', () => {
    const packed = spawnSync('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', work], { cwd: ROOT, env: cleanEnv({}), encoding: 'utf8' });
    expect(packed.status, packed.stderr).toBe(0);
    const [info] = JSON.parse(packed.stdout) as [{ filename: string }];
    // The README's own install line, with the tarball where it says to put it.
    const line = extractCommands('README.md', readFileSync(path.join(ROOT, 'README.md'), 'utf8')).find((c) => /^npm install --save-dev \S+\.tgz$/.test(c.text));
    expect(line, 'README.md shows how to install the tarball').toBeDefined();
    const tarball = line!.text.split(' ').at(-1)!;
    expect(path.basename(tarball), 'the README names the tarball npm pack makes').toBe(info.filename);
    mkdirSync(path.dirname(path.join(repo, tarball)), { recursive: true });
    copyFileSync(path.join(work, info.filename), path.join(repo, tarball));

    const install = bash(line!.text, repo);
    expect(install.status, install.out).toBe(0);
    // npm warns of a package with install scripts (prepare included) that no one allowed; there is none to allow.
    expect(install.out).not.toMatch(/install-scripts|prepare/i);
    const installed = JSON.parse(readFileSync(path.join(repo, 'node_modules/bosoreport/package.json'), 'utf8')) as { scripts?: Record<string, string> };
    expect(Object.keys(installed.scripts ?? {}).filter((s) => /^(pre|post)?(install|prepare)$/.test(s))).toEqual([]);
    expect(JSON.parse(readFileSync(path.join(repo, 'package.json'), 'utf8')).devDependencies.bosoreport).toBe(`file:${path.posix.normalize(tarball)}`);

    // The hook, installed as its own comment says, from the repository's top folder.
    const hook = readFileSync(path.join(repo, 'node_modules/bosoreport/examples/ci/pre-commit'), 'utf8');
    const copy = /^#\s+(cp node_modules\/bosoreport\/\S+ .*)$/m.exec(hook)?.[1];
    expect(copy, 'the hook says how to install it').toBeDefined();
    const git = (args: string) => bash(`git -c user.name=Test -c user.email=test@example.org ${args}`, repo);
    expect(git('init -q').status).toBe(0);
    expect(bash(copy!, repo).status).toBe(0);
    const report = readFileSync(path.join(ROOT, 'examples/gjovik-aarsrapport-2012.yaml'), 'utf8');
    mkdirSync(path.join(repo, 'rapporter/gjovik'), { recursive: true });
    writeFileSync(path.join(repo, 'rapporter/gjovik/2012-aarsrapport.yaml'), report.replace('rapporteringsaar: 2012', 'rapporteringsaar: tjue tolv'));
    git('add rapporter');
    const refused = git('commit -q -m bad');
    expect(refused.status, refused.out).not.toBe(0);
    expect(refused.out).toMatch(/rapporter\/gjovik\/2012-aarsrapport\.yaml:\d+:\d+ .*error/);
    writeFileSync(path.join(repo, 'rapporter/gjovik/2012-aarsrapport.yaml'), report);
    git('add rapporter');
    const accepted = git('commit -q -m good');
    expect(accepted.status, accepted.out).toBe(0);
  });
});
