import { describe, expect, it } from 'vitest';
import { asciiKey, closest, editDistance } from '../../src/util/similar.js';

describe('did-you-mean', () => {
  it('measures edits', () => {
    expect(editDistance('programansvalig', 'programansvarlig')).toBe(1);
    expect(editDistance('', 'abc')).toBe(3);
  });

  it('turns what users type into the form keys', () => {
    expect(asciiKey('Gjennomført')).toBe('gjennomfort');
    expect(asciiKey('På vent')).toBe('paa_vent');
    expect(asciiKey('Særskilt prioritert område')).toBe('saerskilt_prioritert_omraade');
  });

  it('suggests the closest key, and nothing when nothing is close', () => {
    const keys = ['programnavn', 'programleder', 'programansvarlig', 'rapporteringsdato'];
    expect(closest('programansvalig', keys)).toBe('programansvarlig');
    expect(closest('Programansvarlig', keys)).toBe('programansvarlig');
    expect(closest('rapportdato', ['rapporteringsdato', 'kommune'])).toBe('rapporteringsdato');
    expect(closest('budsjett', keys)).toBeUndefined();
  });
});
