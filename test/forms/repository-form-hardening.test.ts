import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, exampleForm, runMain, tempTree, type CliRun } from '../helpers.js';

// Issue 26, item 4: nothing a reports repository can hold in its form folders may hang the run, eat
// memory, pass silently or end in «Internal error»; each is a config problem (exit 2) naming its file.

const REPORT = readFileSync(new URL('../../examples/forms/eksempelvik-2013-statusnotat.yaml', import.meta.url), 'utf8');
const FORM = 'skjemaer/notat';

function repository(change: (form: Record<string, string>) => void = () => undefined, config = `skjemaer:\n  - ${FORM}\n`) {
  const form = exampleForm();
  change(form);
  const files: Record<string, string> = { '.bosoreport.yaml': config, 'eksempelvik/2013-statusnotat.yaml': REPORT };
  for (const [name, text] of Object.entries(form)) files[`${FORM}/${name}`] = text;
  return tempTree(files);
}

/** The 1-based line of the first line of a form file that holds `needle`. */
function lineIn(dir: string, file: string, needle: string): number {
  const line =
    readFileSync(path.join(dir, FORM, file), 'utf8')
      .split('\n')
      .findIndex((l) => l.includes(needle)) + 1;
  expect(line, `${needle} in ${file}`).toBeGreaterThan(0);
  return line;
}

/** Exit 2 with the problem at its file (and line), no «Internal error», no stack trace. */
function expectConfigError(r: CliRun, where: RegExp, words?: RegExp) {
  const out = r.stdout + r.stderr;
  expect(r.status, out).toBe(2);
  expect(out).toMatch(where);
  if (words) expect(out).toMatch(words);
  expect(out).not.toMatch(/Internal error|This is a bug/);
  expect(out).not.toMatch(/\n\s+at .*\(/);
}

/**
 * The real binary with a bound, for files that would block the process (a FIFO) or fill its memory
 * (/dev/zero): in-process, a blocking read could not be interrupted. Only that it returns is asserted.
 */
function runBounded(args: string[], cwd: string): CliRun {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', timeout: 20_000, killSignal: 'SIGKILL', env: { PATH: process.env.PATH ?? '', LANG: 'C' } });
  return { status: r.status, stdout: r.stdout ?? '', stderr: r.stderr ?? '' };
}

async function inRepository(t: ReturnType<typeof tempTree>, body: (dir: string) => Promise<void> | void) {
  try {
    await body(t.dir);
  } finally {
    t.cleanup();
  }
}

describe('a form folder listed twice in skjemaer:', () => {
  it('is a config error at the second line, naming the first', async () => {
    await inRepository(repository(undefined, `skjemaer:\n  - ${FORM}\n  - ./${FORM}/\n`), async (dir) => {
      expectConfigError(
        await runMain(['validate', '.'], { cwd: dir }),
        /\.bosoreport\.yaml:3:5 +error +The form folder "[^"]*notat\/?" is listed twice \(first on line 2\)\./,
        /once/,
      );
    });
  });

  it('also when skjemaer: and forms: name the same folder', async () => {
    await inRepository(repository(undefined, `skjemaer:\n  - ${FORM}\nforms:\n  - ${FORM}\n`), async (dir) => {
      expectConfigError(await runMain(['validate', '.'], { cwd: dir }), /\.bosoreport\.yaml:4:5 +error +The form folder "[^"]*notat" is listed twice \(first on line 2\)\./);
    });
  });
});

describe('paths in form.yaml', () => {
  for (const bad of ['__proto__.kommune', 'constructor.name', 'formalia.prototype']) {
    it(`felter with "${bad}" is refused at its line and column, in validate and summary`, async () => {
      await inRepository(
        repository((f) => (f['form.yaml'] = f['form.yaml']!.replace('  kommune: formalia.kommune', `  kommune: ${bad}`))),
        async (dir) => {
          const line = lineIn(dir, 'form.yaml', `kommune: ${bad}`);
          const where = new RegExp(
            `skjemaer/notat/form\\.yaml:${line}:12 +error +"${bad.replace(/\./g, '\\.')}" cannot be used: "(__proto__|constructor|prototype)" is a reserved name`,
          );
          expectConfigError(await runMain(['validate', '.'], { cwd: dir }), where, /formalia\.kommune/);
          // summary no longer drops the report silently: it stops, as for any broken config.
          const summary = await runMain(['summary', '.', '-f', 'csv'], { cwd: dir });
          expect(summary.status, summary.stdout + summary.stderr).toBe(2);
        },
      );
    });
  }

  it('a typo (a path schema.json does not have) is refused with a suggestion', async () => {
    await inRepository(
      repository((f) => (f['form.yaml'] = f['form.yaml']!.replace('  kommune: formalia.kommune', '  kommune: formalia.kommne'))),
      async (dir) => {
        const line = lineIn(dir, 'form.yaml', 'kommune: formalia.kommne');
        expectConfigError(
          await runMain(['validate', '.'], { cwd: dir }),
          new RegExp(`skjemaer/notat/form\\.yaml:${line}:12 +error +"formalia\\.kommne" is not a field in schema\\.json\\.`),
          /Did you mean "formalia\.kommune"\?/,
        );
      },
    );
  });

  it('varianter with felt "__proto__.x" is refused at its line', async () => {
    await inRepository(
      repository((f) => (f['form.yaml'] += 'varianter:\n  felt: __proto__.x\n  verdier:\n    a: {type: notat}\n')),
      async (dir) => {
        const line = lineIn(dir, 'form.yaml', 'felt: __proto__.x');
        expectConfigError(await runMain(['validate', '.'], { cwd: dir }), new RegExp(`form\\.yaml:${line}:9 +error +"__proto__\\.x" cannot be used`));
      },
    );
  });

  it('varianter with values "__proto__" and "constructor" is refused at each key', async () => {
    await inRepository(
      repository((f) => (f['form.yaml'] += 'varianter:\n  felt: formalia.kommune\n  verdier:\n    __proto__: {type: x}\n    constructor: {type: y}\n')),
      async (dir) => {
        const r = await runMain(['validate', '.'], { cwd: dir });
        expectConfigError(r, new RegExp(`form\\.yaml:${lineIn(dir, 'form.yaml', '__proto__: {')}:5 +error +"__proto__" cannot be a value here`));
        expect(r.stdout + r.stderr).toMatch(new RegExp(`form\\.yaml:${lineIn(dir, 'form.yaml', 'constructor: {')}:5 +error +"constructor" cannot be a value here`));
      },
    );
  });
});

