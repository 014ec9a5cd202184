import { main } from '../cli/main.js';

/** The commands docs/cli.md shows the help of, in the order it describes them. */
export const HELP_COMMANDS = ['validate', 'fix', 'compute', 'render', 'preview', 'summary', 'init', 'schema', 'forms', 'rules', 'doctor'] as const;

/**
 * Each command's English `--help`, as generated sections of docs/cli.md (`help-<command>`), so the
 * reference shows exactly the options the program takes.
 */
export async function cliHelpSections(): Promise<Record<string, string>> {
  const sections: Record<string, string> = {};
  for (const command of HELP_COMMANDS) {
    const out: string[] = [];
    const sink = { write: (s: string) => (out.push(s), true), isTTY: false } as unknown as NodeJS.WritableStream;
    // Not a terminal, so 80 columns whatever terminal runs `npm run docs`.
    await main([command, '--help', '--lang', 'en'], { stdout: sink, stderr: sink, env: { LANG: 'C' }, cwd: process.cwd() });
    sections[`help-${command}`] = `\`\`\`\n${out.join('').trimEnd()}\n\`\`\`\n`;
  }
  return sections;
}
