import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli, tempTree } from '../helpers.js';

/**
 * A reports repository with bosoreport installed as npm leaves a devDependency: the package under
 * node_modules/ and its command in node_modules/.bin/, not on the PATH.
 */
function repositoryInstall() {
  const t = tempTree({ 'package.json': '{"devDependencies":{"bosoreport":"*"}}', 'rapporter/gjovik/.keep': '' });
  mkdirSync(path.join(t.dir, 'node_modules/.bin'), { recursive: true });
  symlinkSync(ROOT, path.join(t.dir, 'node_modules/bosoreport'), 'dir');
  symlinkSync('../bosoreport/bin/bosoreport.cjs', path.join(t.dir, 'node_modules/.bin/bosoreport'));
  return t;
}

/** A command line as a user pastes it into a shell, with npm working offline (the package is local). */
function shell(command: string, cwd: string) {
  const env = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', LANG: 'C', npm_config_offline: 'true', npm_config_update_notifier: 'false' };
  return spawnSync('sh', ['-c', command], { cwd, env, encoding: 'utf8' });
}

describe("init's next steps in a repository install", () => {
  it('the command init prints, and the one in the new file, run as shown and check the new report', () => {
    const t = repositoryInstall();
    try {
      // From a municipality's folder, with a file name a shell would split.
      const cwd = path.join(t.dir, 'rapporter/gjovik');
      const init = runCli(['init', 'aarsrapport-2012', '--kommune', 'Gjøvik', '--aar', '2013', '-o', 'utkast 2013-aarsrapport.yaml', '--lang', 'nb'], { cwd });
      expect(init.status, init.stderr).toBe(0);
      const printed = /«(npx bosoreport [^»]+)»/.exec(init.stdout)?.[1];
      expect(printed, init.stdout).toBeDefined();
      const fromPrinted = shell(printed!, cwd);
      // Exit 1: the report's fields are still to fill in, which is what validate says.
      expect(fromPrinted.status, fromPrinted.stderr).toBe(1);
      expect(fromPrinted.stdout).toContain('(ikke-utfylt)');
      expect(fromPrinted.stdout).toContain('utkast 2013-aarsrapport.yaml');

      const noted = /^# Sjekk rapporten med: (npx bosoreport .+)$/m.exec(readFileSync(path.join(cwd, 'utkast 2013-aarsrapport.yaml'), 'utf8'))?.[1];
      expect(noted).toBeDefined();
      // The note is written for the repository's root, where a colleague opens a terminal.
      const fromNote = shell(noted!, t.dir);
      expect(fromNote.status, fromNote.stderr).toBe(1);
      expect(fromNote.stdout).toContain('(ikke-utfylt)');
    } finally {
      t.cleanup();
    }
  });
});
