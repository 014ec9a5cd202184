import { describe, expect, it } from 'vitest';
import { checkReports } from '../../src/engine/index.js';
import { builtinForms } from '../../src/forms/registry.js';
import { summaryHtml, summaryHtmlPieces } from '../../src/summary/html.js';
import { buildSummary, entryOf, type ReportEntry } from '../../src/summary/model.js';
import { longRows, summaryJsonPieces } from '../../src/summary/output.js';
import { owedReports } from '../../src/summary/owed.js';
import { safeJson } from '../../src/util/visible.js';
import { tempTree } from '../helpers.js';
import { summaryRepository } from './repository.js';

async function model(rename?: [string, string]) {
  const files = summaryRepository();
  if (rename) for (const [name, text] of Object.entries(files)) files[name] = text.replaceAll(rename[0], rename[1]);
  const t = tempTree(files);
  try {
    const run = await checkReports(['rapporter'], {
      cwd: t.dir,
      lang: 'nb',
      extract: (r) => (r.form && r.data !== undefined ? entryOf(r.file, r.form, r.data, r.schemaValid ? (r.figures as Record<string, unknown>) : undefined) : undefined),
    });
    const entries = run.files.flatMap((f) => (f.extract ? [{ ...(f.extract as ReportEntry), errors: 0, warnings: f.diagnostics.length }] : []));
    return buildSummary(entries, [], { today: '2026-12-01', owed: owedReports((await builtinForms()).forms) });
  } finally {
    t.cleanup();
  }
}

const meta = { created: '2026-12-01', version: 'test' };

describe('the overview written a piece at a time', () => {
  it.each([
    ['Norwegian letters only', undefined],
    ['a Sámi name, whose letters need the larger font', ['Toten', 'Kárášjohka'] as [string, string]],
  ])('is the page made whole (%s)', async (_name, rename) => {
    const m = await model(rename);
    const whole = summaryHtml(m, meta);
    expect([...summaryHtmlPieces(m, meta)].join('')).toBe(whole);
    expect(whole.includes('U+0100-02BA')).toBe(rename !== undefined);
  });

  it('is the JSON made whole', async () => {
    const m = await model();
    const names = new Map(m.kommuner.map((k) => [k.key, k.navn]));
    const whole = safeJson({
      format: 1,
      bosoreport: 'test',
      kommuner: m.kommuner.map((k) => k.navn),
      perioder: m.perioder.map((p) => p.label),
      verdier: longRows(m),
      mangler: m.mangler.map(({ kommune, periode, frist }) => ({ kommune, periode, frist })),
      kopier: m.kopier.map(({ kommune, periode, file }) => ({ kommune, periode, fil: file })),
      funn: m.funn.map(({ kommuneKey, ...f }) => ({ kommune: names.get(kommuneKey), ...f })),
      feil: m.rapporter.reduce((n, r) => n + r.errors, 0),
      advarsler: m.rapporter.reduce((n, r) => n + r.warnings, 0),
    });
    expect([...summaryJsonPieces(m, 'test')].join('')).toBe(whole);
  });
});
