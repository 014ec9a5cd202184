import { formatShortDate } from '../../format/norwegian.js';
import { t, type Lang } from '../../messages/index.js';
import { change, count, needSection, periodSection, ratioText, type Section } from '../../parts/figure-table.js';
import { needTable, type Aarsrapport2012Figures } from './derive.js';

/** The annual report's figures for `compute`: period, need table, priority area, key figures. */
export function figureTable(f: Aarsrapport2012Figures, lang: Lang): Section[] {
  const sections: Section[] = [periodSection(f.periode, lang), needSection(needTable(f), lang)];
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
  if (fd)
    key.push([
      t(lang, 'fig/breakdown'),
      `${count(fd.sum_av_deler, lang)} / ${count(fd.oppgitt, lang)}${fd.differanse === 0 ? ' ✓' : fd.differanse === null ? '' : ` (${change(fd.differanse, lang)})`}`,
    ]);
  sections.push({ title: t(lang, 'fig/key-title'), rows: key });
  return sections;
}
