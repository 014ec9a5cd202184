import type { PeriodFacts } from '../../parts/period.js';
import { defineRule, type Finding, type Rule } from '../../rules/types.js';
import type { Sluttrapport2015 } from './series.js';

type Figures = { periode: PeriodFacts };

/** The programme period's first and last year; the first is unknown when the programme start is. */
function periodYears(p: PeriodFacts): { fra: number | null; til: number } {
  return { fra: p.fra ? Number(p.fra.slice(0, 4)) : null, til: p.til ? Number(p.til.slice(0, 4)) : p.aar };
}

/** Every year written in a series, with its series and place. */
function seriesYears(data: Sluttrapport2015) {
  return (data.tallserier ?? []).flatMap((s, i) => s.tall_per_aar.map((v, j) => ({ navn: s.navn, aar: v.aar, i, j })));
}

/** W30: a series speaks of the programme period; a year outside it is likely a slip of the pen. */
export const tallserieAarUtenforProgramperioden = defineRule<Sluttrapport2015, Figures>({
  id: 'tallserie-aar-utenfor-programperioden',
  code: 'W30',
  severity: 'warning',
  messages: {
    nb: {
      message: (p) => `Tallserien «${p.navn}» har et tall for ${p.aar}, men programperioden er ${p.fra}–${p.til}.`,
      hint: () => 'Sjekk årstallet. Et tall fra før programmet (for eksempel fra foranalysen) hører hjemme i teksten, ikke i tallserien.',
      about: 'Årene i en tallserie ligger innenfor programperioden.',
    },
    nn: {
      message: (p) => `Talserien «${p.navn}» har eit tal for ${p.aar}, men programperioden er ${p.fra}–${p.til}.`,
      hint: () => 'Sjekk årstalet. Eit tal frå før programmet (til dømes frå foranalysen) høyrer heime i teksten, ikkje i talserien.',
      about: 'Åra i ein talserie ligg innanfor programperioden.',
    },
    en: {
      message: (p) => `The series "${p.navn}" has a figure for ${p.aar}, but the programme period is ${p.fra}–${p.til}.`,
      hint: () => 'Check the year. A figure from before the programme (from the pre-analysis, say) belongs in the text, not in the series.',
      about: "A series' years lie within the programme period.",
    },
  },
  check: ({ data, figures }) => {
    const { fra, til } = periodYears(figures.periode);
    return seriesYears(data)
      .filter((y) => y.aar > til || (fra !== null && y.aar < fra))
      .map((y): Finding => ({ path: ['tallserier', y.i, 'tall_per_aar', y.j, 'aar'], params: { navn: y.navn, aar: y.aar, fra: fra ?? '?', til } }));
  },
});

/** E30: one figure per year; with two, the table and the changes could show either. */
export const tallserieAarToGanger = defineRule<Sluttrapport2015, Figures>({
  id: 'tallserie-aar-to-ganger',
  code: 'E30',
  severity: 'error',
  messages: {
    nb: {
      message: (p) => `Tallserien «${p.navn}» har ${p.aar} to ganger.`,
      hint: () => 'Skriv hvert år én gang i tallserien; fjern eller rett det ene.',
      about: 'Hvert år står én gang i en tallserie.',
    },
    nn: {
      message: (p) => `Talserien «${p.navn}» har ${p.aar} to gonger.`,
      hint: () => 'Skriv kvart år éin gong i talserien; fjern eller rett det eine.',
      about: 'Kvart år står éin gong i ein talserie.',
    },
    en: {
      message: (p) => `The series "${p.navn}" has ${p.aar} twice.`,
      hint: () => 'Write each year once in the series; remove or correct one of them.',
      about: 'Each year appears once in a series.',
    },
  },
  check: ({ data }) => {
    const seen = new Set<string>();
    const found: Finding[] = [];
    for (const y of seriesYears(data)) {
      const key = `${y.i}:${y.aar}`;
      if (seen.has(key)) found.push({ path: ['tallserier', y.i, 'tall_per_aar', y.j, 'aar'], params: { navn: y.navn, aar: y.aar } });
      seen.add(key);
    }
    return found;
  },
});

export const RULES: readonly Rule[] = [tallserieAarUtenforProgramperioden, tallserieAarToGanger];
