import type { CommandModule } from '../types.js';

/** `bosoreport init`: its options, help in bokmål, nynorsk and English, and the call to its implementation (loaded on use). */
export const command: CommandModule<'kommune' | 'aar' | 'from' | 'periode' | 'output' | 'repo'> = {
  name: 'init',
  rank: 70,
  help: {
    nb: {
      description: 'lag en ny rapport med alle feltene i skjemaet, forklart på norsk',
      options: {
        kommune: 'kommunen',
        aar: 'rapporteringsåret',
        from: 'fjorårets rapport: hent programinformasjon, og tallene pr. 31.12 som årets pr. 01.01',
        periode: 'for et skjema brukt til flere perioder: forste_halvaar eller hele_aaret (standard: skjemaets første bruk)',
        output: 'den nye filen (standard: rapporter/<kommune>/<år>-<type>.yaml, fra der du står i det oppsettet); skrives aldri over',
        repo: 'skriv .vscode/settings.json i repositoryet, så VS Code hjelper med hver rapport etter «skjema:», også uten modeline',
      },
      overview: ['bosoreport init aarsrapport-2012 --kommune Gjøvik --aar 2013'],
      examples: `
Eksempler:
  $ bosoreport init aarsrapport-2012 --kommune Gjøvik --aar 2013            skriver rapporter/gjovik/2013-aarsrapport.yaml
  $ bosoreport init --repo                                                  VS Code-hjelp for alle rapportene
  $ bosoreport init aarsrapport-2012 --kommune Gjøvik --aar 2013 --from rapporter/gjovik/2012-aarsrapport.yaml
  $ bosoreport init aars-og-halvaarsrapport-2011 --periode hele_aaret --kommune Halden --aar 2011`,
    },
    nn: {
      description: 'lag ein ny rapport med alle felta i skjemaet, forklarte på norsk',
      options: {
        kommune: 'kommunen',
        aar: 'rapporteringsåret',
        from: 'rapporten frå i fjor: hent programinformasjon, og tala pr. 31.12 som tala pr. 01.01 i år',
        periode: 'for eit skjema brukt til fleire periodar: forste_halvaar eller hele_aaret (standard: den første bruken av skjemaet)',
        output: 'den nye fila (standard: rapporter/<kommune>/<år>-<type>.yaml, frå der du står i det oppsettet); blir aldri skriven over',
        repo: 'skriv .vscode/settings.json i repositoryet, så VS Code hjelper med kvar rapport etter «skjema:», òg utan modeline',
      },
      overview: ['bosoreport init aarsrapport-2012 --kommune Gjøvik --aar 2013'],
      examples: `
Døme:
  $ bosoreport init aarsrapport-2012 --kommune Gjøvik --aar 2013            skriv rapporter/gjovik/2013-aarsrapport.yaml
  $ bosoreport init --repo                                                  VS Code-hjelp for alle rapportane
  $ bosoreport init aarsrapport-2012 --kommune Gjøvik --aar 2013 --from rapporter/gjovik/2012-aarsrapport.yaml
  $ bosoreport init aars-og-halvaarsrapport-2011 --periode hele_aaret --kommune Halden --aar 2011`,
    },
    en: {
      description: 'write a new report with every field of the form, explained in Norwegian',
      options: {
        kommune: 'the municipality',
        aar: 'the reporting year',
        from: "last year's report: carry over programme information and 31.12 figures as 01.01",
        periode: 'for a form used for several periods: forste_halvaar or hele_aaret (default: its first use)',
        output: 'the new file (default: rapporter/<kommune>/<år>-<type>.yaml, from where you stand in that layout); never overwritten',
        repo: "write the repository's .vscode/settings.json, so VS Code helps with every report by its «skjema:», modeline or not",
      },
      overview: ['bosoreport init aarsrapport-2012 --kommune Gjøvik --aar 2013'],
      examples: `
Examples:
  $ bosoreport init aarsrapport-2012 --kommune Gjøvik --aar 2013            writes rapporter/gjovik/2013-aarsrapport.yaml
  $ bosoreport init --repo                                                  VS Code help for every report
  $ bosoreport init aarsrapport-2012 --kommune Gjøvik --aar 2013 --from reports/gjovik/2012-aarsrapport.yaml
  $ bosoreport init aars-og-halvaarsrapport-2011 --periode hele_aaret --kommune Halden --aar 2011`,
    },
  },
  define: (c, h, common) =>
    c
      .argument('[form]', common.form)
      .option('--kommune <navn>', h.options.kommune)
      .option('--aar <år>', h.options.aar)
      .option('--from <file>', h.options.from)
      .option('--periode <verdi>', h.options.periode)
      .option('-o, --output <file>', h.options.output)
      .option('--repo', h.options.repo),
  run: async ([formId], o: { kommune?: string; aar?: string; from?: string; output?: string; periode?: string; repo?: boolean }, ctx) => {
    // --repo alone sets up the repository; with a form it also writes the report.
    if (o.repo) {
      const code = await (await import('./repo.js')).runInitRepo(ctx);
      if (formId === undefined || code !== 0) return code;
    }
    return (await import('./run.js')).runInit(
      formId as string | undefined,
      {
        kommune: o.kommune ?? '',
        aar: o.aar ?? '',
        ...(o.from ? { from: o.from } : {}),
        ...(o.output ? { output: o.output } : {}),
        ...(o.periode ? { periode: o.periode } : {}),
      },
      ctx,
    );
  },
};
