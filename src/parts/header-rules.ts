import { formatDate } from '../format/norwegian.js';
import { findStrings } from '../rules/paths.js';
import type { Rule } from '../rules/types.js';
import { readHeader } from './header.js';
import { startDate, type PeriodFacts } from './period.js';

/** Every form has a header (found through the form's field paths) and period facts. */
interface CommonFigures {
  periode: PeriodFacts;
}
type CommonRule = Rule<unknown, CommonFigures>;

export const programstartEtterRapporteringsdato: CommonRule = {
  id: 'programstart-etter-rapporteringsdato',
  code: 'E7',
  severity: 'error',
  messages: {
    nb: {
      message: (p) => `Programstart (${p.start}) er etter rapporteringsdatoen (${p.dato}).`,
      hint: () => 'En av datoene er feil; datoer skrives ÅÅÅÅ-MM-DD.',
      about: 'Programstart kan ikke være etter rapporteringsdatoen.',
    },
    nn: {
      message: (p) => `Programstart (${p.start}) er seinare enn rapporteringsdatoen (${p.dato}).`,
      hint: () => 'Ein av datoane er feil; datoar skriv du ÅÅÅÅ-MM-DD.',
      about: 'Programstart kan ikkje vere etter rapporteringsdatoen.',
    },
    en: {
      message: (p) => `The programme start (${p.start}) is after the reporting date (${p.dato}).`,
      hint: () => 'One of the dates is wrong; dates are written YYYY-MM-DD.',
      about: 'The programme cannot start after the reporting date.',
    },
  },
  check: ({ data, form }) => {
    const { programstart, rapporteringsdato } = readHeader(data, form.fields);
    if (!programstart || !rapporteringsdato || startDate(programstart) <= rapporteringsdato) return [];
    return [{ path: form.fields.programstart, params: { start: formatDate(programstart), dato: formatDate(rapporteringsdato) } }];
  },
};

export const rapporteringsdatoForPeriodeslutt: CommonRule = {
  id: 'rapporteringsdato-for-periodeslutt',
  code: 'E8',
  severity: 'error',
  messages: {
    nb: {
      message: (p) => `Rapporteringsdatoen ${p.dato} er før perioden rapporten gjelder er slutt (${p.slutt}).`,
      hint: () => 'Sjekk rapporteringsdato og rapporteringsår.',
      about: 'Rapporten kan ikke være levert før perioden er slutt (halvår: 30.06, år: 31.12).',
    },
    nn: {
      message: (p) => `Rapporteringsdatoen ${p.dato} er før perioden rapporten gjeld, er slutt (${p.slutt}).`,
      hint: () => 'Kontroller rapporteringsdato og rapporteringsår.',
      about: 'Rapporten kan ikkje vere levert før perioden er slutt (halvår: 30.06, år: 31.12).',
    },
    en: {
      message: (p) => `The reporting date ${p.dato} is before the end of the period the report covers (${p.slutt}).`,
      hint: () => 'Check the reporting date and the reporting year.',
      about: 'A report cannot be delivered before its period ends (half-year: 30 June, annual: 31 December).',
    },
  },
  check: ({ figures, form }) => {
    const p = figures.periode;
    if (!p.rapporteringsdato || !p.til || p.rapporteringsdato > p.til) return [];
    return [{ path: form.fields.rapporteringsdato, params: { dato: formatDate(p.rapporteringsdato), slutt: formatDate(p.til) } }];
  },
};

export const levertEtterFrist: CommonRule = {
  id: 'levert-etter-frist',
  code: 'W8',
  severity: 'warning',
  messages: {
    nb: {
      message: (p) => `Rapporten er levert ${p.dato}, ${p.dager} ${Number(p.dager) === 1 ? 'dag' : 'dager'} etter fristen ${p.frist}.`,
      about: 'Frist: halvårsrapport 31.08, årsrapport 28.02 året etter.',
    },
    nn: {
      message: (p) => `Rapporten er levert ${p.dato}, ${p.dager} ${Number(p.dager) === 1 ? 'dag' : 'dagar'} etter fristen ${p.frist}.`,
      about: 'Fristar: halvårsrapport 31.08, årsrapport 28.02 året etter.',
    },
    en: {
      message: (p) => `The report was delivered on ${p.dato}, ${p.dager} ${Number(p.dager) === 1 ? 'day' : 'days'} after the deadline ${p.frist}.`,
      about: 'Deadline: half-year report 31 August, annual report 28 February the year after.',
    },
  },
  check: ({ figures, form }) => {
    const p = figures.periode;
    if (p.dager_til_frist === null || p.dager_til_frist >= 0 || !p.frist) return [];
    return [{ path: form.fields.rapporteringsdato, params: { dato: formatDate(p.rapporteringsdato!), frist: formatDate(p.frist), dager: -p.dager_til_frist } }];
  },
};

