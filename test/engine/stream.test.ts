import { describe, expect, it } from 'vitest';
import { checkReports, streamReports, type CheckedFile } from '../../src/engine/index.js';
import { exampleText, GJOVIK, tempTree } from '../helpers.js';
import { summaryRepository } from '../summary/repository.js';

/** A repository whose reports find each other: a copy, a broken draft of it, last year's report. */
function repository(): Record<string, string> {
  const files = summaryRepository();
  files['rapporter/gjovik/2012-aarsrapport-kopi.yaml'] = files['rapporter/gjovik/2012-aarsrapport.yaml']!;
  files['rapporter/gjovik/2012-utkast.yaml'] = files['rapporter/gjovik/2012-aarsrapport.yaml']!.replace('nye_soknader:', 'nye_soknader: x\n    gamle:');
  files['rapporter/loose.yaml'] = exampleText(GJOVIK);
  return files;
}

const shown = (f: CheckedFile) => ({ file: f.file, formId: f.formId, formTitle: f.formTitle, formName: f.formName, fixable: f.fixable, diagnostics: f.diagnostics });

describe('a batch read back a file at a time', () => {
  it('has every finding in memory would have, those across reports at their places, on every read', async () => {
    const t = tempTree(repository());
    try {
      const whole = await checkReports(['rapporter'], { cwd: t.dir, lang: 'en', countFixable: true });
      expect(whole.files.flatMap((f) => f.diagnostics.map((d) => d.ruleId))).toEqual(expect.arrayContaining(['dobbel-rapport', 'status-0101-ulik-fjoraaret']));
      const stream = await streamReports(['rapporter'], { cwd: t.dir, lang: 'en', countFixable: true });
      try {
        expect(stream.exitCode).toBe(whole.exitCode);
        expect(stream.size).toBe(whole.files.length);
        expect([...stream.files()].map(shown)).toEqual(whole.files.map(shown));
        expect([...stream.files((f) => f.includes('gjovik'))].map(shown)).toEqual(whole.files.filter((f) => f.file.includes('gjovik')).map(shown));
      } finally {
        stream.close();
      }
    } finally {
      t.cleanup();
    }
  });
});
