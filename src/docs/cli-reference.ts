import { COMMANDS } from '../cli/commands/index.js';
import { main } from '../cli/main.js';

/** The commands docs/cli.md shows the help of: every command of the registry, in its order. */
export const HELP_COMMANDS: readonly string[] = COMMANDS.map((c) => c.name);

/** One command's English `--help`, as the program prints it (80 columns, not a terminal). */
async function helpOf(command: string): Promise<string> {
  const out: string[] = [];
  const sink = { write: (s: string) => (out.push(s), true), isTTY: false } as unknown as NodeJS.WritableStream;
  await main([command, '--help', '--lang', 'en'], { stdout: sink, stderr: sink, env: { LANG: 'C' }, cwd: process.cwd() });
  return `\`\`\`\n${out.join('').trimEnd()}\n\`\`\`\n`;
}

/**
 * The generated sections of docs/cli.md: each command's `--help` in its own section (`help-<command>`)
 * where the document has written about it, and every other command of the registry, with its help,
 * in `more-commands`, so a new command is in the reference before anyone writes its prose.
 */
export async function cliHelpSections(doc: string): Promise<Record<string, string>> {
  const sections: Record<string, string> = {};
  const more: string[] = [];
  for (const command of COMMANDS) {
    const help = await helpOf(command.name);
    if (doc.includes(`<!-- help-${command.name}:start`)) sections[`help-${command.name}`] = help;
    else more.push(`### bosoreport ${command.name}\n\n${command.help.en.description[0]!.toUpperCase()}${command.help.en.description.slice(1)}.\n\n${help}`);
  }
  sections['more-commands'] = more.length ? more.join('\n') : 'Every command has its section above.\n';
  return sections;
}
