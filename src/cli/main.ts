import { Command, CommanderError, Option } from 'commander';
import { BosoreportError, EXIT_USAGE, OutputError } from '../errors.js';
import { langFromEnv, parseLang, t, type Lang } from '../messages/index.js';
import type { Io } from './context.js';
import { VERSION } from '../version.js';


const EXAMPLES_VALIDATE = `
Examples:
  $ bosoreport validate examples/gjovik-aarsrapport-2012.yaml
  $ bosoreport validate reports/                      every .yaml/.yml below, recursively
  $ bosoreport validate a.yaml b.yaml 'reports/**/*.yaml'
  $ bosoreport validate --lang en reports/
  $ bosoreport validate --format github --max-warnings 0 reports/     in a GitHub Actions step
  $ bosoreport validate --format sarif -o bosoreport.sarif reports/   for code scanning

Exit codes: 0 no errors (warnings allowed), 1 problems found in reports, 2 usage or I/O error.`;

const EXAMPLES_COMPUTE = `
Examples:
  $ bosoreport compute examples/gjovik-aarsrapport-2012.yaml          figures as a table
  $ bosoreport compute examples/gjovik-aarsrapport-2012.yaml --json   report + figures as JSON
  $ bosoreport compute --lang en --rule negativt-resultat=off examples/gjovik-aarsrapport-2012.yaml

Exit codes: 0 figures computed, no errors; 1 problems in the report; 2 usage or I/O error.`;

const EXAMPLES_RENDER = `
Examples:
  $ bosoreport render examples/gjovik-aarsrapport-2012.yaml                 HTML into out/
  $ bosoreport render reports/ --pdf -o dist/                               HTML + PDF, folders mirrored
  $ bosoreport render FILE --pdf --no-html --template-dir my-templates/     own look, PDF only

PDFs are printed by a browser found in this order: --browser, PUPPETEER_EXECUTABLE_PATH, an
installed Chrome/Chromium/Edge, the Chromium bundled through npm (Linux x64). See: bosoreport doctor.
Exit codes: 0 written, no errors; 1 problems in reports; 2 usage, I/O or browser error.`;

const EXAMPLES_MAIN = `
Examples:
  $ bosoreport validate examples/gjovik-aarsrapport-2012.yaml
  $ bosoreport validate reports/
  $ bosoreport compute examples/gjovik-aarsrapport-2012.yaml --json
  $ bosoreport render reports/ --pdf -o dist/
  $ bosoreport init aarsrapport-2012 --kommune Gjøvik --aar 2013
  $ bosoreport forms
  $ bosoreport rules
  $ bosoreport doctor
  $ bosoreport validate --help

Messages are in Norwegian (nb) or English (en): --lang, or BOSOREPORT_LANG, or the locale (LANG).`;

function langOption(): Option {
  return new Option('--lang <lang>', 'language of messages: nb or en (default: from the locale)');
}

function ruleOption(): Option {
  return new Option('--rule <id=level>', 'set a rule to off, warn or error (repeatable; wins over .bosoreport.yaml)').argParser(
    (value: string, previous: string[] = []) => [...previous, value],
  );
}

