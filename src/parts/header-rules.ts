import { formatDate } from '../format/norwegian.js';
import { findStrings } from '../rules/paths.js';
import type { Rule, RuleForm } from '../rules/types.js';
import { schemaAt } from '../schema/store.js';
import { unanswered } from './answer-rules.js';
import { readHeader } from './header.js';
import { isNotFilledIn } from './not-filled-in.js';
import { daysBetween, endDate, startDate, type PeriodFacts } from './period.js';

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

/**
 * W8. Without a reporting date the cover's date stands in for it (a report left undated inside is
 * still dated on its cover), and the warning points at the cover date. A cover that gives only the
 * month is late when the month's last day is: the days are then «up to», since the day is unknown.
 */
export const levertEtterFrist: CommonRule = {
  id: 'levert-etter-frist',
  code: 'W8',
  severity: 'warning',
  messages: {
    nb: {
      message: (p) => {
        const dager = `${p.dager} ${Number(p.dager) === 1 ? 'dag' : 'dager'}`;
        if (!p.forside) return `Rapporten er levert ${p.dato}, ${dager} etter fristen ${p.frist}.`;
        return `Rapporten er datert ${p.dato} på forsiden, ${p.maaned ? 'inntil ' : ''}${dager} etter fristen ${p.frist}. Rapporteringsdatoen mangler, så datoen på forsiden er brukt.`;
      },
      about: 'Frist: halvårsrapport 31.08, årsrapport 28.02 året etter. Uten rapporteringsdato brukes datoen på forsiden.',
    },
    nn: {
      message: (p) => {
        const dagar = `${p.dager} ${Number(p.dager) === 1 ? 'dag' : 'dagar'}`;
        if (!p.forside) return `Rapporten er levert ${p.dato}, ${dagar} etter fristen ${p.frist}.`;
        return `Rapporten er datert ${p.dato} på framsida, ${p.maaned ? 'inntil ' : ''}${dagar} etter fristen ${p.frist}. Rapporteringsdatoen manglar, så datoen på framsida er brukt.`;
      },
      about: 'Fristar: halvårsrapport 31.08, årsrapport 28.02 året etter. Utan rapporteringsdato blir datoen på framsida brukt.',
    },
    en: {
      message: (p) => {
        const days = `${p.dager} ${Number(p.dager) === 1 ? 'day' : 'days'}`;
        if (!p.forside) return `The report was delivered on ${p.dato}, ${days} after the deadline ${p.frist}.`;
        return `The report is dated ${p.dato} on its cover, ${p.maaned ? 'up to ' : ''}${days} after the deadline ${p.frist}. The reporting date is missing, so the cover date was used.`;
      },
      about: 'Deadline: half-year report 31 August, annual report 28 February the year after. Without a reporting date, the cover date is used.',
    },
  },
  check: ({ figures, form }) => {
    const p = figures.periode;
    if (!p.frist) return [];
    if (p.rapporteringsdato) {
      if (p.dager_til_frist === null || p.dager_til_frist >= 0) return [];
      return [{ path: form.fields.rapporteringsdato, params: { dato: formatDate(p.rapporteringsdato), frist: formatDate(p.frist), dager: -p.dager_til_frist } }];
    }
    // Without a reporting date, the period facts' cover date is the cover's own.
    const cover = p.forsidedato;
    if (!cover) return [];
    const dager = daysBetween(p.frist, endDate(cover));
    if (dager <= 0) return [];
    return [{ path: form.fields.forsidedato, params: { dato: formatDate(cover), frist: formatDate(p.frist), dager, forside: 'ja', maaned: cover.length < 10 ? 'ja' : '' } }];
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
    if (!forsidedato || !dato || forsidedato === dato || (forsidedato.length < 10 && dato.startsWith(forsidedato))) return [];
    return [{ path: form.fields.forsidedato, params: { forside: formatDate(forsidedato), dato: formatDate(dato) } }];
  },
};

/** Leftovers from the Word templates: «(ÅRSTALL)», «XXX kommune», «MAL». */
/** Any character `trim` would keep: a text without one is blank (no trimmed copy made per text). */
const NOT_BLANK = /\S/;

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

/**
 * The word «kommune» (or «kommunen»), in any case, standing on its own. The cases are spelt out: with
 * the i flag, V8 builds \p{L}'s case closure as it compiles the pattern, 0.6 ms of every run.
 */
