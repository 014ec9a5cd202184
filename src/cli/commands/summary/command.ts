import { BosoreportError, EXIT_USAGE } from '../../../errors.js';
import { t } from '../../../messages/index.js';
import { commaList } from '../options.js';
import type { CommandModule } from '../types.js';

/** `bosoreport summary`: its options, help in bokmål, nynorsk and English, and the call to its implementation (loaded on use). */
export const command: CommandModule<'format' | 'output' | 'pdf' | 'kommune' | 'aar' | 'fra' | 'til' | 'skjema' | 'browser' | 'timeout'> = {
  name: 'summary',
  rank: 60,
  checksReports: true,
  help: {
    nb: {
      description: 'regionens oversikt: alle rapportene side om side per kommune og periode',
      options: {
        format: 'html (standard), pdf, csv, json eller markdown (eller fra filnavnet til -o)',
        output: 'skriv oversikten til denne filen i stedet for til skjermen',
        pdf: 'lag oversikten som PDF, A4 liggende (trenger -o)',
        kommune: 'bare disse kommunene (kan gjentas, eller skilles med komma)',
        aar: 'bare dette rapporteringsåret',
        fra: 'fra og med dette året',
        til: 'til og med dette året',
        skjema: 'bare rapporter på disse skjemaene (kan gjentas, eller skilles med komma)',
        browser: 'Chrome, Chromium eller Edge som skal lage PDF-ene',
        timeout: 'gi opp én PDF etter så mange sekunder',
      },
      overview: ['bosoreport summary rapporter/ -o oversikt.html'],
      examples: `
Eksempler:
  $ bosoreport summary rapporter/ -o oversikt.html               tabeller og diagrammer på én side
  $ bosoreport summary rapporter/ --pdf -o oversikt.pdf          det samme, A4 liggende
  $ bosoreport summary rapporter/ -o oversikt.csv                langt format for Excel (; og BOM)
  $ bosoreport summary rapporter/ -f markdown >> "$GITHUB_STEP_SUMMARY"
  $ bosoreport summary rapporter/ --kommune Gjøvik,Hamar --fra 2012 -f json

Ukjente tall står som «ukjent»; tall fra en rapport med feil er merket; en kopi eller et utkast står
aldri for rapporten. En års- eller halvårsrapport som ikke er levert, står som «mangler» når fristen
er passert, også den siste.
Avslutningskoder som for validate; oversikten skrives uansett.`,
    },
    nn: {
      description: 'oversikta for regionen: alle rapportane side om side per kommune og periode',
      options: {
        format: 'html (standard), pdf, csv, json eller markdown (eller frå filnamnet til -o)',
        output: 'skriv oversikta til denne fila i staden for til skjermen',
        pdf: 'lag oversikta som PDF, A4 liggjande (treng -o)',
        kommune: 'berre desse kommunane (kan gjentakast, eller skiljast med komma)',
        aar: 'berre dette rapporteringsåret',
        fra: 'frå og med dette året',
        til: 'til og med dette året',
        skjema: 'berre rapportar på desse skjemaa (kan gjentakast, eller skiljast med komma)',
        browser: 'Chrome, Chromium eller Edge som skal lage PDF-ane',
        timeout: 'gi opp éin PDF etter så mange sekund',
      },
      overview: ['bosoreport summary rapporter/ -o oversikt.html'],
      examples: `
Døme:
  $ bosoreport summary rapporter/ -o oversikt.html               tabellar og diagram på éi side
  $ bosoreport summary rapporter/ --pdf -o oversikt.pdf          det same, A4 liggjande
  $ bosoreport summary rapporter/ -o oversikt.csv                langt format for Excel (; og BOM)
  $ bosoreport summary rapporter/ -f markdown >> "$GITHUB_STEP_SUMMARY"
  $ bosoreport summary rapporter/ --kommune Gjøvik,Hamar --fra 2012 -f json

Ukjende tal står som «ukjent»; tal frå ein rapport med feil er merkte; ein kopi eller eit utkast står
aldri for rapporten. Ein års- eller halvårsrapport som ikkje er levert, står som «mangler» når fristen
er passert, òg den siste.
Avslutningskodar som for validate; oversikta blir skriven same kva.`,
    },
    en: {
      description: 'the regional overview: every report side by side per municipality and period',
      options: {
        format: 'html (default), pdf, csv, json or markdown (or from the -o file name)',
        output: 'write the overview to this file instead of standard output',
        pdf: 'print the overview to PDF, A4 landscape (needs -o)',
        kommune: 'only these municipalities (repeatable, or comma-separated)',
        aar: 'only this reporting year',
        fra: 'from this year',
        til: 'up to this year',
        skjema: 'only reports on these forms (repeatable, or comma-separated)',
        browser: 'the Chrome, Chromium or Edge to print with',
        timeout: 'give up on one PDF after this many seconds',
      },
      overview: ['bosoreport summary reports/ -o oversikt.html'],
      examples: `
Examples:
  $ bosoreport summary reports/ -o oversikt.html                 tables and charts in one page
  $ bosoreport summary reports/ --pdf -o oversikt.pdf            the same, A4 landscape
  $ bosoreport summary reports/ -o oversikt.csv                  long format for Excel (; and BOM)
  $ bosoreport summary reports/ -f markdown >> "$GITHUB_STEP_SUMMARY"
  $ bosoreport summary reports/ --kommune Gjøvik,Hamar --fra 2012 -f json

Unknown figures stay «ukjent»; figures from a report with errors are marked; a copy or a draft never
stands in for the report. An annual or half-year report not delivered is listed as «mangler» once its
deadline has passed, the latest one too.
Exit codes as for validate; the overview is written either way.`,
    },
  },
  define: (c, h, common) =>
    c
      .argument('<paths...>', common.paths)
      .option('-f, --format <name>', h.options.format)
      .option('-o, --output <file>', h.options.output)
      .option('--pdf', h.options.pdf)
      .option('--kommune <navn>', h.options.kommune, commaList)
      .option('--aar <år>', h.options.aar)
      .option('--fra <år>', h.options.fra)
      .option('--til <år>', h.options.til)
      .option('--skjema <id>', h.options.skjema, commaList)
      .option('--browser <path>', h.options.browser)
      .option('--timeout <seconds>', h.options.timeout, '60'),
  run: async (
    [paths],
    o: { format?: string; output?: string; pdf?: boolean; kommune?: string[]; aar?: string; fra?: string; til?: string; skjema?: string[]; browser?: string; timeout: string },
    ctx,
  ) => {
    const year = (v: string | undefined) => {
      if (v === undefined) return undefined;
      const n = Number(v);
      if (!Number.isInteger(n) || n < 2000 || n > 2100) throw new BosoreportError(t(ctx.lang, 'init/bad-year', { value: v }), EXIT_USAGE);
      return n;
    };
    const timeout = Number(o.timeout);
    if (!(timeout > 0)) throw new BosoreportError(t(ctx.lang, 'usage/bad-number'), EXIT_USAGE);
    const filter = {
      ...(o.kommune ? { kommuner: o.kommune } : {}),
      ...(o.skjema ? { skjema: o.skjema } : {}),
      ...(o.aar !== undefined ? { fra: year(o.aar), til: year(o.aar) } : {}),
      ...(o.fra !== undefined ? { fra: year(o.fra) } : {}),
      ...(o.til !== undefined ? { til: year(o.til) } : {}),
    };
    return (await import('./run.js')).runSummary(paths as string[], ctx, {
      ...(o.format ? { format: o.format } : {}),
      ...(o.output ? { output: o.output } : {}),
      pdf: o.pdf === true,
      filter,
      rules: ctx.rules,
      ...(o.browser ? { browser: o.browser } : {}),
      timeoutMs: timeout * 1000,
      ...(ctx.io.env.BOSOREPORT_TODAY ? { today: ctx.io.env.BOSOREPORT_TODAY } : {}),
    });
  },
};