describe('form files that are not ordinary files', () => {
  const fifo = (file: string) => {
    rmSync(file, { force: true });
    const made = spawnSync('mkfifo', [file]);
    expect(made.status, String(made.stderr)).toBe(0);
  };

  for (const name of ['form.yaml', 'schema.json']) {
    it(`a FIFO as ${name} is refused, not waited on`, () => {
      const t = repository();
      try {
        fifo(path.join(t.dir, FORM, name));
        expectConfigError(
          runBounded(['validate', '.'], t.dir),
          new RegExp(`skjemaer/notat/${name.replace('.', '\\.')} +error +"${name.replace('.', '\\.')}" in the form folder cannot be read: it is not an ordinary file`),
        );
      } finally {
        t.cleanup();
      }
    });

    it(`a symlink to /dev/zero as ${name} is refused, not read`, () => {
      const t = repository();
      try {
        const file = path.join(t.dir, FORM, name);
        rmSync(file);
        symlinkSync('/dev/zero', file);
        expectConfigError(runBounded(['validate', '.'], t.dir), new RegExp(`skjemaer/notat/${name.replace('.', '\\.')} +error +.*cannot be read: it is not an ordinary file`));
      } finally {
        t.cleanup();
      }
    });

    it(`a folder as ${name} is refused with its name`, async () => {
      await inRepository(repository(), async (dir) => {
        const file = path.join(dir, FORM, name);
        rmSync(file);
        mkdirSync(file);
        expectConfigError(
          await runMain(['validate', '.'], { cwd: dir }),
          new RegExp(`skjemaer/notat/${name.replace('.', '\\.')} +error +"${name.replace('.', '\\.')}" in the form folder cannot be read: it is a folder, not a file\\.`),
        );
      });
    });
  }

  it('a FIFO as template.hbs, form.mjs or a partial is refused too', () => {
    for (const name of ['template.hbs', 'form.mjs', 'partials/kort.hbs']) {
      const t = repository();
      try {
        mkdirSync(path.join(t.dir, FORM, 'partials'), { recursive: true });
        fifo(path.join(t.dir, FORM, name));
        expectConfigError(
          runBounded(['validate', '.'], t.dir),
          new RegExp(`skjemaer/notat/${name.replace(/\./g, '\\.')} +error +"${name.replace(/\./g, '\\.')}" in the form folder cannot be read`),
        );
      } finally {
        t.cleanup();
      }
    }
  });

  it('a form file over the size limit is refused with its size', async () => {
    await inRepository(repository(), async (dir) => {
      writeFileSync(path.join(dir, FORM, 'template.hbs'), 'x'.repeat(3 * 1024 * 1024));
      expectConfigError(
        await runMain(['validate', '.'], { cwd: dir }),
        /skjemaer\/notat\/template\.hbs +error +"template\.hbs" is \d+ bytes; a file in a form folder may be at most \d+ bytes\./,
      );
    });
  });
});

describe('a schema of another draft', () => {
  for (const draft of ['http://example.com/schema', 'http://json-schema.org/draft-07/schema#', 'https://json-schema.org/draft/2019-09/schema']) {
    it(`"$schema": "${draft}" is refused at its line`, async () => {
      await inRepository(
        repository((f) => (f['schema.json'] = f['schema.json']!.replace('"https://json-schema.org/draft/2020-12/schema"', JSON.stringify(draft)))),
        async (dir) => {
          const line = lineIn(dir, 'schema.json', '"$schema"');
          expectConfigError(
            await runMain(['validate', '.'], { cwd: dir }),
            new RegExp(
              `skjemaer/notat/schema\\.json:${line}:\\d+ +error +The schema's "\\$schema" is "${draft.replace(/[.#/]/g, '\\$&')}"; bosoreport reads JSON Schema draft 2020-12 only\\.`,
            ),
            /https:\/\/json-schema\.org\/draft\/2020-12\/schema/,
          );
        },
      );
    });
  }

  it('draft 2020-12, or no $schema, still loads', async () => {
    await inRepository(
      repository((f) => (f['schema.json'] = f['schema.json']!.replace('"$schema": "https://json-schema.org/draft/2020-12/schema",', ''))),
      async (dir) => {
        const r = await runMain(['validate', '.'], { cwd: dir });
        expect(r.status, r.stdout + r.stderr).toBe(0);
      },
    );
  });
});
