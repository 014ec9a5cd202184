import { describe, expect, it } from 'vitest';
import { extractCommands, notRunReason, parseLine, splitComment } from './commands.js';
import { DOC_COMMANDS, docsCommands } from './suite.js';

describe('finding the commands in the docs', () => {
  it('takes every line of a sh block and the bosoreport lines of other blocks, with a documented exit code', () => {
    const doc = [
      '```sh',
      'npx bosoreport validate rapporter/   # exit 1: it has an error',
      '# wrote rapporter/x.yaml',
      'npx bosoreport render a.yaml \\',
      '  -o a.pdf',
      '```',
      '```',
      'Examples:',
      '  $ bosoreport compute FILE --json      report + figures as JSON',
      'rapporter/x.yaml:1:1  error  …',
      '```',
      '```yaml',
      'bosoreport: not a command',
      '```',
    ].join('\n');
    expect(extractCommands('d.md', doc)).toEqual([
      { doc: 'd.md', line: 2, text: 'npx bosoreport validate rapporter/', kind: 'walk', block: 0, exit: 1 },
      { doc: 'd.md', line: 4, text: 'npx bosoreport render a.yaml  -o a.pdf', kind: 'walk', block: 0, exit: 0 },
      { doc: 'd.md', line: 9, text: 'bosoreport compute FILE --json', kind: 'example', block: 1, exit: 0 },
    ]);
  });

  it('reads quotes, variables, && and redirections the way sh does', () => {
    expect(splitComment(`validate 'a #b' # c`)).toEqual({ code: `validate 'a #b'`, comment: 'c' });
    expect(parseLine(`npx bosoreport summary 'rapporter/**/*.yaml' -f markdown >> "$OUT" && cd x`, { OUT: '/tmp/o.md' })).toEqual([
      { argv: ['npx', 'bosoreport', 'summary', 'rapporter/**/*.yaml', '-f', 'markdown'], redirect: { file: '/tmp/o.md', append: true } },
      { argv: ['cd', 'x'] },
    ]);
  });

  it('finds the walk of the README and every example of the help, and knows why it leaves the rest alone', () => {
    const readme = DOC_COMMANDS.filter((c) => c.doc === 'README.md' && /bosoreport/.test(c.text));
    for (const command of ['init', 'preview', 'fix', 'validate', 'render', 'summary']) expect(readme.map((c) => c.text.split(' ')[2])).toContain(command);
    expect(DOC_COMMANDS.filter((c) => c.doc === 'docs/cli.md').length).toBeGreaterThan(20);
    for (const c of DOC_COMMANDS.filter((x) => !/^(npx )?bosoreport\b|^cd |^git (add|commit)\b/.test(x.text)))
      expect(notRunReason(c.text), `${c.doc}:${c.line}: ${c.text}`).toBeDefined();
  });

  it('shows bosoreport run through npx in copyable blocks: in a reports repository it is not on the PATH', () => {
    for (const c of DOC_COMMANDS.filter((x) => x.kind === 'walk' && /\bbosoreport /.test(x.text))) expect(c.text, `${c.doc}:${c.line}`).toMatch(/(^|&& )npx bosoreport /);
  });
});

docsCommands('fast');
