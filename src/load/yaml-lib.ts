import { createRequire } from 'node:module';
import type * as Yaml from 'yaml';

let lib: typeof Yaml | undefined;

/**
 * The `yaml` package, loaded on first use. Most reports are read by the block reader, so a run
 * that never meets an unusual file never pays for loading `yaml` (some 80 modules).
 */
export function yamlLib(): typeof Yaml {
  return (lib ??= createRequire(import.meta.url)('yaml') as typeof Yaml);
}
