import { chmodSync, existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { exampleText, GJOVIK, LILLEHAMMER, runMain, tempTree } from '../helpers.js';

/** A "browser" that only notes each start, then exits as a browser that cannot start does. */
const FAKE_BROWSER = '#!/bin/sh\necho started >> "$(dirname "$0")/starts"\nexit 1\n';
const starts = (dir: string) => (existsSync(path.join(dir, 'starts')) ? readFileSync(path.join(dir, 'starts'), 'utf8').split('\n').filter(Boolean).length : 0);
const broken = exampleText(GJOVIK).replace('nye_soknader: 302', 'nye_soknader: mange');

describe.skipIf(process.platform === 'win32')('render --pdf starts its browser only for a report it will print', () => {
  it('never starts one for a batch whose checks fail', async () => {
    const t = tempTree({ 'browser.sh': FAKE_BROWSER, 'a.yaml': broken, 'b.yaml': broken.replace('Gjøvik #', 'Hamar #') });
    try {
      chmodSync(path.join(t.dir, 'browser.sh'), 0o755);
      const r = await runMain(['render', 'a.yaml', 'b.yaml', '--pdf', '--browser', path.join(t.dir, 'browser.sh')], { cwd: t.dir });
      expect(r.status).toBe(1);
      expect(starts(t.dir)).toBe(0);
      expect(existsSync(path.join(t.dir, 'out'))).toBe(false);
    } finally {
      t.cleanup();
    }
  });

  it('tries once more the ordinary way when the early start fails, then says why, and names only what it wrote', async () => {
    const t = tempTree({ 'browser.sh': FAKE_BROWSER, 'g.yaml': exampleText(GJOVIK), 'l.yaml': exampleText(LILLEHAMMER) });
    try {
      chmodSync(path.join(t.dir, 'browser.sh'), 0o755);
      const r = await runMain(['render', 'g.yaml', 'l.yaml', '--pdf', '--browser', path.join(t.dir, 'browser.sh'), '--quiet'], { cwd: t.dir });
      expect(r.status).toBe(2);
      expect(starts(t.dir)).toBe(2);
      expect(r.stdout).toContain(`The browser ${path.join(t.dir, 'browser.sh')} did not start`);
      expect(r.stdout).toContain('wrote out/g.html');
      expect(r.stdout).toContain('wrote out/l.html');
      expect(r.stdout).not.toContain('.pdf');
    } finally {
      t.cleanup();
    }
  });
});
