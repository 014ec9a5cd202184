import { formatChange, formatDate, formatDecimal, formatInteger, formatPercent, formatShortDate } from '../format/norwegian.js';
import { t, type Lang } from '../messages/index.js';
import type { ActivitySummary } from './activities.js';
import type { Count } from './data.js';
import type { NeedTableFigures, Ratio } from './figures.js';
import type { PeriodFacts } from './period.js';
import type { CommonFigures } from './shared-figures.js';

/** A titled block of the figure table: an optional header row and rows of cells. */
export interface Section {
  title: string;
  header?: string[];
  rows: string[][];
}

export function count(v: Count | undefined, lang: Lang): string {
  if (v === undefined) return '';
  return v === null ? t(lang, 'fig/unknown') : formatInteger(v);
}

export function change(v: Count, lang: Lang): string {
  return v === null ? t(lang, 'fig/unknown') : formatChange(v);
}

export function ratioText(r: Ratio, lang: Lang): string {
  const parts = `${count(r.teller, lang)} ${t(lang, 'fig/of')} ${count(r.nevner, lang)}`;
  return r.andel === null ? `${parts} = ${t(lang, 'fig/unknown')}` : `${parts} = ${formatPercent(r.andel)}`;
}

export function periodSection(p: PeriodFacts, lang: Lang): Section {
  const delivered = !p.rapporteringsdato
    ? t(lang, 'fig/unknown')
    : p.dager_til_frist === null
      ? formatDate(p.rapporteringsdato)
      : `${formatDate(p.rapporteringsdato)} (${t(lang, p.dager_til_frist >= 0 ? 'fig/days-early' : 'fig/days-late', { n: Math.abs(p.dager_til_frist) })})`;
  return {
    title: t(lang, 'fig/period'),
    rows: [
      [t(lang, 'fig/year'), String(p.aar)],
      [
        t(lang, 'fig/covers'),
        p.fra === null && p.til === null
          ? t(lang, 'fig/no-period')
          : `${p.fra ? formatDate(p.fra) : t(lang, 'fig/unknown')} – ${p.til ? formatDate(p.til) : t(lang, 'fig/unknown')}`,
      ],
      [t(lang, 'fig/deadline'), p.frist ? formatDate(p.frist) : t(lang, 'fig/no-deadline')],
      [t(lang, 'fig/delivered'), delivered],
    ],
  };
}

const NEED_LABELS = { a_uten_eid_eller_leid_bolig: 'fig/need-a', b_fare_for_aa_miste_boligen: 'fig/need-b', c_uegnet_bolig: 'fig/need-c' } as const;

/** The need table A, B, C and its sum: pr. 01.01, pr. 31.12, the change and the result the municipality wrote. */
export function needSection(b: NeedTableFigures, lang: Lang, title = t(lang, 'fig/need-title')): Section {
  const rows = (Object.keys(NEED_LABELS) as (keyof typeof NEED_LABELS)[]).map((k) => {
    const r = b.rader[k];
    return [
      t(lang, NEED_LABELS[k]),
      count(r.pr_0101, lang),
      count(r.pr_3112, lang),
      change(r.endring, lang),
      r.resultat_rapportert === undefined ? '' : r.resultat_rapportert === null ? t(lang, 'fig/unknown') : formatChange(r.resultat_rapportert),
    ];
  });
  rows.push([t(lang, 'fig/need-sum'), count(b.sum.pr_0101, lang), count(b.sum.pr_3112, lang), change(b.sum.endring, lang), '']);
  return {
    title,
    header: ['', `${t(lang, 'fig/at')} ${formatShortDate(b.dato_0101)}`, `${t(lang, 'fig/at')} ${formatShortDate(b.dato_3112)}`, t(lang, 'fig/change'), t(lang, 'fig/reported')],
    rows,
  };
}

const STATUS_KEYS = ['gjennomfort', 'delvis_gjennomfort', 'i_gang', 'paa_vent', 'ikke_startet', 'ikke_gjennomfort', 'uten_status'] as const;

/** Activities per status, with mean and median progress. */
export function activitySection(a: ActivitySummary, lang: Lang, title = t(lang, 'fig/activities-title')): Section {
  const rows = STATUS_KEYS.filter((k) => (a.per_status[k] ?? 0) > 0).map((k) => [t(lang, `fig/status-${k}`), formatInteger(a.per_status[k]!)]);
  rows.push([t(lang, 'fig/rows'), formatInteger(a.antall_rader)]);
  rows.push([
    t(lang, 'fig/mean-progress', { n: a.rader_med_prosent, total: a.antall_rader }),
    a.snitt_framdrift === null ? t(lang, 'fig/unknown') : `${formatDecimal(a.snitt_framdrift)} %`,
  ]);
  rows.push([t(lang, 'fig/median-progress'), a.median_framdrift === null ? t(lang, 'fig/unknown') : `${formatDecimal(a.median_framdrift)} %`]);
  return { title, rows };
}

/** Deviations (avvik) written in the activity table. */
export function deviationSection(a: ActivitySummary, lang: Lang): Section[] {
  const rows = a.med_avvik.map((d) => [`${d.nr}${d.delrad === null ? '' : `.${d.delrad + 1}`} ${d.tittel}`, d.avvik]);
  return rows.length ? [{ title: t(lang, 'fig/deviations-title'), rows }] : [];
}

/**
 * The figure table of a form without one of its own: the period, then every need table and activity
 * table its schema holds (what bosoreport computed from the shared parts).
 */
export function sharedSections(figures: CommonFigures, lang: Lang): Section[] {
  const sections = [periodSection(figures.periode, lang)];
  const tables = Object.values(figures.behovstabeller ?? {});
  for (const b of tables) sections.push(needSection(b, lang, t(lang, 'fig/need-table')));
  const lists = Object.values(figures.aktivitetstabeller ?? {});
  for (const a of lists) sections.push(activitySection(a, lang), ...deviationSection(a, lang));
  return sections;
}