/** Runs the CLI and returns its exit code; only bin/ turns that into the process's exit. */
export async function main(argv: readonly string[], io: Io): Promise<number> {
  let lang: Lang = langFromEnv(io.env);
  let exitCode = 0;
  const setLang = (value: string | undefined) => {
    if (value === undefined) return;
    const chosen = parseLang(value);
    if (!chosen) throw new BosoreportError(t(lang, 'usage/bad-lang', { value }), EXIT_USAGE);
    lang = chosen;
  };
  const program = new Command()
    .name('bosoreport')
    .description('Check, compute and render Husbanken «Boligsosialt utviklingsprogram» reports written as YAML.')
    .version(VERSION, '-v, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .addHelpText('after', EXAMPLES_MAIN)
    .showHelpAfterError()
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
    });

  program
    .command('validate')
    .description('check reports against their form: YAML, form, schema')
    .argument('<paths...>', 'report files, folders, or quoted glob patterns')
    .option('-f, --format <name>', 'stylish, json, junit, github or sarif', 'stylish')
    .option('-o, --output-file <file>', 'write the results to this file instead of standard output')
    .option('--max-warnings <n>', 'exit 1 when there are more warnings than this')
    .option('--quiet', 'report errors only')
    .addOption(langOption())
    .addOption(ruleOption())
    .addHelpText('after', EXAMPLES_VALIDATE)
    .action(async (paths: string[], options: { lang?: string; rule?: string[]; format: string; outputFile?: string; maxWarnings?: string; quiet?: boolean }) => {
      setLang(options.lang);
      exitCode = await (await import('./validate.js')).runValidate(paths, { io, lang }, {
        format: options.format,
        ...(options.outputFile !== undefined ? { outputFile: options.outputFile } : {}),
        ...(options.maxWarnings !== undefined ? { maxWarnings: options.maxWarnings } : {}),
        quiet: options.quiet === true,
        rules: (await import('./rule-option.js')).parseRuleOptions(options.rule ?? [], lang),
      });
    });

  program
    .command('compute')
    .description('print a report with every derived figure (deltas, totals, ratios, deadline)')
    .argument('<file>', 'one report file')
    .option('--json', 'print the report and its figures as JSON (shape: schemas/beregning.schema.json)')
    .addOption(langOption())
    .addOption(ruleOption())
    .addHelpText('after', EXAMPLES_COMPUTE)
    .action(async (file: string, options: { lang?: string; rule?: string[]; json?: boolean }) => {
      setLang(options.lang);
      exitCode = await (await import('./compute.js')).runCompute([file], { json: options.json === true, rules: (await import('./rule-option.js')).parseRuleOptions(options.rule ?? [], lang) }, { io, lang });
    });

  program
    .command('render')
    .description('write each report as HTML (and PDF with --pdf) that reads like the official form')
    .argument('<paths...>', 'report files, folders, or quoted glob patterns')
    .option('-o, --out-dir <dir>', 'folder for the output; input folders are mirrored below it', 'out')
    .option('--pdf', 'also print a PDF of each report')
    .option('--no-html', 'do not write the HTML files (with --pdf)')
    .option('--template-dir <dir>', 'templates, partials or style.css that replace the shipped ones by name')
    .option('--browser <path>', 'the Chrome, Chromium or Edge to print with')
    .option('--timeout <seconds>', 'give up on one PDF after this long', '60')
    .option('--jobs <n>', 'PDFs printed at the same time', '2')
    .addOption(langOption())
    .addOption(ruleOption())
    .addHelpText('after', EXAMPLES_RENDER)
    .action(async (paths: string[], o: { outDir: string; pdf?: boolean; html: boolean; templateDir?: string; browser?: string; timeout: string; jobs: string; lang?: string; rule?: string[] }) => {
      setLang(o.lang);
      const timeout = Number(o.timeout);
      const jobs = Number(o.jobs);
      if (!(timeout > 0) || !Number.isInteger(jobs) || jobs < 1) throw new BosoreportError(t(lang, 'usage/bad-number'), EXIT_USAGE);
      exitCode = await (await import('./render.js')).runRender(
        paths,
        { outDir: o.outDir, pdf: o.pdf === true, html: o.html, ...(o.templateDir ? { templateDir: o.templateDir } : {}), ...(o.browser ? { browser: o.browser } : {}), timeoutMs: timeout * 1000, jobs, rules: (await import('./rule-option.js')).parseRuleOptions(o.rule ?? [], lang) },
        { io, lang },
      );
    });

  program
    .command('doctor')
    .description('say which browser PDFs will be printed with, and why')
    .option('--browser <path>', 'check this browser instead')
    .addOption(langOption())
    .action(async (o: { browser?: string; lang?: string }) => {
      setLang(o.lang);
      exitCode = await (await import('./doctor.js')).runDoctor(o.browser ? { browser: o.browser } : {}, { io, lang });
    });

  program
    .command('init')
    .description('write a new report with every field of the form, explained in Norwegian')
    .argument('<form>', 'the form, e.g. aarsrapport-2012 (see: bosoreport forms)')
    .requiredOption('--kommune <navn>', 'the municipality')
    .requiredOption('--aar <år>', 'the reporting year')
    .option('--from <file>', 'last year\'s report: carry over programme information and 31.12 figures as 01.01')
    .option('-o, --output <file>', 'the new file (default: <kommune>-<år>-<type>.yaml); never overwritten')
    .addOption(langOption())
    .addHelpText('after', `
Examples:
  $ bosoreport init aarsrapport-2012 --kommune Gjøvik --aar 2013 -o reports/gjovik/2013-aarsrapport.yaml
  $ bosoreport init aarsrapport-2012 --kommune Gjøvik --aar 2013 --from reports/gjovik/2012-aarsrapport.yaml`)
    .action(async (formId: string, o: { kommune: string; aar: string; from?: string; output?: string; lang?: string }) => {
      setLang(o.lang);
      exitCode = await (await import('./init.js')).runInit(formId, { kommune: o.kommune, aar: o.aar, ...(o.from ? { from: o.from } : {}), ...(o.output ? { output: o.output } : {}) }, { io, lang });
    });

  program
    .command('schema')
    .description('print a form\'s JSON Schema as one self-contained document')
    .argument('<form>', 'the form, e.g. aarsrapport-2012')
    .addOption(langOption())
    .action(async (formId: string, o: { lang?: string }) => {
      setLang(o.lang);
      exitCode = (await import('./schema.js')).runSchema(formId, { io, lang });
    });

  program
    .command('forms')
    .description('list the forms and versions bosoreport knows')
    .addOption(langOption())
    .action(async (o: { lang?: string }) => {
      setLang(o.lang);
      exitCode = (await import('./schema.js')).runForms({ io, lang });
    });

  program
    .command('rules')
    .description('list the rules checked beyond the schema, with their default level')
    .addOption(langOption())
    .action(async (options: { lang?: string }) => {
      setLang(options.lang);
      exitCode = (await import('./rules.js')).runRules({ io, lang });
    });

  try {
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end here too, with code 0.
      return error.exitCode === 0 ? 0 : EXIT_USAGE;
    }
    if (error instanceof OutputError) {
      const why = ['ENOSPC', 'EACCES', 'EPERM', 'EROFS'].includes(error.code) ? t(lang, `io/why-${error.code === 'ENOSPC' ? 'full' : 'denied'}`) : error.code;
      io.stderr.write(`bosoreport: ${t(lang, 'io/unwritable', { path: error.file, reason: why })} ${t(lang, 'io/nothing-replaced')}\n`);
      return error.exitCode;
    }
    if (error instanceof BosoreportError) {
      io.stderr.write(`bosoreport: ${error.message}\n`);
      return error.exitCode;
    }
    io.stderr.write(`${t(lang, 'internal', { detail: (error as Error)?.message ?? String(error) })}\n${t(lang, 'internal.hint')}\n`);
    if (io.env.BOSOREPORT_DEBUG) io.stderr.write(`${(error as Error)?.stack ?? ''}\n`);
    return EXIT_USAGE;
  }
}
