import { Option } from 'commander';
import { BosoreportError, EXIT_USAGE } from '../../../errors.js';
import { t } from '../../../messages/index.js';
import type { CommandModule } from '../types.js';

/** `bosoreport render`: its options, help in bokmål, nynorsk and English, and the call to its implementation (loaded on use). */
export const command: CommandModule<'outDir' | 'output' | 'pdf' | 'noHtml' | 'templateDir' | 'browser' | 'timeout' | 'jobs' | 'copy' | 'quiet'> = {
  name: 'render',
  rank: 40,
  checksReports: true,
  help: {
    nb: {
      description: 'lag hver rapport som HTML (og PDF med --pdf) som ser ut som Husbankens skjema',
      options: {
        outDir: 'mappen resultatet skrives til; mappene rapportene ligger i gjentas under den',
        output: 'én rapport til denne filen: .html eller .pdf (som -o for validate og init)',
        pdf: 'lag også PDF av hver rapport',
        noHtml: 'ikke behold HTML-filene (sammen med --pdf)',
        templateDir: 'maler, delmaler eller style.css som erstatter de innebygde med samme navn',
        browser: 'Chrome, Chromium eller Edge som skal lage PDF-ene',
        timeout: 'gi opp én PDF etter så mange sekunder',
        jobs: 'antall PDF-er som lages samtidig',
        copy: 'husbanken: kopien som sendes og arkiveres, bare skjemaet og svarene, i NAVN.husbanken.html/.pdf; arbeidskopi (standard): kopien til eget bruk, med bosoreports tall og kontroller',
        quiet: 'vis bare feil (validate viser advarslene)',
      },
      overview: ['bosoreport render rapporter/ --pdf -d ferdig/'],
      examples: `
Eksempler:
  $ bosoreport render examples/gjovik-aarsrapport-2012.yaml                 HTML i out/
  $ bosoreport render rapporter/ --pdf -d ferdig/                           HTML og PDF, samme mapper
  $ bosoreport render rapporter/gjovik/2012-aarsrapport.yaml -o gjovik-2012.pdf   én PDF
  $ bosoreport render FIL --pdf --no-html --template-dir mine-maler/        eget utseende, bare PDF
  $ bosoreport render FIL --copy husbanken --pdf                            kopien som sendes: FIL.husbanken.pdf

To kopier: arbeidskopien (standard) har bosoreports utregninger, diagrammer og kontrollmerknader,
og hver side sier at den ikke er den som sendes. --copy husbanken er kopien til Husbanken og arkivet:
skjemaets egen tekst og kommunens svar, ikke noe mer, skrevet ved siden av arbeidskopien.

PDF lages med den første nettleseren som finnes av: --browser, PUPPETEER_EXECUTABLE_PATH, installert
Chrome/Chromium/Edge, Chromium fra npm (Linux x64). Se: bosoreport doctor.
Avslutningskoder: 0 skrevet, ingen feil; 1 problemer i rapportene; 2 bruks-, fil- eller nettleserfeil.`,
    },
    nn: {
      description: 'lag kvar rapport som HTML (og PDF med --pdf) som ser ut som Husbankens skjema',
      options: {
        outDir: 'mappa resultatet blir skrive til; mappene rapportane ligg i, blir gjentekne der',
        output: 'éin rapport til denne fila: .html eller .pdf (som -o for validate og init)',
        pdf: 'lag òg PDF av kvar rapport',
        noHtml: 'ikkje behald HTML-filene (saman med --pdf)',
        templateDir: 'malar, delmalar eller style.css som byter ut dei innebygde med same namn',
        browser: 'Chrome, Chromium eller Edge som skal lage PDF-ane',
        timeout: 'gi opp éin PDF etter så mange sekund',
        jobs: 'talet på PDF-ar som blir laga samstundes',
        copy: 'husbanken: kopien som blir sendt og arkivert, berre skjemaet og svara, i NAMN.husbanken.html/.pdf; arbeidskopi (standard): kopien til eigen bruk, med tala og kontrollane til bosoreport',
        quiet: 'vis berre feil (validate viser åtvaringane)',
      },
      overview: ['bosoreport render rapporter/ --pdf -d ferdig/'],
      examples: `
Døme:
  $ bosoreport render examples/gjovik-aarsrapport-2012.yaml                 HTML i out/
  $ bosoreport render rapporter/ --pdf -d ferdig/                           HTML og PDF, same mapper
  $ bosoreport render rapporter/gjovik/2012-aarsrapport.yaml -o gjovik-2012.pdf   éin PDF
  $ bosoreport render FIL --pdf --no-html --template-dir mine-maler/        eigen utsjånad, berre PDF
  $ bosoreport render FIL --copy husbanken --pdf                            kopien som blir sendt: FIL.husbanken.pdf

To kopiar: arbeidskopien (standard) har utrekningane, diagramma og kontrollmerknadene til bosoreport,
og kvar side seier at ho ikkje er den som skal sendast. --copy husbanken er kopien til Husbanken og
arkivet: teksten i skjemaet og svara frå kommunen, ikkje noko meir, skriven ved sida av arbeidskopien.

PDF blir laga med den første nettlesaren som finst av: --browser, PUPPETEER_EXECUTABLE_PATH, installert
Chrome/Chromium/Edge, Chromium frå npm (Linux x64). Sjå: bosoreport doctor.
Avslutningskodar: 0 skrive, ingen feil; 1 problem i rapportane; 2 bruks-, fil- eller nettlesarfeil.`,
    },
    en: {
      description: 'write each report as HTML (and PDF with --pdf) that reads like the official form',
      options: {
        outDir: 'folder for the output; input folders are mirrored below it',
        output: 'one report into this file: .html or .pdf (as -o is for validate and init)',
        pdf: 'also print a PDF of each report',
        noHtml: 'do not write the HTML files (with --pdf)',
        templateDir: 'templates, partials or style.css that replace the shipped ones by name',
        browser: 'the Chrome, Chromium or Edge to print with',
        timeout: 'give up on one PDF after this many seconds',
        jobs: 'PDFs printed at the same time',
        copy: "husbanken: the copy to send and file, the form and the answers only, as NAME.husbanken.html/.pdf; arbeidskopi (default): the working copy, with bosoreport's figures and checks",
        quiet: 'report errors only (validate shows the warnings)',
      },
      overview: ['bosoreport render reports/ --pdf -d dist/'],
      examples: `
Examples:
  $ bosoreport render examples/gjovik-aarsrapport-2012.yaml                 HTML into out/
  $ bosoreport render reports/ --pdf -d dist/                               HTML + PDF, folders mirrored
  $ bosoreport render reports/gjovik/2012-aarsrapport.yaml -o gjovik-2012.pdf   one PDF
  $ bosoreport render FILE --pdf --no-html --template-dir my-templates/     own look, PDF only
  $ bosoreport render FILE --copy husbanken --pdf                           the copy to send: FILE.husbanken.pdf

Two copies: the working copy (the default) has bosoreport's figures, charts and findings, and every
page says it is not the one to send. --copy husbanken is the copy for Husbanken and the archive: the
form's own text and the municipality's answers, nothing else, written beside the working copy.

PDFs are printed by a browser found in this order: --browser, PUPPETEER_EXECUTABLE_PATH, an
installed Chrome/Chromium/Edge, the Chromium bundled through npm (Linux x64). See: bosoreport doctor.
Exit codes: 0 written, no errors; 1 problems in reports; 2 usage, I/O or browser error.`,
    },
  },
  define: (c, h, common) =>
    c
      .argument('<paths...>', common.paths)
      .option('-d, --out-dir <dir>', h.options.outDir, 'out')
      .option('-o, --output <file>', h.options.output)
      .option('--pdf', h.options.pdf)
      .option('--no-html', h.options.noHtml)
      .option('--template-dir <dir>', h.options.templateDir)
      .option('--browser <path>', h.options.browser)
      .option('--timeout <seconds>', h.options.timeout, '60')
      .option('--jobs <n>', h.options.jobs, '2')
      .addOption(new Option('--copy <name>', h.options.copy).choices(['husbanken', 'arbeidskopi']))
      // The older spelling of --copy husbanken keeps working, unlisted; with --copy too it would be a contradiction or a repetition.
      .addOption(new Option('--no-notes').hideHelp().conflicts('copy'))
      .option('--quiet', h.options.quiet),
  run: async (
    [paths],
    o: {
      outDir: string;
      output?: string;
      pdf?: boolean;
      html: boolean;
      templateDir?: string;
      browser?: string;
      timeout: string;
      jobs: string;
      copy?: 'husbanken' | 'arbeidskopi';
      notes: boolean;
      quiet?: boolean;
    },
    ctx,
  ) => {
    const timeout = Number(o.timeout);
    const jobs = Number(o.jobs);
    if (!(timeout > 0) || !Number.isInteger(jobs) || jobs < 1) throw new BosoreportError(t(ctx.lang, 'usage/bad-number'), EXIT_USAGE);
    return (await import('./run.js')).runRender(
      paths as string[],
      {
        outDir: o.outDir,
        ...(o.output ? { output: o.output } : {}),
        pdf: o.pdf === true,
        html: o.html,
        ...(o.templateDir ? { templateDir: o.templateDir } : {}),
        ...(o.browser ? { browser: o.browser } : {}),
        timeoutMs: timeout * 1000,
        jobs,
        rules: ctx.rules,
        kopi: o.copy ?? (o.notes === false ? 'husbanken' : 'arbeidskopi'),
        quiet: o.quiet === true,
      },
      ctx,
    );
  },
};
