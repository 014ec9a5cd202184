import type { ActivitySummary } from '../forms/shared/activities.js';
import type { Count } from '../forms/shared/data.js';
import type { Ratio } from '../forms/shared/figures.js';
import type { PeriodFacts } from '../forms/shared/period.js';
import type { Aarsrapport2012Figures } from '../forms/aarsrapport-2012/derive.js';
import type { Halvaarsrapport2011Figures } from '../forms/halvaarsrapport-2011/derive.js';
import { formatChange, formatDate, formatDecimal, formatInteger, formatPercent, formatShortDate } from '../format/norwegian.js';
import { t, type Lang } from '../messages/index.js';

/** A titled block of the figure table: an optional header row and rows of cells. */
export interface Section {
  title: string;
  header?: string[];
  rows: string[][];
}

function count(v: Count | undefined, lang: Lang): string {
  if (v === undefined) return '';
  return v === null ? t(lang, 'fig/unknown') : formatInteger(v);
}

function change(v: Count, lang: Lang): string {
  return v === null ? t(lang, 'fig/unknown') : formatChange(v);
}

function ratioText(r: Ratio, lang: Lang): string {
  const parts = `${count(r.teller, lang)} ${t(lang, 'fig/of')} ${count(r.nevner, lang)}`;
  return r.andel === null ? `${parts} = ${t(lang, 'fig/unknown')}` : `${parts} = ${formatPercent(r.andel)}`;
}

function periodSection(p: PeriodFacts, lang: Lang): Section {
  const delivered = p.rapporteringsdato
    ? `${formatDate(p.rapporteringsdato)} (${t(lang, p.dager_til_frist! >= 0 ? 'fig/days-early' : 'fig/days-late', { n: Math.abs(p.dager_til_frist!) })})`
    : t(lang, 'fig/unknown');
  return {
    title: t(lang, 'fig/period'),
    rows: [
      [t(lang, 'fig/year'), String(p.aar)],
      [t(lang, 'fig/covers'), `${formatDate(p.fra)} – ${formatDate(p.til)}`],
      [t(lang, 'fig/deadline'), formatDate(p.frist)],
      [t(lang, 'fig/delivered'), delivered],
    ],
  };
}

const NEED_LABELS = { a_uten_eid_eller_leid_bolig: 'fig/need-a', b_fare_for_aa_miste_boligen: 'fig/need-b', c_uegnet_bolig: 'fig/need-c' } as const;

export function aarsrapportSections(f: Aarsrapport2012Figures, lang: Lang): Section[] {
  const b = f.behov;
  const needRows = (Object.keys(NEED_LABELS) as (keyof typeof NEED_LABELS)[]).map((k) => {
    const r = b.rader[k];
    return [t(lang, NEED_LABELS[k]), count(r.pr_0101, lang), count(r.pr_3112, lang), change(r.endring, lang), r.resultat_rapportert === undefined ? '' : r.resultat_rapportert === null ? t(lang, 'fig/unknown') : formatChange(r.resultat_rapportert)];
  });
  needRows.push([t(lang, 'fig/need-sum'), count(b.sum.pr_0101, lang), count(b.sum.pr_3112, lang), change(b.sum.endring, lang), '']);
  const sections: Section[] = [
    periodSection(f.periode, lang),
    {
      title: t(lang, 'fig/need-title'),
      header: ['', `${t(lang, 'fig/at')} ${formatShortDate(b.dato_0101)}`, `${t(lang, 'fig/at')} ${formatShortDate(b.dato_3112)}`, t(lang, 'fig/change'), t(lang, 'fig/reported')],
      rows: needRows,
    },
  ];
  const s = f.saerskilt_prioritert_omraade;
  if (s) {
    sections.push({
      title: t(lang, 'fig/special-title', { aar: s.aar }),
      header: ['', `${t(lang, 'fig/at')} ${formatShortDate(s.dato_0101)}`, `${t(lang, 'fig/at')} ${formatShortDate(s.dato_3112)}`, t(lang, 'fig/change'), t(lang, 'fig/reported')],
      rows: [[s.omraade, count(s.pr_0101, lang), count(s.pr_3112, lang), change(s.endring, lang), count(s.resultat_rapportert, lang)]],
    });
  }
  const bs = f.bostotte;
  const key: string[][] = [
    [t(lang, 'fig/fixed-rate'), ratioText(f.fastrenteandel, lang)],
    [t(lang, 'fig/allocation-rate'), ratioText(f.tildelingsrate, lang)],
    [t(lang, 'fig/bostotte'), `${count(bs.januar, lang)} → ${count(bs.desember, lang)} (${change(bs.endring, lang)})`],
  ];
  const fd = f.kommunalt_disponerte_boliger_fordeling;
  if (fd) key.push([t(lang, 'fig/breakdown'), `${count(fd.sum_av_deler, lang)} / ${count(fd.oppgitt, lang)}${fd.differanse === 0 ? ' ✓' : fd.differanse === null ? '' : ` (${change(fd.differanse, lang)})`}`]);
  sections.push({ title: t(lang, 'fig/key-title'), rows: key });
  return sections;
}

const STATUS_KEYS = ['gjennomfort', 'delvis_gjennomfort', 'i_gang', 'paa_vent', 'ikke_startet', 'ikke_gjennomfort', 'uten_status'] as const;

export function halvaarsrapportSections(f: Halvaarsrapport2011Figures, lang: Lang): Section[] {
  const a: ActivitySummary = f.aktiviteter;
  const rows = STATUS_KEYS.filter((k) => a.per_status[k] > 0).map((k) => [t(lang, `fig/status-${k}`), formatInteger(a.per_status[k])]);
  rows.push([t(lang, 'fig/rows'), formatInteger(a.antall_rader)]);
  rows.push([t(lang, 'fig/mean-progress', { n: a.rader_med_prosent }), a.snitt_framdrift === null ? t(lang, 'fig/unknown') : `${formatDecimal(a.snitt_framdrift)} %`]);
  rows.push([t(lang, 'fig/median-progress'), a.median_framdrift === null ? t(lang, 'fig/unknown') : `${formatDecimal(a.median_framdrift)} %`]);
  const deviations = a.med_avvik.map((d) => [`${d.nr}${d.delrad === null ? '' : `.${d.delrad + 1}`} ${d.tittel}`, d.avvik]);
  return [
    periodSection(f.periode, lang),
    { title: t(lang, 'fig/activities-title'), rows },
    ...(deviations.length ? [{ title: t(lang, 'fig/deviations-title'), rows: deviations }] : []),
  ];
}
