import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli, tempTree } from '../helpers.js';

const { loadBundle } = createRequire(import.meta.url)('../../bin/load-bundle.cjs') as {
  loadBundle(file?: string): { exports: { main: unknown }; script: { cachedDataRejected?: boolean } };
};

describe('the launcher and the bundle it loads', () => {
  it('uses the code cache the build made for this Node', () => {
    const r = spawnSync(process.execPath, ['-e', "process.stdout.write(String(require('./bin/load-bundle.cjs').loadBundle().script.cachedDataRejected))"], { cwd: ROOT, encoding: 'utf8' });
    expect(r.stdout).toBe('false');
  });

  it('refuses a code cache made for other source and compiles the bundle as usual', () => {
    const t = tempTree({});
    try {
      // A copy laid out as in the package, so the bundle finds package.json as it starts.
      mkdirSync(path.join(t.dir, 'dist/cli'), { recursive: true });
      copyFileSync(path.join(ROOT, 'package.json'), path.join(t.dir, 'package.json'));
      const copy = path.join(t.dir, 'dist/cli/bosoreport.cjs');
      copyFileSync(path.join(ROOT, 'dist/cli/bosoreport.cjs'), copy);
      writeFileSync(`${copy}.cache`, 'not a V8 code cache');
      const loaded = loadBundle(copy);
      expect(loaded.script.cachedDataRejected).toBe(true);
      expect(typeof loaded.exports.main).toBe('function');
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
      expect(r.stderr).toContain('bosoreport is not built yet: run `npm install`');
    } finally {
      t.cleanup();
    }
  });
});
