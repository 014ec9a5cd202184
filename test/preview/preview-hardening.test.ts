import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { startPreview } from '../../src/cli/commands/preview/run.js';
import { exampleText, GJOVIK, runMain, tempTree } from '../helpers.js';

const FILE = 'rapporter/gjovik/2012-aarsrapport.yaml';
const sink = () => ({ write: () => true, isTTY: false }) as unknown as NodeJS.WritableStream;
const start = (dir: string) => startPreview(FILE, { io: { stdout: sink(), stderr: sink(), env: { LANG: 'C' }, cwd: dir }, lang: 'en' });
const until = async (done: () => boolean | Promise<boolean>, ms = 3000) => {
  for (const end = Date.now() + ms; Date.now() < end; await new Promise((r) => setTimeout(r, 25))) if (await done()) return true;
  return done();
};

/** The preview server against what a hostile page, a busy browser or a switched branch does to it. */
describe('bosoreport preview, hardened', () => {
  it('may not be framed by another page', async () => {
    const t = tempTree({ [FILE]: exampleText(GJOVIK) });
    const p = await start(t.dir);
    try {
      const res = await fetch(p.url);
      expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
      expect(res.headers.get('x-frame-options')).toBe('DENY');
    } finally {
      await p.close();
      t.cleanup();
    }
  });

  it('stops at once though a request is half sent', async () => {
    const t = tempTree({ [FILE]: exampleText(GJOVIK) });
    const p = await start(t.dir);
    const socket = connect(Number(new URL(p.url).port), '127.0.0.1');
    await new Promise<void>((r) => socket.once('connect', () => r()));
    socket.write('GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n');
    try {
      const started = Date.now();
      await p.close();
      expect(Date.now() - started).toBeLessThan(2000);
    } finally {
      socket.destroy();
      t.cleanup();
    }
  });

  it('follows the report again after its folder was removed and made anew', async () => {
    const t = tempTree({ [FILE]: exampleText(GJOVIK) });
    const p = await start(t.dir);
    try {
      const folder = path.join(t.dir, 'rapporter/gjovik');
      rmSync(folder, { recursive: true });
      await new Promise((r) => setTimeout(r, 300));
      mkdirSync(folder, { recursive: true });
      writeFileSync(path.join(t.dir, FILE), exampleText(GJOVIK).replace('kommune: Gjøvik', 'kommune: Gjøvik by'));
      expect(await until(async () => (await (await fetch(p.url)).text()).includes('Gjøvik by'))).toBe(true);
      const before = p.renders();
      writeFileSync(path.join(t.dir, FILE), exampleText(GJOVIK));
      expect(await until(() => p.renders() > before)).toBe(true);
    } finally {
      await p.close();
      t.cleanup();
    }
  });

  it('refuses a port that is not plain digits, and standard input, with exit 2', async () => {
    for (const port of ['', '0x50', '8080.5', '-1', '70000']) {
      const r = await runMain(['preview', GJOVIK, '--port', port, '--lang', 'en']);
      expect(r.status, port).toBe(2);
      expect(r.stderr, port).toContain(`--port must be a whole number from 0 to 65535 (0: any free port), not "${port}".`);
    }
    const stdin = await runMain(['preview', '-']);
    expect(stdin.status).toBe(2);
    expect(stdin.stderr).toContain('standard input is no file to follow');
  });
});