export const rapporteringsaarUtenforSkjema: CommonRule = {
  id: 'rapporteringsaar-utenfor-skjema',
  code: 'W12',
  severity: 'warning',
  messages: {
    nb: {
      message: (p) => `Rapporteringsår ${p.aar} ligger utenfor årene skjemaet ${p.skjema} ble brukt (${p.fra}–${p.til}).`,
      hint: () => 'Sjekk årstallet, og at «skjema:» er riktig skjema for dette året.',
      about: 'Rapporteringsåret skal ligge innenfor årene skjemaversjonen ble brukt.',
    },
    nn: {
      message: (p) => `Rapporteringsår ${p.aar} ligg utanfor åra skjemaet ${p.skjema} vart brukt (${p.fra}–${p.til}).`,
      hint: () => 'Kontroller årstalet, og at «skjema:» er rett skjema for dette året.',
      about: 'Rapporteringsåret skal liggje innanfor åra skjemaversjonen vart brukt.',
    },
    en: {
      message: (p) => `Reporting year ${p.aar} is outside the years the form ${p.skjema} was used (${p.fra}–${p.til}).`,
      hint: () => 'Check the year, and that "skjema:" names the right form for this year.',
      about: 'The reporting year lies within the years the form version was used.',
    },
  },
  check: ({ data, form }) => {
    const { aar } = readHeader(data, form.fields);
    const [fra, til] = form.years;
    if (aar === null || (aar >= fra && aar <= til)) return [];
    return [{ path: form.fields.aar, params: { aar, skjema: form.id, fra, til } }];
  },
};

export const forsidedatoAvviker: CommonRule = {
  id: 'forsidedato-avviker',
  code: 'W9',
  severity: 'warning',
  messages: {
    nb: {
      message: (p) => `Datoen på forsiden (${p.forside}) er ikke rapporteringsdatoen (${p.dato}).`,
      hint: () => 'Malen hadde en dato ferdig utfylt på forsiden; fjern «forsidedato» for å bruke rapporteringsdatoen.',
      about: 'Forsidedatoen bør være rapporteringsdatoen (malens egen dato blir ofte stående).',
    },
    nn: {
      message: (p) => `Datoen på framsida (${p.forside}) er ikkje rapporteringsdatoen (${p.dato}).`,
      hint: () => 'Malen hadde ein dato ferdig utfylt på framsida; fjern «forsidedato» for å bruke rapporteringsdatoen.',
      about: 'Datoen på framsida bør vere rapporteringsdatoen (datoen som malen sjølv hadde, blir ofte ståande).',
    },
    en: {
      message: (p) => `The cover date (${p.forside}) is not the reporting date (${p.dato}).`,
      hint: () => 'The template came with a date on its cover; remove "forsidedato" to use the reporting date.',
      about: "The cover date should be the reporting date (the template's own date is often left in).",
    },
  },
  check: ({ data, form }) => {
    const { forsidedato, rapporteringsdato: dato } = readHeader(data, form.fields);
    // A cover that gives only the month («FEBRUAR 2015») agrees with any date in that month.
    if (!forsidedato || !dato || forsidedato === dato || (forsidedato.length === 7 && dato.startsWith(forsidedato))) return [];
    return [{ path: form.fields.forsidedato, params: { forside: formatDate(forsidedato), dato: formatDate(dato) } }];
  },
};

/** Leftovers from the Word templates: «(ÅRSTALL)», «XXX kommune», «MAL». */
export const PLACEHOLDER = /\(ÅRSTALL\)|\bX{3,}\b|\bMAL\b/;

export const plassholder: CommonRule = {
  id: 'plassholder',
  code: 'W13',
  severity: 'warning',
  messages: {
    nb: {
      message: (p) => `Teksten inneholder «${p.tekst}», som ser ut som en plassholder fra malen.`,
      hint: () => 'Bytt den ut med det som skal stå der.',
      about: 'Plassholdere fra malen, som «(ÅRSTALL)», «XXX» og «MAL», er ikke fylt ut.',
    },
    nn: {
      message: (p) => `Teksten inneheld «${p.tekst}», som ser ut som ein plasshaldar frå malen.`,
      hint: () => 'Byt ut plasshaldaren med det som skal stå der.',
      about: 'Plasshaldarar frå malen, som «(ÅRSTALL)», «XXX» og «MAL», er ikkje fylte ut.',
    },
    en: {
      message: (p) => `The text contains "${p.tekst}", which looks like a placeholder from the template.`,
      hint: () => 'Replace it with what belongs there.',
      about: 'Template placeholders such as "(ÅRSTALL)", "XXX" and "MAL" are not filled in.',
    },
  },
  check: ({ data }) => {
    return findStrings(data, (text) => PLACEHOLDER.test(text)).map(({ text, path }) => ({ path, params: { tekst: PLACEHOLDER.exec(text)![0] } }));
  },
};

/** An empty text where the form expects an answer: what `init` leaves for the author to fill in. */
export const ikkeUtfylt: CommonRule = {
  id: 'ikke-utfylt',
  code: 'E0',
  severity: 'error',
  messages: {
    nb: {
      message: () => 'Feltet er ikke fylt ut.',
      hint: () => 'Skriv svaret mellom anførselstegnene, eller etter «|» på linjene under for lengre tekst.',
      about: 'Et tekstfelt står tomt (som etter «bosoreport init»).',
    },
    nn: {
      message: () => 'Feltet er ikkje fylt ut.',
      hint: () => 'Skriv svaret mellom hermeteikna, eller etter «|» på linjene under for lengre tekst.',
      about: 'Eit tekstfelt står tomt (som etter «bosoreport init»).',
    },
    en: {
      message: () => 'The field is not filled in.',
      hint: () => 'Write the answer between the quotes, or after "|" on the lines below for longer text.',
      about: 'A text field is empty (as after "bosoreport init").',
    },
  },
  check: ({ data }) => {
    return findStrings(data, (text) => text.trim() === '').map(({ path }) => ({ path }));
  },
};

/** Rules every form shares: the registry gives them to every form, built-in or from a repository. */
export const HEADER_RULES: readonly Rule[] = [
  ikkeUtfylt,
  rapporteringsaarUtenforSkjema,
  programstartEtterRapporteringsdato,
  rapporteringsdatoForPeriodeslutt,
  levertEtterFrist,
  forsidedatoAvviker,
  plassholder,
];