const KOMMUNE_WORD = /(?<!\p{L})[Kk][Oo][Mm][Mm][Uu][Nn][Ee][Nn]?(?!\p{L})/u;
/** The word with the marks after it, every one: built once, not per name checked. */
const KOMMUNE_WORD_AND_MARKS = new RegExp(`${KOMMUNE_WORD.source}[\\s:.,]*`, 'gu');
/** Two or more punctuation marks in a row: «Gjøvik..», «Gjøvik,.». */
const DOUBLED_PUNCTUATION = /[.,;:!?]{2,}/;
/** What ends a name by mistake: punctuation, dashes and slashes, with any spaces among them («Gjøvik.», «Gjøvik -»). */
const TRAILING_MARKS = /[\s.,;:!?\-–—/]+$/;
const LEADING_MARKS = /^[\s.,;:!?\-–—/]+/;

/**
 * Whether the form wants the name as it stands on the report, with «kommune» after it (Region sør's
 * «Kommunens navn», «Drammen kommune»): its schema says so in the field's example. Every other form
 * prints «kommune» itself and asks for the name alone («Gjøvik»).
 */
function nameTakesKommune(form: RuleForm): boolean {
  const field = schemaAt(form.schemaId, form.fields.kommune);
  return /«[^»]*\skommune»/i.test(`${field?.title ?? ''} ${field?.description ?? ''}`);
}

/** The name without the stray word and the extra marks: «Kommune: Gjøvik..» → «Gjøvik». */
function cleanName(text: string, keepKommune: boolean): string {
  let name = text.replace(TRAILING_MARKS, '');
  const kommuneAfter = keepKommune && /\skommune$/i.test(name);
  if (kommuneAfter) name = name.replace(/\s+kommune$/i, '');
  name = name
    .replace(KOMMUNE_WORD_AND_MARKS, ' ')
    .replace(/([.,;:!?])[.,;:!?]+/g, '$1')
    .replace(/\s+/g, ' ')
    .replace(TRAILING_MARKS, '')
    .replace(LEADING_MARKS, '');
  return kommuneAfter && name ? `${name} kommune` : name;
}

/** The problems with a municipality name, for the message: the stray word, doubled and trailing punctuation. */
const NAME_PROBLEMS = {
  nb: { kommune: 'ordet «kommune»', dobbel: (t: string) => `doble skilletegn («${t}»)`, slutt: (t: string) => `skilletegn til slutt («${t}»)` },
  nn: { kommune: 'ordet «kommune»', dobbel: (t: string) => `doble skiljeteikn («${t}»)`, slutt: (t: string) => `skiljeteikn til slutt («${t}»)` },
  en: { kommune: 'the word "kommune"', dobbel: (t: string) => `doubled punctuation ("${t}")`, slutt: (t: string) => `punctuation at the end ("${t}")` },
};

function nameProblems(p: Record<string, unknown>, lang: keyof typeof NAME_PROBLEMS, and: string): string {
  const w = NAME_PROBLEMS[lang];
  const list = [p.kommuneord ? w.kommune : '', p.dobbel ? w.dobbel(String(p.dobbel)) : '', p.slutt ? w.slutt(String(p.slutt)) : ''].filter(Boolean);
  return list.length > 1 ? `${list.slice(0, -1).join(', ')} ${and} ${list[list.length - 1]}` : (list[0] ?? '');
}

/**
 * W15: the municipality's name as the form wants it: the name alone, since the form prints
 * «kommune» after it (the title drops a plain trailing «kommune», but not «Gjøvik kommune..»), and
 * without doubled or trailing punctuation. An empty name is ikke-utfylt's, a template placeholder
 * («XXX kommune») plassholder's.
 */
