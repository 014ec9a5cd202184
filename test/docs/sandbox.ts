import { spawn, spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { BIN, ROOT, runMain, tempTree } from '../helpers.js';
import { needsBrowser, parseLine, withPlaceholders, type DocCommand } from './commands.js';

/** A finished example of a form (of that year where there is one) as another municipality's report. */
function finishedReport(form: string, year: string, kommune: string | undefined, modeline: string | undefined): string {
  const examples = readdirSync(path.join(ROOT, 'examples'))
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => ({ name: f, text: readFileSync(path.join(ROOT, 'examples', f), 'utf8') }))
    .filter((e) => new RegExp(`^skjema: *${form}\\b`, 'm').test(e.text));
  const finished = examples.find((e) => e.name.includes(year)) ?? examples[0];
  if (!finished) throw new Error(`No finished example of form ${form}`);
  let text = finished.text;
  if (modeline) text = text.replace(/^# yaml-language-server:.*$/m, modeline);
  if (kommune) text = text.replace(/^(\s*kommune: *)[^#\n]+?(\s*(?:#.*)?)$/m, `$1${kommune}$2`);
  return text;
}

/**
 * Where the docs' commands run: a reports repository as the README lays it out, every example
 * report at rapporter/<kommune>/<år>-<type>.yaml; beside it reports/ (the English help's name for
 * such a folder) midway through 2013, with Gjøvik's 2013 report written; a copy of the tool's
 * examples/ (which the help and docs/forms.md name); the help's «any two reports» a.yaml and b.yaml
 * (two reports not in reports/, so that checking them together finds no copy); its my-templates/.
 */
export function sandbox(): { dir: string; env: Record<string, string>; cleanup: () => void } {
  const files: Record<string, string> = {};
  const loose: Record<string, string> = { 'drammen-aarsrapport-2011.yaml': 'a.yaml', 'larvik-aarsrapport-2011.yaml': 'b.yaml' };
  for (const name of readdirSync(path.join(ROOT, 'examples')).filter((f) => f.endsWith('.yaml'))) {
    // gjovik-aarsrapport-2012.yaml → gjovik/2012-aarsrapport.yaml
    const m = /^([a-z]+)-(.+)-(\d{4})\.yaml$/.exec(name);
    if (!m) throw new Error(`examples/${name} is not named <kommune>-<type>-<år>.yaml`);
    const text = readFileSync(path.join(ROOT, 'examples', name), 'utf8');
    files[`rapporter/${m[1]}/${m[3]}-${m[2]}.yaml`] = text;
    files[loose[name] ?? `reports/${m[1]}/${m[3]}-${m[2]}.yaml`] = text;
  }
  files['reports/gjovik/2013-aarsrapport.yaml'] = finishedReport('aarsrapport-2012', '2013', 'Gjøvik', undefined);
  // Delivered reports as text, for `import`.
  files['arkiv/gjovik-2012.txt'] = readFileSync(path.join(ROOT, 'test/fixtures/import/gjovik-aarsrapport-2012.txt'), 'utf8');
  files['arkiv/lillehammer-2011.txt'] = readFileSync(path.join(ROOT, 'test/fixtures/import/lillehammer-halvaarsrapport-2011.txt'), 'utf8');
  const t = tempTree(files);
  cpSync(path.join(ROOT, 'examples'), path.join(t.dir, 'examples'), { recursive: true });
  mkdirSync(path.join(t.dir, 'my-templates'));
  // A git repository whose main branch is also origin/main, as a CI checkout of a pull request
  // has it: docs/ci.md commits the baseline, and --changed compares with origin/main.
  git(t.dir, 'init', '-q', '-b', 'main');
  git(t.dir, 'add', '-A');
  git(t.dir, 'commit', '-q', '-m', 'rapporter');
  git(t.dir, 'update-ref', 'refs/remotes/origin/main', 'HEAD');
  return { ...t, env: { GITHUB_STEP_SUMMARY: path.join(t.dir, 'step-summary.md') } };
}

/** git with a committer of its own, so that no machine's settings are needed; throws on failure. */
function git(cwd: string, ...args: string[]): { status: number; stdout: string; stderr: string } {
  const r = spawnSync('git', ['-c', 'user.name=Docs', '-c', 'user.email=docs@example.org', ...args], { cwd, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
  return { status: 0, stdout: r.stdout, stderr: r.stderr };
}

/** Every file below a folder, relative to it. */
function filesBelow(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)));
}

/**
 * A help example names the files it reads as if run where they are: the sandbox's top, or, for the
 * example form's own commands, examples/forms. The first folder in which every path it names exists
 * (an output file's folder included, the output itself not) is where it runs.
 */
export function exampleCwd(root: string, argv: string[], redirect?: string): string {
  const outputs = new Set(argv.flatMap((a, i) => (['-o', '--output', '-d', '--out-dir'].includes(argv[i - 1] ?? '') ? [a] : [])));
  const named = argv.filter((a) => !a.startsWith('-') && !outputs.has(a) && !/[*?]/.test(a) && (a.includes('/') || /\.ya?ml$/.test(a)));
  if (redirect?.includes('/')) named.push(path.dirname(redirect));
  const candidates = [root, path.join(root, 'examples/forms')];
  return candidates.find((dir) => named.every((p) => existsSync(path.resolve(dir, p)))) ?? root;
}

/**
 * The reader fills in a report that `init` started before the next step; the test does it for them
 * with a finished example of the same form, keeping the new file's first line (the editor's schema)
 * and its municipality.
 */
export function fillInStartedReports(dir: string, before: Set<string>): void {
  for (const file of filesBelow(dir).filter((f) => !before.has(f) && /\.ya?ml$/.test(f))) {
    const started = readFileSync(path.join(dir, file), 'utf8');
    const form = /^skjema: *(\S+)/m.exec(started)?.[1] ?? '';
    const kommune = /^\s*kommune: *([^#\n]+?)\s*(?:#.*)?$/m.exec(started)?.[1];
    const year = /(\d{4})/.exec(path.basename(file))?.[1] ?? '';
    writeFileSync(path.join(dir, file), finishedReport(form, year, kommune, started.split('\n')[0]));
  }
}

export interface Outcome {
  status: number | null;
  output: string;
  /** Set when the command was not run, with the reason. */
  skipped?: string;
}

/** Runs one documented command line in the sandbox, bosoreport in-process (preview as the real binary). Returns the cwd a `cd` leaves. */
export async function runDocumented(
  command: DocCommand,
  box: { dir: string; env: Record<string, string> },
  cwd: string,
  options: { browser: boolean },
): Promise<{ outcome: Outcome; cwd: string }> {
  let output = '';
  for (const step of parseLine(command.text, box.env)) {
    let [program, ...args] = step.argv;
    if (program === 'cd') {
      cwd = path.resolve(cwd, args[0] ?? box.dir);
      continue;
    }
    if (program === 'git') {
      // The docs' own git steps (committing a baseline) are part of the walk a reader follows.
      const r = git(cwd, ...args);
      output += r.stdout + r.stderr;
      continue;
    }
    if (program === 'npx' && args[0] === 'bosoreport') [program, ...args] = args;
    if (program !== 'bosoreport') throw new Error(`${command.doc}:${command.line}: no way to run «${command.text}»`);
    args = withPlaceholders(args);
    if (needsBrowser(args) && !options.browser) return { outcome: { status: null, output, skipped: 'needs a browser: run by the e2e test' }, cwd };
    const where = command.kind === 'example' ? exampleCwd(box.dir, args, step.redirect?.file) : cwd;
    const before = new Set(filesBelow(box.dir));
    const r = args[0] === 'preview' ? await previewStartsAndStops(args, where) : await runMain(args, { cwd: where, env: box.env });
    output += r.stdout + r.stderr;
    if (step.redirect) {
      const target = path.resolve(where, step.redirect.file);
      if (step.redirect.append) appendFileSync(target, r.stdout);
      else writeFileSync(target, r.stdout);
    }
    if (r.status !== 0) return { outcome: { status: r.status, output }, cwd };
    if (args[0] === 'init' && command.kind === 'walk') fillInStartedReports(box.dir, before);
  }
  return { outcome: { status: 0, output }, cwd };
}

/** preview runs until Ctrl-C: it must print its address, serve the form there, and stop cleanly on SIGINT. */
async function previewStartsAndStops(args: string[], cwd: string): Promise<{ status: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [BIN, ...args], { cwd, env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', LANG: 'C' } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d));
  child.stderr.on('data', (d: Buffer) => (stderr += d));
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  const deadline = Date.now() + 15_000;
  while (!/http:\/\/127\.0\.0\.1:\d+\//.test(stdout) && child.exitCode === null && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  const url = /http:\/\/127\.0\.0\.1:\d+\//.exec(stdout)?.[0];
  let problem = url ? '' : 'preview printed no address';
  if (url) {
    const page = await fetch(url);
    if (page.status !== 200 || !(await page.text()).includes('<html')) problem = `${url} answered ${page.status} without the form`;
  }
  child.kill('SIGINT');
  const status = await exited;
  return problem ? { status: 2, stdout, stderr: `${stderr}\n(the test: ${problem})` } : { status, stdout, stderr };
}
