import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { fastParse } from '../../src/load/fast-parse.js';
import { validateCarefully, validateSource } from '../../src/validate/validate.js';
import { exampleDoc, exampleText, GJOVIK, LILLEHAMMER, fuzzOptions } from '../helpers.js';

const encode = (s: string) => new TextEncoder().encode(s);

describe('the fast path (js-yaml, no positions) and the careful path (yaml, positions) agree', () => {
  it('read the examples to the same data', () => {
    for (const file of [GJOVIK, LILLEHAMMER]) expect(fastParse(exampleText(file))!.data).toEqual(parse(exampleText(file)));
  });

  it('resolve plain scalars the YAML 1.2 way, as the yaml package does', () => {
    const forms = ['1_000', '0b101', '0o17', '017', '+12', '.5', '1e3', '0x1F', 'True', 'TRUE', 'tRue', 'Null', 'NULL', '~', '', '.inf', '-.Inf', '.NaN', '2013-02-18', 'NO', 'yes', 'on', '1.0', '12:30', '1,5', '9007199254740993', '-0', '0.', '1e', '+.5', 'y', '1 390', '38,4 %'];
    for (const f of forms) expect(fastParse(`a: ${f}\n`)?.data, f).toEqual(parse(`a: ${f}\n`));
  });

  it('give the same result for clean reports, and leave every report with findings to the careful path', () => {
    const clean = exampleDoc(GJOVIK);
    clean.delete('forsidedato');
    for (const row of ['a_uten_eid_eller_leid_bolig', 'b_fare_for_aa_miste_boligen', 'c_uegnet_bolig']) clean.deleteIn(['hovedmaal', 'anskaffe_og_beholde_bolig', row, 'resultat']);
    const bytes = encode(clean.toString());
    const fast = validateSource('r.yaml', bytes, 'nb');
    const careful = validateCarefully('r.yaml', bytes, { lang: 'nb' });
    expect(fast.diagnostics).toEqual([]);
    expect(careful.diagnostics).toEqual([]);
    expect(fast.figures).toEqual(careful.figures);
    expect(fast.data).toEqual(careful.data);
    // Positions are still there when asked for, parsed on demand.
    expect(fast.positions!().doc.toJS()).toEqual(careful.data);
  });

  it('give the same diagnostics on mutated reports', () => {
    const source = exampleText(GJOVIK);
    const change = fc.record({ at: fc.nat(source.length), cut: fc.nat(30), insert: fc.constantFrom('', 'X', ' 1', ': a', '\n  - b', '&a x', '*a', '"', 'null') });
    fc.assert(
      fc.property(change, ({ at, cut, insert }) => {
        const bytes = encode(source.slice(0, at) + insert + source.slice(Math.min(source.length, at + cut)));
        expect(validateSource('r.yaml', bytes, 'en').diagnostics).toEqual(validateCarefully('r.yaml', bytes, { lang: 'en' }).diagnostics);
      }),
      fuzzOptions(),
    );
  }, Math.max(30_000, Number(process.env.BOSOREPORT_FUZZ_RUNS ?? 150) * 100));
});
