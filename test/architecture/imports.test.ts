import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.js';

const SRC = path.join(ROOT, 'src');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []));
}

/** The top folder of src/ a file is in (a file directly in src/ is its own unit). */
function unit(file: string): string {
  const rel = path.relative(SRC, file).split(path.sep);
  return rel.length > 1 ? rel[0]! : rel[0]!.replace(/\.ts$/, '');
}

/** Every import between folders of src/, type-only imports included: a circle of types is a circle too. */
function folderGraph(): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const file of sources(SRC)) {
    const from = unit(file);
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/(?:^|\n)\s*(?:import|export)\b[^'"]*?from\s+'(\.{1,2}\/[^']+)'|import\('(\.{1,2}\/[^']+)'\)/g)) {
      const spec = (m[1] ?? m[2])!;
      const to = unit(path.resolve(path.dirname(file), spec).replace(/\.js$/, '.ts'));
      if (to !== from) (graph.get(from) ?? graph.set(from, new Set()).get(from)!).add(to);
    }
  }
  return graph;
}

function cycles(graph: Map<string, Set<string>>): string[][] {
  const found: string[][] = [];
  const visit = (node: string, trail: string[]) => {
    for (const next of graph.get(node) ?? []) {
      const at = trail.indexOf(next);
      if (at >= 0) found.push([...trail.slice(at), next]);
      else visit(next, [...trail, next]);
    }
  };
  for (const start of graph.keys()) visit(start, [start]);
  return found;
}

describe('the folders of src/', () => {
  it('import each other without circles (forms do not import render, cross or cli)', () => {
    const graph = folderGraph();
    expect(cycles(graph).map((c) => c.join(' → '))).toEqual([]);
    for (const below of ['render', 'cross', 'cli', 'validate', 'docs', 'init']) expect(graph.get('forms')?.has(below) ?? false).toBe(false);
  });

  it('compare form ids or report kinds only inside a form folder', () => {
    const outside = sources(SRC).filter((f) => !/[\\/]forms[\\/][a-z-]+-\d{4}[\\/]/.test(f));
    const offenders = outside.filter((f) => /'(aarsrapport|halvaarsrapport)(-\d{4})?'/.test(readFileSync(f, 'utf8')));
    expect(offenders.map((f) => path.relative(ROOT, f))).toEqual([]);
  });
});
