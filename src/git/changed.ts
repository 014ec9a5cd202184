import { BosoreportError, EXIT_USAGE } from '../errors.js';
import { t, type Lang } from '../messages/index.js';
import { childProcess } from '../util/child-process.js';

interface GitResult {
  ok: boolean;
  stdout: string;
  stderr: string;
}

/** Runs git without a shell (no quoting of the ref matters), in `cwd`; only a missing git throws. */
function git(cwd: string, args: readonly string[], lang: Lang): Promise<GitResult> {
  return new Promise((resolve, reject) => {
    // GIT_OPTIONAL_LOCKS=0: a read-only question must not take the index lock from a running git.
    const env = { ...process.env, GIT_OPTIONAL_LOCKS: '0', LC_ALL: 'C' };
    childProcess().execFile('git', args, { cwd, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      if ((error as NodeJS.ErrnoException | null)?.code === 'ENOENT') reject(new BosoreportError(t(lang, 'changed/no-git'), EXIT_USAGE));
      else resolve({ ok: !error, stdout, stderr });
    });
  });
}

const firstLine = (text: string) => text.trim().split('\n')[0] ?? '';

/**
 * The files changed since the branch left `ref` (a branch, tag or commit), as paths relative to
 * `cwd` with «/»: what `git diff --name-only ref...HEAD` names, plus what is changed but not yet
 * committed and new files git does not ignore. A missing git, a folder outside a repository and a
 * ref the clone does not have (a shallow CI checkout) are usage errors with the way out.
 */
export async function changedFiles(ref: string, cwd: string, lang: Lang): Promise<Set<string>> {
  // A ref that starts with «-» would be read as an option by git.
  if (!ref || ref.startsWith('-')) throw new BosoreportError(t(lang, 'changed/bad-ref', { ref }), EXIT_USAGE);
  const inside = await git(cwd, ['rev-parse', '--is-inside-work-tree'], lang);
  if (!inside.ok || inside.stdout.trim() !== 'true') throw new BosoreportError(t(lang, 'changed/not-a-repository', { folder: cwd }), EXIT_USAGE);
  const shallow = (await git(cwd, ['rev-parse', '--is-shallow-repository'], lang)).stdout.trim() === 'true';
  const fetchHint = shallow ? ` ${t(lang, 'changed/shallow')}` : '';
  const known = await git(cwd, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], lang);
  if (!known.ok) throw new BosoreportError(t(lang, 'changed/unknown-ref', { ref }) + fetchHint, EXIT_USAGE);
  const base = await git(cwd, ['merge-base', ref, 'HEAD'], lang);
  if (!base.ok) throw new BosoreportError(t(lang, 'changed/no-merge-base', { ref }) + fetchHint, EXIT_USAGE);
  // From the merge base to the working tree: the branch's commits and what is not committed yet.
  const diff = await git(cwd, ['diff', '--name-only', '-z', '--relative', base.stdout.trim()], lang);
  const untracked = await git(cwd, ['ls-files', '--others', '--exclude-standard', '-z'], lang);
  for (const [args, r] of [
    ['diff', diff],
    ['ls-files', untracked],
  ] as const) {
    if (!r.ok) throw new BosoreportError(t(lang, 'changed/git-failed', { command: `git ${args}`, reason: firstLine(r.stderr) }), EXIT_USAGE);
  }
  return new Set(`${diff.stdout}${untracked.stdout}`.split('\0').filter(Boolean));
}
