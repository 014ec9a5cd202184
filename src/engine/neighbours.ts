import path from 'node:path';
import { expandInputs } from './inputs.js';

/**
 * Every report below the given repository folders that is not among the inputs, as paths shown
 * against `cwd`. A folder that cannot be listed, or that holds more files than a run may check,
 * adds none: the inputs are then held only against each other.
 */
export async function neighboursOf(roots: ReadonlySet<string>, inputs: readonly string[], cwd: string): Promise<string[]> {
  const given = new Set(inputs.map((f) => path.resolve(cwd, f)));
  const out = new Set<string>();
  for (const root of roots) {
    const found = await expandInputs([root], cwd);
    if (found.problems.length > 0) continue;
    for (const f of found.files) if (!given.has(path.resolve(cwd, f))) out.add(f);
  }
  return [...out].sort();
}
