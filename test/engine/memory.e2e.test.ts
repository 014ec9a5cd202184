import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { exampleDoc, GJOVIK, ROOT, tempTree } from '../helpers.js';

/** A word that stands only in the reports' text (a comment), never in a finding or a fact. */
const MARK = 'Kvitteringsmerke7c1f0a';

/**
 * Checks a folder in a fresh process with the built engine, then reports whether MARK is anywhere
 * in its heap (a heap snapshot, taken after a full collection) while the run is still held.
 */
function markRetained(dir: string, keep: boolean): boolean {
  const engine = pathToFileURL(path.join(ROOT, 'dist', 'engine', 'index.js')).href;
  const snapshot = path.join(dir, '..', `${path.basename(dir)}.heapsnapshot`);
  // The process never holds the word itself, only the reports do: this one looks for it in the file.
  const script = `
    import { streamReports } from ${JSON.stringify(engine)};
    import { writeHeapSnapshot } from 'node:v8';
    const run = await streamReports(['.'], { cwd: ${JSON.stringify(dir)}, lang: 'en', keep: ${keep} });
    writeHeapSnapshot(${JSON.stringify(snapshot)});
    run.close();
  `;
  try {
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    return readFileSync(snapshot, 'utf8').includes(MARK);
  } finally {
    rmSync(snapshot, { force: true });
  }
}

describe('what a batch keeps of a report once it is checked', () => {
  it('holds nothing of its text: not the text, nor a value cut from it, nor its parse', () => {
    const files: Record<string, string> = {};
    // Copies of one municipality (findings across reports point into each), and one with a long name
    // and a schema error, whose findings quote its values.
    for (let i = 0; i < 6; i++) {
      const doc = exampleDoc(GJOVIK);
      doc.setIn(['generell_programinformasjon', 'kommune'], i === 5 ? 'Nordre Kvitteringsvik kommune' : 'Gjøvik');
      if (i === 4) doc.setIn(['delmaal_c', 'c1_okonomiske_virkemidler', 'tilskudd_til_tilpasning'], 'åtte og en halv');
      files[`rapport-${i}.yaml`] = `# ${MARK}\n${doc.toString()}`;
    }
    const t = tempTree(files);
    try {
      // The test can see a report's text when it is kept.
      expect(markRetained(t.dir, true)).toBe(true);
      expect(markRetained(t.dir, false)).toBe(false);
    } finally {
      t.cleanup();
    }
  });
});
