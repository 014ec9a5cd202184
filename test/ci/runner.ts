import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

/**
 * Just enough of a GitHub Actions runner to run a workflow's `run:` steps as the runner does: each
 * script in a file, run by the job's shell without a terminal, with the runner's variables, the
 * workflow's, job's and step's `env:`, and a job summary file per step. Steps that `uses:` an
 * action are not run; they are recorded with whether their `if:` would let them run. Only the
 * expressions this project's workflow uses are understood; any other fails the test, so a change
 * to the workflow cannot slip past it unevaluated.
 */

export interface Step {
  name?: string;
  id?: string;
  if?: string;
  run?: string;
  uses?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}
export interface Job {
  'runs-on': string;
  if?: string;
  needs?: string | string[];
  permissions?: Record<string, string>;
  env?: Record<string, string>;
  steps: Step[];
}
export interface Workflow {
  on: Record<string, unknown>;
  concurrency?: { group: string; 'cancel-in-progress': unknown };
  permissions?: Record<string, string>;
  env?: Record<string, string>;
  defaults?: { run?: { shell?: string } };
  jobs: Record<string, Job>;
}

export function readWorkflow(file: string): Workflow {
  return parse(readFileSync(file, 'utf8')) as Workflow;
}

type Outcome = 'success' | 'failure' | 'skipped';

export interface Context {
  /** Outcomes of the job's steps so far, by id. */
  steps: Record<string, Outcome>;
  /** Whether a step before failed (what `success()` asks). */
  failed: boolean;
  vars: Record<string, string>;
  eventName: string;
}

/** A step's or job's `if:`, with or without `${{ }}`; no `if:` means `success()`. */
export function evaluate(condition: string | undefined, ctx: Context): boolean {
  const text = (condition ?? 'success()').trim().replace(/^\$\{\{([\s\S]*)\}\}$/, '$1');
  return text.split('&&').every((term) => {
    const t = term.trim();
    if (t === 'success()') return !ctx.failed;
    if (t === '!cancelled()' || t === 'always()') return true;
    if (t === 'failure()') return ctx.failed;
    let m = /^steps\.([\w-]+)\.outcome == '(\w+)'$/.exec(t);
    if (m) return ctx.steps[m[1]!] === m[2];
    m = /^vars\.(\w+) == '([^']*)'$/.exec(t);
    if (m) return (ctx.vars[m[1]!] ?? '') === m[2];
    m = /^github\.event_name == '(\w+)'$/.exec(t);
    if (m) return ctx.eventName === m[1];
    throw new Error(`The test runner does not know the expression «${t}»`);
  });
}

export interface StepResult {
  step: Step;
  /** The step's `if:` let it run (for a `uses:` step: it would have run). */
  ran: boolean;
  outcome: Outcome;
  status: number | null;
  /** Standard output and error, as the log shows them. */
  log: string;
  /** What the step appended to its job summary file. */
  summary: string;
}

export interface RunOptions {
  cwd: string;
  /** The runner's own variables (GITHUB_*, RUNNER_*, CI, PATH, HOME, LANG). */
  env: Record<string, string>;
  vars?: Record<string, string>;
  eventName: string;
  /** A folder for the scripts and the summary files. */
  temp: string;
}

/** Runs a job's steps in order, as the runner would: a failed step fails the job and skips what only runs on success. */
export function runJob(workflow: Workflow, jobName: string, options: RunOptions): StepResult[] {
  const job = workflow.jobs[jobName]!;
  const shell = workflow.defaults?.run?.shell;
  // `shell: bash` runs `bash --noprofile --norc -eo pipefail {0}`; no shell named runs `bash -e {0}`.
  const shellArgs = shell === 'bash' ? ['--noprofile', '--norc', '-eo', 'pipefail'] : shell === undefined ? ['-e'] : undefined;
  if (!shellArgs) throw new Error(`The test runner does not know the shell «${shell}»`);
  const ctx: Context = { steps: {}, failed: false, vars: options.vars ?? {}, eventName: options.eventName };
  const results: StepResult[] = [];
  mkdirSync(options.temp, { recursive: true });
  job.steps.forEach((step, i) => {
    const ran = evaluate(step.if, ctx);
    let result: StepResult = { step, ran, outcome: ran ? 'success' : 'skipped', status: null, log: '', summary: '' };
    if (ran && step.run !== undefined) {
      const script = path.join(options.temp, `step-${i}.sh`);
      const summary = path.join(options.temp, `step-${i}-summary.md`);
      writeFileSync(script, step.run);
      writeFileSync(summary, '');
      const env = { ...options.env, ...workflow.env, ...job.env, ...step.env, GITHUB_STEP_SUMMARY: summary };
      const r = spawnSync('bash', [...shellArgs, script], { cwd: options.cwd, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 120_000 });
      result = { ...result, status: r.status, outcome: r.status === 0 ? 'success' : 'failure', log: `${r.stdout}${r.stderr}`, summary: readFileSync(summary, 'utf8') };
    }
    if (result.outcome === 'failure') ctx.failed = true;
    if (step.id) ctx.steps[step.id] = result.outcome;
    results.push(result);
  });
  return results;
}
