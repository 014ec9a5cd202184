import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { fileOutput } from '../../src/cli/output.js';
import { VERSION } from '../../src/util/version.js';
import { exampleDoc, GJOVIK, runMain, tempTree } from '../helpers.js';

/** Standard output as a slow reader: takes a little at a time and says when it is full. */
function slowReader(): { stream: Writable & { isTTY: boolean }; text: () => string; mostBuffered: () => number } {
  const chunks: Buffer[] = [];
  let most = 0;
  const stream = new Writable({
    highWaterMark: 1024,
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk);
      setImmediate(done);
    },
  }) as Writable & { isTTY: boolean };
  stream.isTTY = false;
  const write = stream.write.bind(stream);
  stream.write = ((chunk: string | Buffer, ...rest: never[]) => {
    const ok = write(chunk, ...rest);
    most = Math.max(most, stream.writableLength);
    return ok;
  }) as typeof stream.write;
  return { stream, text: () => Buffer.concat(chunks).toString('utf8'), mostBuffered: () => most };
}

/** A hundred annual reports, each with its warnings: a few hundred kilobytes of results. */
function batch(): Record<string, string> {
  const files: Record<string, string> = {};
  for (let i = 0; i < 100; i++) {
    const doc = exampleDoc(GJOVIK);
    doc.setIn(['generell_programinformasjon', 'kommune'], `Kommune ${i}`);
    files[`rapport-${i}.yaml`] = doc.toString();
  }
  return files;
}

describe('validate writes its results as the reader takes them', () => {
  it.each(['stylish', 'json', 'sarif', 'github', 'junit'])('waits for a slow reader instead of holding the results (%s)', async (format) => {
    const t = tempTree(batch());
    try {
      const reader = slowReader();
      const stderr = { write: () => true, isTTY: false } as unknown as NodeJS.WritableStream;
      const status = await main(['validate', '.', '-f', format], { stdout: reader.stream, stderr, env: { LANG: 'C' }, cwd: t.dir });
      await new Promise((resolve) => setImmediate(resolve));
      const all = await runMain(['validate', '.', '-f', format], { cwd: t.dir });
      expect(status).toBe(all.status);
      expect(reader.text()).toBe(all.stdout);
      expect(all.stdout.length).toBeGreaterThan(90_000);
      // Never more than about one piece waiting in the stream: the rest waited in the run.
      expect(reader.mostBuffered()).toBeLessThan(64 * 1024);
    } finally {
      t.cleanup();
    }
  });
});

describe('the examples in every format', () => {
  // The output as it was before validate wrote a file at a time; the version is the release's.
  it.each(['stylish', 'json', 'sarif', 'github', 'junit'])('are shown byte for byte as before (%s)', async (format) => {
    const r = await runMain(['validate', 'examples/*.yaml', 'examples/forms', '-f', format]);
    await expect(r.stdout.replaceAll(`"${VERSION}"`, '"VERSION"')).toMatchFileSnapshot(`__snapshots__/examples.${format}.txt`);
  });
});

describe('an output file written a piece at a time', () => {
  it('replaces the old file only when it is complete, and leaves nothing behind when given up', async () => {
    const t = tempTree({ 'out.json': 'old' });
    const file = path.join(t.dir, 'out.json');
    try {
      const given = await fileOutput(file);
      await given.write('{"half":');
      await given.abort();
      expect(readFileSync(file, 'utf8')).toBe('old');
      expect(readdirSync(t.dir)).toEqual(['out.json']);

      const done = await fileOutput(file);
      for (let i = 0; i < 5000; i++) await done.write(`${i}\n`);
      expect(readFileSync(file, 'utf8')).toBe('old');
      await done.end();
      expect(readFileSync(file, 'utf8').split('\n')).toHaveLength(5001);
      expect(readdirSync(t.dir)).toEqual(['out.json']);
    } finally {
      writeFileSync(file, '');
      t.cleanup();
    }
  });
});
