import { describe, expect, it } from 'vitest';
import { docFiles, extractCommands, needsBrowser, notRunReason, parseLine, readDoc, withPlaceholders, type DocCommand } from './commands.js';
import { runDocumented, sandbox } from './sandbox.js';

const ALL = docFiles().flatMap((doc) => extractCommands(doc, readDoc(doc)));
const where = (c: DocCommand) => `${c.doc}:${c.line}: ${c.text}`;
const browserCommand = (c: DocCommand) => parseLine(c.text, {}).some((s) => needsBrowser(withPlaceholders(s.argv.filter((a) => a !== 'npx' && a !== 'bosoreport'))));

/** What each mode runs: the fast suite everything but PDFs and doctor, the e2e suite those (their walks in full, since a step depends on the ones before). */
export function docsCommands(mode: 'fast' | 'browser'): void {
  describe(`the commands in README.md and docs/ (${mode === 'fast' ? 'without a browser' : 'those that need a browser'})`, () => {
    const walks = [...new Set(ALL.filter((c) => c.kind === 'walk').map((c) => c.doc))].filter(
      (doc) => mode === 'fast' || ALL.some((c) => c.doc === doc && c.kind === 'walk' && browserCommand(c)),
    );
    it.each(walks)(
      '%s: every ```sh line, in order, as a reader follows it',
      async (doc) => {
        const box = sandbox();
        try {
          let cwd = box.dir;
          let block = -1;
          for (const command of ALL.filter((c) => c.doc === doc && c.kind === 'walk')) {
            if (command.block !== block) [cwd, block] = [box.dir, command.block];
            if (notRunReason(command.text)) continue;
            const { outcome, cwd: next } = await runDocumented(command, box, cwd, { browser: mode === 'browser' });
            cwd = next;
            if (!outcome.skipped) expect.soft(outcome.status, `${where(command)}\n${outcome.output}`).toBe(command.exit);
          }
        } finally {
          box.cleanup();
        }
      },
      180_000,
    );

    const examples = ALL.filter((c) => c.kind === 'example' && (mode === 'fast') !== browserCommand(c));
    it.each(examples.map((c) => [where(c), c] as const))(
      '%s',
      async (_name, command) => {
        const box = sandbox();
        try {
          const { outcome } = await runDocumented(command, box, box.dir, { browser: mode === 'browser' });
          expect(outcome.status, outcome.output).toBe(command.exit);
        } finally {
          box.cleanup();
        }
      },
      60_000,
    );
  });
}

export { ALL as DOC_COMMANDS };
