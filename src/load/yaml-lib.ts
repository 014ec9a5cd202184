import { createRequire } from 'node:module';
import type * as Yaml from 'yaml';
import { constructFloat, constructInt } from './core-scalars.js';

let lib: typeof Yaml | undefined;

/**
 * The `yaml` package, loaded on first use. Most reports are read by the block reader, so a run
 * that never meets an unusual file never pays for loading `yaml` (some 80 modules).
 */
export function yamlLib(): typeof Yaml {
  return (lib ??= createRequire(import.meta.url)('yaml') as typeof Yaml);
}

/**
 * The core schema's tags, narrowed as core-scalars.ts narrows the block reader: no hex, octal or
 * exponent numbers (they stay text), whole numbers only when exact, and −0 read as 0.
 */
export function coreTags(tags: Yaml.Tags): Yaml.Tags {
  return tags
    .filter((t) => !(typeof t === 'object' && t.tag === 'tag:yaml.org,2002:int' && (t.format === 'OCT' || t.format === 'HEX')))
    .filter((t) => !(typeof t === 'object' && t.tag === 'tag:yaml.org,2002:float' && t.format === 'EXP'))
    .map((t) => {
      if (typeof t !== 'object' || !('resolve' in t) || (t.tag !== 'tag:yaml.org,2002:int' && t.tag !== 'tag:yaml.org,2002:float') || t.format) return t;
      const int = t.tag === 'tag:yaml.org,2002:int';
      return { ...t, resolve: (s: string) => (int ? constructInt(s) : constructFloat(s)) } as typeof t;
    });
}
