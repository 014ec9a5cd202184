import type { Command } from 'commander';
import type { Lang } from '../../messages/index.js';
import type { SeveritySetting } from '../../rules/types.js';
import type { CommandContext } from '../context.js';
import type { CommonHelp } from '../help.js';

/** What `--help` says of one command, in one language. */
export interface CommandHelp<O extends string = string> {
  description: string;
  /** Each option's text, by the option's name: a text missing in one language does not compile. */
  options: Record<O, string>;
  /** The command's lines in the main help's examples, without the «$ ». */
  overview: string[];
  /** Shown after the options: examples, then exit codes. */
  examples?: string;
}

/** What a command's implementation gets: the streams, the language, and the `--rule` levels. */
export interface RunContext extends CommandContext {
  rules: Record<string, SeveritySetting>;
}

/**
 * One command: its name, help in bokmål, nynorsk and English, options and the call to its implementation.
 * A new command is a folder with a command.ts exporting one of these, plus its line in list.ts;
 * main(), the help, docs/cli.md and the help tests follow from that list.
 */
export interface CommandModule<O extends string = string> {
  name: string;
  /** Its place in help and docs/cli.md: the commands a user needs first come first. */
  rank: number;
  /** Checks reports, so takes `--rule id=level` (as well as `--lang`, which every command takes). */
  checksReports?: boolean;
  help: Record<Lang, CommandHelp<O>>;
  /** Adds the arguments and the options, with the help texts of the language in use. */
  define(command: Command, help: CommandHelp<O>, common: CommonHelp): Command;
  /** Runs with commander's arguments and options; returns the exit code. */
  run(args: unknown[], options: any, ctx: RunContext): Promise<number>;
}
