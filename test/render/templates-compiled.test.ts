import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { templateKey, TEMPLATE_DIR, type PrecompiledTemplates } from '../../src/render/templates.js';
import { exampleText, FORMS, GJOVIK, LILLEHAMMER, ROOT, runCli, runMain, tempTree } from '../helpers.js';

const handlebars = createRequire(import.meta.url)('handlebars') as { precompile: (...args: unknown[]) => unknown };

describe('templates', () => {
  afterEach(() => vi.restoreAllMocks());

  it('are compiled once per form in a batch, however many of its reports it has', async () => {
    const compiled = async (files: Record<string, string>) => {
      const t = tempTree(files);
      const spy = vi.spyOn(handlebars, 'precompile');
      try {
        const r = await runMain(['render', ...Object.keys(files), '--quiet'], { cwd: t.dir });
        expect(r.status).toBe(0);
        return spy.mock.calls.length;
      } finally {
        spy.mockRestore();
        t.cleanup();
      }
    };
    const two = await compiled({ 'g.yaml': exampleText(GJOVIK), 'l.yaml': exampleText(LILLEHAMMER) });
    const copies = (text: string, names: string[]) => Object.fromEntries(names.map((n, i) => [`${n}.yaml`, text.replace(/kommune: (Gjøvik|Lillehammer)/, `kommune: By ${i}`)]));
    const six = await compiled({ ...copies(exampleText(GJOVIK), ['g1', 'g2', 'g3']), ...copies(exampleText(LILLEHAMMER), ['l1', 'l2', 'l3']) });
    expect(two).toBeGreaterThan(0); // run from source: no build's module, so everything is compiled here
    expect(six).toBe(two);
  });

  it("that bosoreport ships are all in the build's module, and a page from it is the page the compiler makes", async () => {
    const file = path.join(ROOT, 'dist/render/templates.compiled.cjs');
    const built = createRequire(import.meta.url)(file) as PrecompiledTemplates;
    const shipped = [...readdirSync(path.join(TEMPLATE_DIR, 'partials')).map((n) => path.join(TEMPLATE_DIR, 'partials', n)), ...FORMS.forms.map((f) => f.templateFile)].filter(
      (f) => f.endsWith('.hbs') && existsSync(f),
    );
    for (const f of shipped) expect(built.templates[templateKey(readFileSync(f, 'utf8'))], f).toBeDefined();

    const t = tempTree({ 'g.yaml': exampleText(GJOVIK), 'l.yaml': exampleText(LILLEHAMMER) });
    try {
      // The binary renders from the build's module; in-process, from source, the compiler makes them.
      expect(runCli(['render', 'g.yaml', 'l.yaml', '-d', 'built'], { cwd: t.dir }).status).toBe(0);
      expect((await runMain(['render', 'g.yaml', 'l.yaml', '-d', 'compiled'], { cwd: t.dir })).status).toBe(0);
      for (const f of ['g.html', 'l.html']) expect(readFileSync(path.join(t.dir, 'built', f), 'utf8')).toBe(readFileSync(path.join(t.dir, 'compiled', f), 'utf8'));
    } finally {
      t.cleanup();
    }
  });
});