export const kommunenavnUryddig: CommonRule = {
  id: 'kommunenavn-uryddig',
  code: 'W15',
  severity: 'warning',
  messages: {
    nb: {
      message: (p) => `Kommunenavnet «${p.tekst}» har ${nameProblems(p, 'nb', 'og') || 'tegn som ikke hører til navnet'}.`,
      hint: (p) => {
        const navn = p.navn ? `: «${p.navn}»` : '';
        return p.kommuneord ? `Skriv bare navnet${navn}; skjemaet skriver «kommune» selv.` : `Skriv navnet uten de ekstra tegnene${navn}.`;
      },
      about: 'Kommunens navn står uten doble skilletegn eller skilletegn til slutt, og uten ordet «kommune» der skjemaet skriver det selv.',
    },
    nn: {
      message: (p) => `Kommunenamnet «${p.tekst}» har ${nameProblems(p, 'nn', 'og') || 'teikn som ikkje høyrer til namnet'}.`,
      hint: (p) => {
        const namn = p.navn ? `: «${p.navn}»` : '';
        return p.kommuneord ? `Skriv berre namnet${namn}; skjemaet skriv «kommune» sjølv.` : `Skriv namnet utan dei ekstra teikna${namn}.`;
      },
      about: 'Namnet på kommunen står utan doble skiljeteikn eller skiljeteikn til slutt, og utan ordet «kommune» der skjemaet skriv det sjølv.',
    },
    en: {
      message: (p) => `The municipality name "${p.tekst}" has ${nameProblems(p, 'en', 'and') || 'characters that are not part of the name'}.`,
      hint: (p) => {
        const name = p.navn ? `: "${p.navn}"` : '';
        return p.kommuneord ? `Write only the name${name}; the form prints "kommune" itself.` : `Write the name without the extra characters${name}.`;
      },
      about: 'The municipality name has no doubled or trailing punctuation, and no word "kommune" where the form prints it itself.',
    },
  },
  check: ({ data, form }) => {
    const { kommune } = readHeader(data, form.fields);
    const text = kommune?.trim();
    if (!text || PLACEHOLDER.test(text)) return [];
    const keepKommune = nameTakesKommune(form);
    const strayWord = KOMMUNE_WORD.test(keepKommune ? text.replace(TRAILING_MARKS, '').replace(/\s+kommune$/i, '') : text);
    const doubled = DOUBLED_PUNCTUATION.exec(text)?.[0] ?? '';
    // Marks that end the name, unless they are the doubled ones already named.
    const end = TRAILING_MARKS.exec(text)?.[0].trim() ?? '';
    const trailing = end && end !== doubled ? end : '';
    if (!strayWord && !doubled && !trailing) return [];
    const navn = cleanName(text, keepKommune);
    return [{ path: form.fields.kommune, params: { tekst: text, navn, kommuneord: strayWord ? 'ja' : '', dobbel: doubled, slutt: trailing } }];
  },
};

/**
 * A field left as `init` leaves it for the author: an empty text, or null (or an empty list) with
 * init's «# fyll inn» beside it. Such a field is not answered yet, so the check says «fill this in»
 * rather than asking why a figure is unknown (E1) or an answer is left out (W20).
 */
export const ikkeUtfylt: CommonRule = {
  id: 'ikke-utfylt',
  code: 'E0',
  severity: 'error',
  messages: {
    nb: {
      message: (p) => (p.tom === 'liste' ? 'Lista er ikke fylt ut.' : 'Feltet er ikke fylt ut.'),
      hint: (p) =>
        p.tom === 'null'
          ? 'Skriv svaret i stedet for null. Er det ukjent, la null stå og skriv grunnen i stedet for «fyll inn»: null  # grunnen.'
          : p.tom === 'liste'
            ? 'Før opp radene i lista. Har rapporten ingen, la [] stå og skriv grunnen i stedet for «fyll inn».'
            : 'Skriv svaret mellom anførselstegnene, eller etter «|» på linjene under for lengre tekst.',
      about: 'Et felt står slik «bosoreport init» lot det stå: tom tekst (""), eller null eller [] med «# fyll inn» ved siden av.',
    },
    nn: {
      message: (p) => (p.tom === 'liste' ? 'Lista er ikkje fylt ut.' : 'Feltet er ikkje fylt ut.'),
      hint: (p) =>
        p.tom === 'null'
          ? 'Skriv svaret i staden for null. Er det ukjent, lat null stå og skriv grunnen i staden for «fyll inn»: null  # grunnen.'
          : p.tom === 'liste'
            ? 'Før opp radene i lista. Har rapporten ingen, lat [] stå og skriv grunnen i staden for «fyll inn».'
            : 'Skriv svaret mellom hermeteikna, eller etter «|» på linjene under for lengre tekst.',
      about: 'Eit felt står slik «bosoreport init» lét det stå: tom tekst (""), eller null eller [] med «# fyll inn» ved sida av.',
    },
    en: {
      message: (p) => (p.tom === 'liste' ? 'The list is not filled in.' : 'The field is not filled in.'),
      hint: (p) =>
        p.tom === 'null'
          ? 'Write the answer in place of null. If it is unknown, keep null and write the reason in place of «fyll inn»: null  # the reason.'
          : p.tom === 'liste'
            ? 'List the rows. If the report has none, keep [] and write the reason in place of «fyll inn».'
            : 'Write the answer between the quotes, or after "|" on the lines below for longer text.',
      about: 'A field is as "bosoreport init" left it: an empty text (""), or null or [] with "# fyll inn" beside it.',
    },
  },
  check: ({ data, comment }) => [
    ...findStrings(data, (text) => !NOT_BLANK.test(text)).map(({ path }) => ({ path, params: { tom: 'tekst' } })),
    ...unanswered(data)
      .filter((u) => isNotFilledIn(comment?.(u.path)))
      .map((u) => ({ path: u.path, params: { tom: u.emptyList ? 'liste' : 'null' } })),
  ],
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
  kommunenavnUryddig,
];
