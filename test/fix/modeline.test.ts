import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { exampleText, GJOVIK, runMain, tempTree } from '../helpers.js';

const RULE = 'modeline-finner-ikke-skjema';
const INIT_LINE = '# yaml-language-server: $schema=../../node_modules/bosoreport/schemas/aarsrapport-2012.schema.json';

/** A reports repository with bosoreport's schemas installed and the Gjøvik report where init would put it. */
function repository(firstLine = INIT_LINE, installed = true) {
  const t = tempTree({
    'package.json': '{}',
    ...(installed ? { 'node_modules/bosoreport/schemas/aarsrapport-2012.schema.json': '{}' } : {}),
    'rapporter/gjovik/2012-aarsrapport.yaml': exampleText(GJOVIK).replace(/^# yaml-language-server: .*$/m, firstLine),
  });
  const move = (to: string) => {
    mkdirSync(path.dirname(path.join(t.dir, to)), { recursive: true });
    renameSync(path.join(t.dir, 'rapporter/gjovik/2012-aarsrapport.yaml'), path.join(t.dir, to));
  };
  return { ...t, move };
}

async function modelineFindings(cwd: string, file: string, args: string[] = []) {
  const r = await runMain(['validate', file, '-f', 'json', ...args], { cwd });
  return { status: r.status, found: JSON.parse(r.stdout).filer[0].diagnostikk.filter((d: { ruleId: string }) => d.ruleId === RULE) };
}

describe('a report whose modeline no longer finds its schema', () => {
  it('is a warning at the path in the modeline, naming the fix command; where init put it, there is none', async () => {
    const t = repository();
    try {
      expect((await modelineFindings(t.dir, 'rapporter/gjovik/2012-aarsrapport.yaml')).found).toEqual([]);
      t.move('rapporter/gjovik/2012/utkast/2012-aarsrapport.yaml');
      const { status, found } = await modelineFindings(t.dir, 'rapporter/gjovik/2012/utkast/2012-aarsrapport.yaml');
      expect(status).toBe(0);
      expect(found).toEqual([
        expect.objectContaining({
          severity: 'warning',
          line: 1,
          col: 33,
          endCol: 33 + '../../node_modules/bosoreport/schemas/aarsrapport-2012.schema.json'.length,
          hint: '"npx bosoreport fix rapporter/gjovik/2012/utkast/2012-aarsrapport.yaml" sets the line to ../../../../node_modules/bosoreport/schemas/aarsrapport-2012.schema.json.',
        }),
      ]);
      expect((await modelineFindings(t.dir, 'rapporter/gjovik/2012/utkast/2012-aarsrapport.yaml', ['--rule', `${RULE}=off`])).found).toEqual([]);
    } finally {
      t.cleanup();
    }
  });

  it('is mended by fix, which writes the path init would write there, and says so (--dry-run shows it as a diff)', async () => {
    const t = repository();
    try {
      t.move('rapporter/gjovik/gammelt/2012-aarsrapport.yaml');
      const file = 'rapporter/gjovik/gammelt/2012-aarsrapport.yaml';
      const dry = await runMain(['fix', file, '--dry-run'], { cwd: t.dir });
      expect(dry.stdout).toContain(`-${INIT_LINE}\n+# yaml-language-server: $schema=../../../node_modules/bosoreport/schemas/aarsrapport-2012.schema.json\n`);
      expect(dry.stdout).toContain('Would fix 1 modeline');
      const fixed = await runMain(['fix', file], { cwd: t.dir });
      expect(fixed.stdout).toContain(`fixed ${file}: 1 modeline (the editor's path to the schema)`);
      const text = readFileSync(path.join(t.dir, file), 'utf8');
      expect(text.split('\n')[0]).toBe('# yaml-language-server: $schema=../../../node_modules/bosoreport/schemas/aarsrapport-2012.schema.json');
      // Only the path changed.
      expect(text.split('\n').slice(1)).toEqual(exampleText(GJOVIK).split('\n').slice(1));
      expect((await modelineFindings(t.dir, file)).found).toEqual([]);
    } finally {
      t.cleanup();
    }
  });

  it('mends an absolute path that is gone to the relative one, and a modeline below other header comments', async () => {
    const t = repository('# Gjøvik 2012\n#\n# yaml-language-server: $schema=/gone/aarsrapport-2012.schema.json');
    try {
      const file = 'rapporter/gjovik/2012-aarsrapport.yaml';
      expect((await modelineFindings(t.dir, file)).found).toEqual([expect.objectContaining({ line: 3 })]);
      await runMain(['fix', file], { cwd: t.dir });
      expect(readFileSync(path.join(t.dir, file), 'utf8')).toMatch(/^# Gjøvik 2012\n#\n# yaml-language-server: \$schema=\.\.\/\.\.\/node_modules\//);
    } finally {
      t.cleanup();
    }
  });

  it('is no concern for a URL, for «none», for a modeline-like comment after the report has begun, or for a report read from standard input', async () => {
    for (const line of ['# yaml-language-server: $schema=https://example.org/aarsrapport.json', '# yaml-language-server: $schema=none', '# (none)']) {
      const t = repository(line);
      try {
        t.move('rapporter/gjovik/a/b/2012-aarsrapport.yaml');
        expect((await modelineFindings(t.dir, 'rapporter/gjovik/a/b/2012-aarsrapport.yaml')).found, line).toEqual([]);
      } finally {
        t.cleanup();
      }
    }
    const t = repository('# (none)');
    try {
      const file = path.join(t.dir, 'rapporter/gjovik/2012-aarsrapport.yaml');
      writeFileSync(file, `${readFileSync(file, 'utf8')}\n# yaml-language-server: $schema=../gone.json\n`);
      expect((await modelineFindings(t.dir, 'rapporter/gjovik/2012-aarsrapport.yaml')).found).toEqual([]);
      const stdin = await runMain(['validate', '-', '-f', 'json'], {
        cwd: t.dir,
        stdin: exampleText(GJOVIK).replace(/^# yaml-language-server: .*$/m, INIT_LINE.replace('../../', '../../../')),
      });
      expect(stdin.stdout).not.toContain(RULE);
    } finally {
      t.cleanup();
    }
  });

  it('is no concern when the modeline is already what init writes there and only `npm install` has not run', async () => {
    const t = repository(INIT_LINE, false);
    try {
      expect((await modelineFindings(t.dir, 'rapporter/gjovik/2012-aarsrapport.yaml')).found).toEqual([]);
      expect((await runMain(['fix', 'rapporter/gjovik/2012-aarsrapport.yaml'], { cwd: t.dir })).stdout).toContain('Nothing to fix automatically.');
    } finally {
      t.cleanup();
    }
  });
});
