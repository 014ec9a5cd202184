// The code of the example form: one figure of its own and one rule. bosoreport runs this file only
// because the reports repository's own .bosoreport.yaml names this folder.

/**
 * The form's own figures. bosoreport computes the shared parts' (the need table, the activity
 * summary) itself, for every form; `shared` holds them, to read from, not to return.
 */
export function derive(data, _shared) {
  const done = data.aktiviteter.filter((a) => a.status === 'gjennomfort').length;
  return { andel_gjennomfort: data.aktiviteter.length ? done / data.aktiviteter.length : null };
}

/** W101: the total need went up over the half-year; the steering group should hear why. */
const behovOkt = {
  id: 'statusnotat-behov-okt',
  code: 'W101',
  severity: 'warning',
  messages: {
    nb: {
      message: (p) => `Samlet behov økte fra ${p.fra} til ${p.til} husstander.`,
      hint: () => 'Forklar økningen i «vurdering», så styringsgruppen ser hvorfor.',
      about: 'Det samlede behovet (A + B + C) økte i perioden.',
    },
    en: {
      message: (p) => `The total need rose from ${p.fra} to ${p.til} households.`,
      hint: () => 'Explain the rise in "vurdering", so the steering group sees why.',
      about: 'The total need (A + B + C) rose over the period.',
    },
  },
  check: ({ figures }) => {
    const sum = figures.behovstabeller['/behov'].sum;
    if (sum.endring === null || sum.endring >= 0) return [];
    return [{ path: ['behov'], target: 'key', params: { fra: sum.pr_0101, til: sum.pr_3112 } }];
  },
};

export const rules = [behovOkt];
