import { spawnSync } from 'node:child_process';
import { isAscii } from 'node:buffer';
import { appendFileSync, copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli, tempTree } from '../helpers.js';

const { loadBundle } = createRequire(import.meta.url)('../../bin/load-bundle.cjs') as {
  loadBundle(file?: string): { exports: { main: unknown }; script: { cachedDataRejected?: boolean } };
};

/** A copy of the bundle in `dir`, laid out as in the package, so it finds package.json as it starts. */
function bundleCopy(dir: string): string {
  mkdirSync(path.join(dir, 'dist/cli'), { recursive: true });
  copyFileSync(path.join(ROOT, 'package.json'), path.join(dir, 'package.json'));
  const copy = path.join(dir, 'dist/cli/bosoreport.cjs');
  copyFileSync(path.join(ROOT, 'dist/cli/bosoreport.cjs'), copy);
  return copy;
}

describe('the launcher and the bundle it loads', () => {
  it('uses the code cache the build made for this Node', () => {
    const r = spawnSync(process.execPath, ['-e', "process.stdout.write(String(require('./bin/load-bundle.cjs').loadBundle().script.cachedDataRejected))"], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(r.stdout).toBe('false');
  });

  it("validates with the validators compiled into the bundle, never loading ajv's compiler, yaml or node:crypto", () => {
    const script = [
      "const M = require('node:module'); const load = M._load; const seen = []; const before = new Set(process.moduleLoadList);",
      'M._load = function (request, ...rest) { seen.push(request); return load.call(this, request, ...rest); };',
      'const sink = { write: () => true, isTTY: false };',
      "require('./bin/load-bundle.cjs').loadBundle().exports.main(['validate', 'examples/gjovik-aarsrapport-2012.yaml', 'examples/lillehammer-halvaarsrapport-2011.yaml'], { stdout: sink, stderr: sink, env: { CI: 'true' }, cwd: process.cwd() })",
      '  .then((code) => process.stdout.write(JSON.stringify({ code, seen, builtins: process.moduleLoadList.filter((m) => !before.has(m)) })));',
    ].join('\n');
    const r = spawnSync(process.execPath, ['-e', script], { cwd: ROOT, encoding: 'utf8' });
    const { code, seen, builtins } = JSON.parse(r.stdout) as { code: number; seen: string[]; builtins: string[] };
    expect(code).toBe(0);
    expect(seen.filter((m) => /ajv|yaml|compiled/.test(m))).toEqual([]);
    // Node's own modules that cost 1-3 ms each to load are asked for only where they are used (also
    // through process.getBuiltinModule, which Module._load does not see).
    expect(builtins.filter((m) => /^NativeModule (crypto|v8|fs\/promises|os)$/.test(m))).toEqual([]);
  });

  it('refuses a code cache made for other source and compiles the bundle as usual', () => {
    const t = tempTree({});
    try {
      const copy = bundleCopy(t.dir);
      writeFileSync(`${copy}.cache`, 'not a V8 code cache');
      const loaded = loadBundle(copy);
      expect(loaded.script.cachedDataRejected).toBe(true);
      expect(typeof loaded.exports.main).toBe('function');
    } finally {
      t.cleanup();
    }
  });

  it("is built in ASCII, read fast as Latin-1, and still prints the schemas' Norwegian text", () => {
    expect(isAscii(readFileSync(path.join(ROOT, 'dist/cli/bosoreport.cjs')))).toBe(true);
    const t = tempTree({ 'r.yaml': 'skjema: aarsrapport-2012\nkommune: Gjøvik\naar: 2012\nbehov: 3\n' });
    try {
      const r = spawnSync(process.execPath, [path.join(ROOT, 'bin/bosoreport.cjs'), 'validate', 'r.yaml', '--lang', 'nb'], {
        cwd: t.dir,
        encoding: 'utf8',
        env: { ...process.env, CI: 'true' },
      });
      expect(r.status).toBe(1);
      // The bundle's messages and the validators' schemas hold æ, ø and å as \u escapes.
      expect(r.stdout).toContain('«delmaal_a» (Delmål A) i rapportens øverste nivå');
      expect(r.stdout).not.toMatch(/\\u00/);
    } finally {
      t.cleanup();
    }
  });

  it('reads a bundle that is not ASCII as UTF-8', () => {
    const t = tempTree({});
    try {
      const copy = bundleCopy(t.dir);
      appendFileSync(copy, "\nmodule.exports.tegn = 'æøå';\n");
      expect((loadBundle(copy).exports as { tegn?: string }).tegn).toBe('æøå');
    } finally {
      t.cleanup();
    }
  });

  it('loads packages on demand without warnings: folders (tinyglobby), colour (chalk)', () => {
    const r = runCli(['validate', 'examples'], { env: { FORCE_COLOR: '1' } });
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/\u001b\[/);
  });

  it('says how to build when the bundle is missing, with exit 2', () => {
    const t = tempTree({});
    try {
      mkdirSync(path.join(t.dir, 'bin'));
      for (const f of ['bosoreport.cjs', 'load-bundle.cjs']) copyFileSync(path.join(ROOT, 'bin', f), path.join(t.dir, 'bin', f));
      const r = spawnSync(process.execPath, [path.join(t.dir, 'bin/bosoreport.cjs'), '--version'], { encoding: 'utf8' });
      expect(r.status).toBe(2);
      expect(r.stderr).toContain('bosoreport is not built yet: run `npm run build` in its folder');
    } finally {
      t.cleanup();
    }
  });
});
