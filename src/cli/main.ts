import { Command, CommanderError, Option } from 'commander';
import { BosoreportError, EXIT_USAGE, OutputError } from '../errors.js';
import { langFromEnv, parseLang, t, type Lang } from '../messages/index.js';
import type { Io } from './context.js';
import { HELP, helpStyle, langFromArgv, usageError } from './help.js';
import { VERSION } from '../util/version.js';
import { visible } from '../util/visible.js';



/** An option that may be repeated or given as a comma-separated list (`--kommune Gjøvik,Hamar`). */
const commaList = (value: string, previous: string[] = []) => [...previous, ...value.split(',').map((v) => v.trim()).filter(Boolean)];

/** Runs the CLI and returns its exit code; only bin/ turns that into the process's exit. */
export async function main(argv: readonly string[], io: Io): Promise<number> {
  let lang: Lang = parseLang(langFromArgv(argv) ?? '') ?? langFromEnv(io.env);
  let exitCode = 0;
  const h = HELP[lang];
  const langOption = () => new Option('--lang <lang>', h.lang);
  /** For the commands that check reports: the language, then the --rule levels (typos are usage errors). */
  const levels = async (o: { lang?: string; rule?: string[] }) => {
    setLang(o.lang);
    return (await import('./rule-option.js')).parseRuleOptions(o.rule ?? [], lang);
  };
  const ruleOption = () => new Option('--rule <id=level>', h.rule).argParser((value: string, previous: string[] = []) => [...previous, value]);
  const setLang = (value: string | undefined) => {
    if (value === undefined) return;
    const chosen = parseLang(value);
    if (!chosen) throw new BosoreportError(t(lang, 'usage/bad-lang', { value }), EXIT_USAGE);
    lang = chosen;
  };
  const program = new Command()
    .name('bosoreport')
    .description(h.program)
    .version(VERSION, '-v, --version', h.version)
    .helpOption('-h, --help', h.help)
    .helpCommand('help [command]', h.helpCommand)
    .configureHelp({ styleTitle: (title: string) => h.titles[title] ?? title, ...helpStyle(lang) })
    .addHelpText('after', h.main)
    .showHelpAfterError()
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
      outputError: (s, write) => write(usageError(lang, s)),
      // The width of the streams given, not of the process's: tests and the docs get 80 columns.
      getOutHelpWidth: () => (io.stdout.isTTY ? (io.stdout as { columns?: number }).columns ?? 80 : 80),
      getErrHelpWidth: () => (io.stderr.isTTY ? (io.stderr as { columns?: number }).columns ?? 80 : 80),
    });

  program
    .command('validate')
    .description(h.validate.description)
    .argument('<paths...>', h.paths)
    .option('-f, --format <name>', h.validate.format, 'stylish')
    .option('-o, --output <file>', h.validate.output)
    // The older spelling keeps working.
    .addOption(new Option('--output-file <file>').hideHelp())
    .option('--max-warnings <n>', h.validate.maxWarnings)
    .option('--quiet', h.validate.quiet)
    .option('--fix', h.validate.fix)
    .addOption(langOption())
    .addOption(ruleOption())
    .addHelpText('after', h.validate.examples)
    .action(async (paths: string[], options: { lang?: string; rule?: string[]; format: string; output?: string; outputFile?: string; maxWarnings?: string; quiet?: boolean; fix?: boolean }) => {
      const rules = await levels(options);
      if (options.fix) {
        const fixed = await (await import('./fix.js')).runFix(paths, { io, lang }, { rules, beforeValidate: true });
        if (fixed === EXIT_USAGE) {
          exitCode = fixed;
          return;
        }
      }
      const outputFile = options.output ?? options.outputFile;
      exitCode = await (await import('./validate.js')).runValidate(paths, { io, lang }, {
        format: options.format,
        ...(outputFile !== undefined ? { outputFile } : {}),
        ...(options.maxWarnings !== undefined ? { maxWarnings: options.maxWarnings } : {}),
        quiet: options.quiet === true,
        rules,
      });
    });

  program
    .command('fix')
    .description(h.fix.description)
    .argument('<paths...>', h.paths)
    .option('--dry-run', h.fix.dryRun)
    .addOption(langOption())
    .addOption(ruleOption())
    .addHelpText('after', h.fix.examples)
    .action(async (paths: string[], o: { lang?: string; rule?: string[]; dryRun?: boolean }) => {
      const rules = await levels(o);
      exitCode = await (await import('./fix.js')).runFix(paths, { io, lang }, { rules, dryRun: o.dryRun === true });
    });

  program
    .command('compute')
    .description(h.compute.description)
    .argument('<file>', h.file)
    .option('--json', h.compute.json)
    .addOption(langOption())
    .addOption(ruleOption())
    .addHelpText('after', h.compute.examples)
    .action(async (file: string, options: { lang?: string; rule?: string[]; json?: boolean }) => {
      const rules = await levels(options);
      exitCode = await (await import('./compute.js')).runCompute([file], { json: options.json === true, rules }, { io, lang });
    });

  program
    .command('render')
    .description(h.render.description)
    .argument('<paths...>', h.paths)
    .option('-d, --out-dir <dir>', h.render.outDir, 'out')
    .option('-o, --output <file>', h.render.output)
    .option('--pdf', h.render.pdf)
    .option('--no-html', h.render.noHtml)
    .option('--template-dir <dir>', h.render.templateDir)
    .option('--browser <path>', h.render.browser)
    .option('--timeout <seconds>', h.render.timeout, '60')
    .option('--jobs <n>', h.render.jobs, '2')
    .option('--no-notes', h.render.noNotes)
    .option('--quiet', h.render.quiet)
    .addOption(langOption())
    .addOption(ruleOption())
    .addHelpText('after', h.render.examples)
    .action(async (paths: string[], o: { outDir: string; output?: string; pdf?: boolean; html: boolean; templateDir?: string; browser?: string; timeout: string; jobs: string; notes: boolean; quiet?: boolean; lang?: string; rule?: string[] }) => {
      const rules = await levels(o);
      const timeout = Number(o.timeout);
      const jobs = Number(o.jobs);
      if (!(timeout > 0) || !Number.isInteger(jobs) || jobs < 1) throw new BosoreportError(t(lang, 'usage/bad-number'), EXIT_USAGE);
      exitCode = await (await import('./render.js')).runRender(
        paths,
        { outDir: o.outDir, ...(o.output ? { output: o.output } : {}), pdf: o.pdf === true, html: o.html, ...(o.templateDir ? { templateDir: o.templateDir } : {}), ...(o.browser ? { browser: o.browser } : {}), timeoutMs: timeout * 1000, jobs, rules, notes: o.notes, quiet: o.quiet === true },
        { io, lang },
      );
    });

  program
    .command('preview')
    .description(h.preview.description)
    .argument('<file>', h.file)
    .option('--port <n>', h.preview.port)
    .option('--template-dir <dir>', h.render.templateDir)
    .addOption(langOption())
    .addOption(ruleOption())
    .addHelpText('after', h.preview.examples)
    .action(async (file: string, o: { port?: string; templateDir?: string; lang?: string; rule?: string[] }) => {
      const rules = await levels(o);
      const port = o.port === undefined ? 0 : Number(o.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new BosoreportError(t(lang, 'usage/bad-number'), EXIT_USAGE);
      exitCode = await (await import('./preview.js')).runPreview(file, { io, lang }, { port, rules, ...(o.templateDir ? { templateDir: o.templateDir } : {}) });
    });

  program
    .command('summary')
    .description(h.summary.description)
    .argument('<paths...>', h.paths)
    .option('-f, --format <name>', h.summary.format)
    .option('-o, --output <file>', h.summary.output)
    .option('--pdf', h.summary.pdf)
    .option('--kommune <navn>', h.summary.kommune, commaList)
    .option('--aar <år>', h.summary.aar)
    .option('--fra <år>', h.summary.fra)
    .option('--til <år>', h.summary.til)
    .option('--skjema <id>', h.summary.skjema, commaList)
    .option('--browser <path>', h.render.browser)
    .option('--timeout <seconds>', h.render.timeout, '60')
    .addOption(langOption())
    .addOption(ruleOption())
    .addHelpText('after', h.summary.examples)
    .action(async (paths: string[], o: { format?: string; output?: string; pdf?: boolean; kommune?: string[]; aar?: string; fra?: string; til?: string; skjema?: string[]; browser?: string; timeout: string; lang?: string; rule?: string[] }) => {
      const rules = await levels(o);
      const year = (v: string | undefined) => {
        if (v === undefined) return undefined;
        const n = Number(v);
        if (!Number.isInteger(n) || n < 2000 || n > 2100) throw new BosoreportError(t(lang, 'init/bad-year', { value: v }), EXIT_USAGE);
        return n;
      };
      const timeout = Number(o.timeout);
      if (!(timeout > 0)) throw new BosoreportError(t(lang, 'usage/bad-number'), EXIT_USAGE);
      const filter = {
        ...(o.kommune ? { kommuner: o.kommune } : {}),
        ...(o.skjema ? { skjema: o.skjema } : {}),
        ...(o.aar !== undefined ? { fra: year(o.aar), til: year(o.aar) } : {}),
        ...(o.fra !== undefined ? { fra: year(o.fra) } : {}),
        ...(o.til !== undefined ? { til: year(o.til) } : {}),
      };
      exitCode = await (await import('./summary.js')).runSummary(paths, { io, lang }, {
        ...(o.format ? { format: o.format } : {}),
        ...(o.output ? { output: o.output } : {}),
        pdf: o.pdf === true,
        filter,
        rules,
        ...(o.browser ? { browser: o.browser } : {}),
        timeoutMs: timeout * 1000,
        ...(io.env.BOSOREPORT_TODAY ? { today: io.env.BOSOREPORT_TODAY } : {}),
      });
    });

  program
    .command('doctor')
    .description(h.doctor.description)
    .option('--browser <path>', h.doctor.browser)
    .addOption(langOption())
    .action(async (o: { browser?: string; lang?: string }) => {
      setLang(o.lang);
      exitCode = await (await import('./doctor.js')).runDoctor(o.browser ? { browser: o.browser } : {}, { io, lang });
    });

  program
    .command('init')
    .description(h.init.description)
    .argument('<form>', h.form)
    .requiredOption('--kommune <navn>', h.init.kommune)
    .requiredOption('--aar <år>', h.init.aar)
    .option('--from <file>', h.init.from)
    .option('--periode <verdi>', h.init.periode)
    .option('-o, --output <file>', h.init.output)
    .addOption(langOption())
    .addHelpText('after', h.init.examples)
    .action(async (formId: string, o: { kommune: string; aar: string; from?: string; output?: string; periode?: string; lang?: string }) => {
      setLang(o.lang);
      exitCode = await (await import('./init.js')).runInit(formId, { kommune: o.kommune, aar: o.aar, ...(o.from ? { from: o.from } : {}), ...(o.output ? { output: o.output } : {}), ...(o.periode ? { periode: o.periode } : {}) }, { io, lang });
    });

  program
    .command('schema')
    .description(h.schema.description)
    .argument('<form>', h.form)
    .option('--editor', h.schema.editor)
    .addOption(langOption())
    .addHelpText('after', h.schema.examples)
    .action(async (formId: string, o: { lang?: string; editor?: boolean }) => {
      setLang(o.lang);
      exitCode = await (await import('./schema.js')).runSchema(formId, { io, lang }, { editor: o.editor === true });
    });

  program
    .command('forms')
    .description(h.forms)
    .addOption(langOption())
    .action(async (o: { lang?: string }) => {
      setLang(o.lang);
      exitCode = await (await import('./schema.js')).runForms({ io, lang });
    });

  program
    .command('rules')
    .description(h.rules)
    .addOption(langOption())
    .action(async (options: { lang?: string }) => {
      setLang(options.lang);
      exitCode = await (await import('./rules.js')).runRules({ io, lang });
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
      const why = ['ENOSPC', 'EACCES', 'EPERM', 'EROFS'].includes(error.code)
        ? t(lang, `io/why-${error.code === 'ENOSPC' ? 'full' : 'denied'}`)
        : ['EEXIST', 'ENOTDIR'].includes(error.code)
          ? t(lang, 'io/why-file-in-the-way')
          : error.code;
      io.stderr.write(`bosoreport: ${t(lang, 'io/unwritable', { path: visible(error.file), reason: why })} ${t(lang, 'io/nothing-replaced')}\n`);
      return error.exitCode;
    }
    if (error instanceof BosoreportError) {
      io.stderr.write(`bosoreport: ${visible(error.message)}\n`);
      return error.exitCode;
    }
    io.stderr.write(`${t(lang, 'internal', { detail: (error as Error)?.message ?? String(error) })}\n${t(lang, 'internal.hint')}\n`);
    if (io.env.BOSOREPORT_DEBUG) io.stderr.write(`${(error as Error)?.stack ?? ''}\n`);
    return EXIT_USAGE;
  }
}
