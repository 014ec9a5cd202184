import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, openSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { GJOVIK, ROOT } from '../helpers.js';

// Output that cannot be written: the real binary, since a stream's error arrives after main returns.
const BIN = path.join(ROOT, 'bin/bosoreport.cjs');

function run(args: string[], stdout: number | 'pipe' = 'pipe') {
  return spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, stdio: ['ignore', stdout, 'pipe'], encoding: 'utf8', timeout: 20_000, env: { ...process.env, NO_COLOR: '1' } });
}

describe.runIf(existsSync('/dev/full'))('output that cannot be written', () => {
  it.each([[['validate', GJOVIK]], [['validate', GJOVIK, '-f', 'json']], [['compute', GJOVIK, '--json']], [['summary', GJOVIK, '-f', 'csv']]])(
    '%j to a full disk: one line that says so, exit 2, no stack trace',
    (args) => {
      const full = openSync('/dev/full', 'w');
      try {
        const r = run([...args, '--lang', 'nb'], full);
        expect(r.status).toBe(2);
        expect(r.stderr).toBe('bosoreport: Kan ikke skrive til standard utdata: disken er full. Utdataene er ufullstendige.\n');
      } finally {
        closeSync(full);
      }
    },
  );

  it('render into a folder that cannot be made ends at once with exit 2 (Node’s recursive mkdir never returned)', () => {
    const r = run(['render', GJOVIK, '-d', '/proc/bosoreport-test', '--lang', 'en']);
    expect(r.signal).toBeNull();
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('Cannot write "/proc/bosoreport-test/gjovik-aarsrapport-2012.html"');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
