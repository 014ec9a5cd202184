import { existsSync } from 'node:fs';

/**
 * What a run has found to exist, by path: thousands of reports in a batch walk up the same few
 * folders looking for package.json, .git and .bosoreport.yaml (a corpus whose modelines did not
 * resolve spent 6 % of its time there). One cache per run, never kept past it, so a long-running
 * preview sees a file created since.
 */
export type ExistsCache = Map<string, boolean>;

export function exists(p: string, cache: ExistsCache | undefined): boolean {
  if (!cache) return existsSync(p);
  let known = cache.get(p);
  if (known === undefined) cache.set(p, (known = existsSync(p)));
  return known;
}
