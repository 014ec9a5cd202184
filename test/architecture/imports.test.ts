import { existsSync, readdirSync, readFileSync } from 'node:fs';
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

describe("a form's field names stay in its folder", () => {
  /** Every property name a JSON Schema document defines, in its own `properties` and `$defs` (not following $refs). */
  function propertyNames(node: unknown, out = new Set<string>()): Set<string> {
    if (Array.isArray(node)) for (const n of node) propertyNames(n, out);
    else if (node && typeof node === 'object') {
      for (const [key, value] of Object.entries(node)) {
        if (key === 'properties' && value && typeof value === 'object') for (const name of Object.keys(value)) out.add(name);
        propertyNames(value, out);
      }
    }
    return out;
  }
  const json = (rel: string) => JSON.parse(readFileSync(path.join(ROOT, rel), 'utf8')) as unknown;

  /**
   * What src/ outside the form folders may name: the shared definitions (felles.schema.json) and the
   * shared figures (src/parts), the header fields, the need rows, the names bosoreport owns in
   * `beregnet` and the overview, and a few words that are also plain vocabulary elsewhere.
   */
  async function allowed(): Promise<Set<string>> {
    const { SHARED_FIGURE_DEFS } = await import('../../src/parts/figures-schema.js');
    const { SHARED_FIGURE_KEYS } = await import('../../src/parts/shared-figures.js');
    const { SHARED_THEME_IDS, OVERVIEW_KINDS } = await import('../../src/parts/overview.js');
    const { DEFAULT_HEADER_FIELDS } = await import('../../src/parts/header.js');
    const { NEED_ROWS } = await import('../../src/parts/data.js');
    const felles = json('schemas/felles.schema.json') as { $defs: object };
    return new Set([
      ...propertyNames(felles),
      ...Object.keys(felles.$defs),
      ...propertyNames(SHARED_FIGURE_DEFS),
      ...SHARED_FIGURE_KEYS,
      ...SHARED_THEME_IDS,
      ...OVERVIEW_KINDS,
      ...Object.values(DEFAULT_HEADER_FIELDS).flat().map(String),
      ...NEED_ROWS,
      'skjema', // the field that names the form, read by src/forms/identify.ts
      'type', // JSON Schema's keyword, and a form's report type
      'navn', // the name of a form or municipality in bosoreport's own output
      'januar', // month names (src/format)
      'desember',
      'lenke', // the word for a URL field in the field reference
      'omraade', // the priority area's name, a fact the checks across reports compare (fakta.prioritert_omraade)
      'oppgitt', // the stated number in the shared rule on a number row's breakdown (src/parts/part-rules.ts)
    ]);
  }

  it("no name a form's schema.json or beregnet.schema.json defines appears in src/ outside src/forms/<id>/", async () => {
    const ts = (await import('typescript')).default;
    const allow = await allowed();
    const formNames = new Map<string, string>();
    for (const form of readdirSync(path.join(SRC, 'forms'), { withFileTypes: true }).filter((d) => d.isDirectory())) {
      for (const file of ['schema.json', 'beregnet.schema.json']) {
        const rel = `src/forms/${form.name}/${file}`;
        if (!existsSync(path.join(ROOT, rel))) continue;
        for (const name of propertyNames(json(rel))) if (!allow.has(name) && !formNames.has(name)) formNames.set(name, rel);
      }
    }
    // The names the overview used to read by hand are among them.
    for (const name of ['fastrenteandel', 'bostotte', 'saerskilt_prioritert_omraade', 'delmaal_c', 'c1_okonomiske_virkemidler', 'aktivitetsplan'])
      expect(formNames.has(name), name).toBe(true);
    const found: string[] = [];
    for (const file of sources(SRC).filter((f) => !/^forms[\\/][^\\/]+[\\/]/.test(path.relative(SRC, f)))) {
      const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
      const visit = (node: import('typescript').Node) => {
        const name = ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) ? node.text : ts.isPropertyAccessExpression(node) ? node.name.text : undefined;
        if (name !== undefined && formNames.has(name)) {
          const { line } = source.getLineAndCharacterOfPosition(node.getStart());
          found.push(`${path.relative(ROOT, file)}:${line + 1} «${name}» (${formNames.get(name)})`);
        }
        ts.forEachChild(node, visit);
      };
      visit(source);
    }
    expect(found).toEqual([]);
  });
});
