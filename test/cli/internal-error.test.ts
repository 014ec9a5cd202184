import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { GJOVIK, ROOT } from '../helpers.js';

function sink(onWrite?: () => void): Writable & { text: string } {
  const s = new Writable({
    write(chunk, _enc, done) {
      onWrite?.();
      s.text += String(chunk);
      done();
    },
  }) as Writable & { text: string };
  s.text = '';
  return s;
}

describe('internal errors', () => {
  it('say that bosoreport failed, how to report it, exit 2, and hide the stack unless asked', async () => {
    const stdout = sink(() => {
      throw new Error('disk full');
    });
    const stderr = sink();
    const code = await main(['validate', GJOVIK], { stdout, stderr, env: { LANG: 'en_GB.UTF-8' }, cwd: ROOT });
    expect(code).toBe(2);
    expect(stderr.text).toContain('Internal error in bosoreport: disk full');
    expect(stderr.text).toContain('This is a bug in bosoreport, not in your report.');
    expect(stderr.text).not.toMatch(/\n\s+at /);

    const debug = sink();
    await main(['validate', GJOVIK], {
      stdout: sink(() => {
        throw new Error('disk full');
      }),
      stderr: debug,
      env: { LANG: 'C', BOSOREPORT_DEBUG: '1' },
      cwd: ROOT,
    });
    expect(debug.text).toMatch(/\n\s+at /);
  });
});
