import { Command, CommanderError, Option } from 'commander';
import { BosoreportError, EXIT_USAGE, OutputError } from '../errors.js';
import { langFromEnv, parseLang, t, type Lang } from '../messages/index.js';
import type { Io } from './context.js';
import { COMMANDS } from './commands/index.js';
import { HELP, helpStyle, langFromArgv, mainExamples, usageError } from './help.js';
import { VERSION } from '../util/version.js';
import { visible } from '../util/visible.js';

/** Runs the CLI and returns its exit code; only bin/ turns that into the process's exit. */
export async function main(argv: readonly string[], io: Io): Promise<number> {
  let lang: Lang = parseLang(langFromArgv(argv) ?? '') ?? langFromEnv(io.env);
  let exitCode = 0;
  const h = HELP[lang];
  const program = new Command()
    .name('bosoreport')
    .description(h.program)
    .version(VERSION, '-v, --version', h.version)
    .helpOption('-h, --help', h.help)
    .helpCommand('help [command]', h.helpCommand)
    .configureHelp({ styleTitle: (title: string) => h.titles[title] ?? title, ...helpStyle(lang) })
    .addHelpText(
      'after',
      mainExamples(
        h,
        COMMANDS.flatMap((c) => c.help[lang].overview),
      ),
    )
    .showHelpAfterError()
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
      outputError: (s, write) => write(usageError(lang, s)),
      // The width of the streams given, not of the process's: tests and the docs get 80 columns.
      getOutHelpWidth: () => (io.stdout.isTTY ? ((io.stdout as { columns?: number }).columns ?? 80) : 80),
      getErrHelpWidth: () => (io.stderr.isTTY ? ((io.stderr as { columns?: number }).columns ?? 80) : 80),
    });

  for (const module of COMMANDS) {
    const help = module.help[lang];
    const command = module.define(program.command(module.name).description(help.description), help, h).addOption(new Option('--lang <lang>', h.lang));
    if (module.checksReports) command.addOption(new Option('--rule <id=level>', h.rule).argParser((value: string, previous: string[] = []) => [...previous, value]));
    if (help.examples) command.addHelpText('after', help.examples);
    command.action(async (...given: unknown[]) => {
      // commander passes the arguments, then the options, then the command.
      const options = given[given.length - 2] as { lang?: string; rule?: string[] };
      if (options.lang !== undefined) {
        const chosen = parseLang(options.lang);
        if (!chosen) throw new BosoreportError(t(lang, 'usage/bad-lang', { value: options.lang }), EXIT_USAGE);
        lang = chosen;
      }
      // --rule typos are usage errors; the ids are checked once the reports' forms are known.
      const rules = module.checksReports ? (await import('./rule-option.js')).parseRuleOptions(options.rule ?? [], lang) : {};
      exitCode = await module.run(given.slice(0, -2), options, { io, lang, rules });
    });
  }

  try {
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (error) {
    return failed(error, lang, io);
  }
}

/** The line that says standard output failed, in the user's language (the launcher asks too: a stream error comes after main). */
export function stdoutFailed(langOrArgv: Lang | { argv: readonly string[]; env: Record<string, string | undefined> }, code: string): string {
  const lang = typeof langOrArgv === 'string' ? langOrArgv : (parseLang(langFromArgv(langOrArgv.argv) ?? '') ?? langFromEnv(langOrArgv.env));
  return `bosoreport: ${t(lang, 'io/stdout-failed', { reason: code === 'ENOSPC' ? t(lang, 'io/why-full') : code })}\n`;
}

/** What ended a command early, said once on stderr, and its exit code: never a stack trace unless asked for. */
function failed(error: unknown, lang: Lang, io: Io): number {
  // --help and --version end here too, with code 0.
  if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : EXIT_USAGE;
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
  // Standard output that cannot take the results (a full disk, a closed descriptor): an I/O error, said so.
  const code = (error as NodeJS.ErrnoException)?.code;
  if ((error as NodeJS.ErrnoException)?.syscall === 'write' && code) {
    io.stderr.write(stdoutFailed(lang, code));
    return EXIT_USAGE;
  }
  io.stderr.write(`${t(lang, 'internal', { detail: (error as Error)?.message ?? String(error) })}\n${t(lang, 'internal.hint')}\n`);
  if (io.env.BOSOREPORT_DEBUG) io.stderr.write(`${(error as Error)?.stack ?? ''}\n`);
  return EXIT_USAGE;
}
