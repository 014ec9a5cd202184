import { chmodSync, existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { exampleText, GJOVIK, runMain, tempTree } from '../helpers.js';

// The browser starts as soon as the first report passes its checks (src/render/start.ts). A stand-in
// «browser» that notes each start shows when it is started, and that a batch with nothing to print
// never starts one.
function fakeBrowser(dir: string): { program: string; started: () => boolean } {
  const marker = path.join(dir, 'started');
  const program = path.join(dir, 'fake-chrome');
  writeFileSync(program, `#!/bin/sh\necho started >> "${marker}"\nexit 1\n`);
  chmodSync(program, 0o755);
  return { program, started: () => existsSync(marker) };
}

describe('the browser of a batch', () => {
  it('is never started when no report can be printed', async () => {
    const broken = exampleText(GJOVIK).replace('rapporteringsaar: 2012', 'rapporteringsaar: tjue-tolv');
    const t = tempTree({ 'a.yaml': broken, 'b.yaml': broken });
    try {
      const browser = fakeBrowser(t.dir);
      const r = await runMain(['render', 'a.yaml', 'b.yaml', '--pdf', '-d', 'ut', '--browser', browser.program, '--quiet'], { cwd: t.dir });
      expect(r.status).toBe(1);
      expect(browser.started()).toBe(false);
      expect(existsSync(path.join(t.dir, 'ut'))).toBe(false);
    } finally {
      t.cleanup();
    }
  });

  it('is started for a batch that has a report to print, and one that fails to start is told, with no PDF said to be written', async () => {
    const t = tempTree({ 'a.yaml': exampleText(GJOVIK) });
    try {
      const browser = fakeBrowser(t.dir);
      const r = await runMain(['render', 'a.yaml', '--pdf', '-d', 'ut', '--browser', browser.program, '--quiet', '--timeout', '10'], { cwd: t.dir });
      expect(browser.started()).toBe(true);
      expect(r.status).toBe(2);
      expect(r.stdout).not.toMatch(/\.pdf/);
    } finally {
      t.cleanup();
    }
  });
});
