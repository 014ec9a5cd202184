import type { CommandModule } from '../types.js';

/**
 * `bosoreport baseline`: its options, help in bokmål, nynorsk and English, and the call to its
 * implementation (loaded on use). A command of its own rather than a validate option: it writes a
 * file to commit, which validate never does, and its help can say what accepting findings means.
 */
export const command: CommandModule<'prune'> = {
  name: 'baseline',
  rank: 65,
  checksReports: true,
  help: {
    nb: {
      description: 'godta dagens funn i .bosoreport-baseline.json, så bare nye funn feiler validate',
      options: {
        prune: 'bare stram inn: senk tallene til det som finnes nå, legg ikke til noe nytt',
      },
      overview: ['bosoreport baseline rapporter/'],
      examples: `
Eksempler:
  $ bosoreport baseline rapporter/            godta alle funn som finnes nå, og commit filen
  $ bosoreport baseline --prune rapporter/    ta bort det som er rettet siden

Grunnlinjen ligger i roten av repositoryet (der .bosoreport.yaml, package.json eller .git er) og teller
funn per fil og regel, uten linjenummer. validate viser ikke funn den godtar, og teller dem ikke mot
--max-warnings eller avslutningskoden; kommer det flere funn av en regel i en fil, vises alle.
Avslutningskoder: 0 skrevet (eller uendret), 2 bruks- eller filfeil (da skrives ingenting).`,
    },
    nn: {
      description: 'godta dagens funn i .bosoreport-baseline.json, så berre nye funn får validate til å feile',
      options: {
        prune: 'berre stram inn: senk tala til det som finst no, legg ikkje til noko nytt',
      },
      overview: ['bosoreport baseline rapporter/'],
      examples: `
Døme:
  $ bosoreport baseline rapporter/            godta alle funn som finst no, og commit fila
  $ bosoreport baseline --prune rapporter/    ta bort det som er retta sidan

Grunnlinja ligg i rota av repositoryet (der .bosoreport.yaml, package.json eller .git er) og tel funn
per fil og regel, utan linjenummer. validate viser ikkje funn ho godtek, og tel dei ikkje mot
--max-warnings eller avslutningskoden; kjem det fleire funn av ein regel i ei fil, blir alle viste.
Avslutningskodar: 0 skriven (eller uendra), 2 bruks- eller filfeil (då blir ingenting skrive).`,
    },
    en: {
      description: "accept today's findings in .bosoreport-baseline.json, so that only new ones fail validate",
      options: {
        prune: 'only tighten: lower the counts to what is found now, add nothing new',
      },
      overview: ['bosoreport baseline reports/'],
      examples: `
Examples:
  $ bosoreport baseline reports/              accept every finding there is now, then commit the file
  $ bosoreport baseline --prune reports/      drop what has been fixed since

The baseline sits at the repository's root (where .bosoreport.yaml, package.json or .git is) and
counts findings per file and rule, without line numbers. validate neither shows the findings it
accepts nor counts them towards --max-warnings or the exit code; once a file has more findings of a
rule than accepted, all of them are shown.
Exit codes: 0 written (or unchanged), 2 usage or I/O error (nothing is written then).`,
    },
  },
  define: (c, h, common) => c.argument('<paths...>', common.paths).option('--prune', h.options.prune),
  run: async ([paths], o: { prune?: boolean }, ctx) => (await import('./run.js')).runBaseline(paths as string[], ctx, { rules: ctx.rules, prune: o.prune === true }),
};
