import net from 'node:net';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatInteger } from '../../src/format/norwegian.js';
import { readBlockYaml } from '../../src/load/block-yaml.js';
import { visible } from '../../src/util/visible.js';
import { check, exampleDoc, exampleText, fuzzOptions, GJOVIK, runCli, runMain, tempTree } from '../helpers.js';

const noStack = (text: string) => expect(text).not.toMatch(/\n\s+at [^\n]*\(/);

describe('hostile text', () => {
  it('names a duplicate key of a million spaces at once, shortened (the key regex was quadratic)', () => {
    const key = `a${' '.repeat(1_000_000)}b`;
    const r = check(`skjema: aarsrapport-2012\n${key}: 1\n${key}: 2\n`);
    const [d] = r.diagnostics.filter((x) => x.ruleId === 'yaml/duplicate-key');
    expect(d?.message.length).toBeLessThan(200);
    expect(d?.line).toBe(3);
  });

  it('shows control and bidi characters as escapes in every human output, so no text forges a CI command', async () => {
    const hostile = 'Oslo\n::error file=x::forged\u001b[31m\u0007\u0000\u202e';
    const doc = exampleDoc(GJOVIK);
    doc.setIn(['generell_programinformasjon', 'programleder'], hostile);
    doc.setIn(['generell_programinformasjon', 'programnavn'], 'XXX');
    const t = tempTree({ 'r.yaml': doc.toString() });
    try {
      for (const args of [
        ['validate', 'r.yaml'],
        ['validate', 'r.yaml', '-f', 'github'],
        ['compute', 'r.yaml'],
      ]) {
        const r = await runMain(args, { cwd: t.dir });
        const out = r.stdout + r.stderr;
        expect(out).not.toMatch(/^::error file=x/m);
        expect(out).not.toMatch(/[\u0000\u0007\u001b\u202e]/);
      }
      const plain = visible(hostile);
      expect(plain).toBe('Oslo\\n::error file=x::forged\\x1b[31m\\x07\\x00\\u202e');
    } finally {
      t.cleanup();
    }
  });

  it('shows a file name with a line break as an escape', async () => {
    const t = tempTree({ 'a\nb.yaml': 'skjema: ukjent\n' });
    try {
      const r = await runMain(['validate', '.'], { cwd: t.dir });
      expect(r.stdout).toContain('a\\nb.yaml:1:9');
      expect(r.stdout).not.toMatch(/^b\.yaml/m);
    } finally {
      t.cleanup();
    }
  });

  it('property: control characters anywhere in a report never reach the terminal raw', async () => {
    const controls = fc.array(fc.constantFrom('\n', '\r', '\u001b', '\u0007', '\u0000', '\u009b', '\u202e', '\u2066', 'x', ':'), { maxLength: 12 }).map((a) => a.join(''));
    const fields = ['programleder', 'programnavn', 'utfylt_av', 'kommune'];
    // Awaited: an asynchronous property that is not awaited checks nothing.
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...fields), controls, async (field, text) => {
        const doc = exampleDoc(GJOVIK);
        doc.setIn(['generell_programinformasjon', field], text);
        const t = tempTree({ 'r.yaml': doc.toString() });
        try {
          const r = await runMain(['validate', 'r.yaml', '-f', 'github'], { cwd: t.dir });
          for (const line of r.stdout.split('\n').filter(Boolean)) expect(line).toMatch(/^::(error|warning) file=r\.yaml/);
          expect(r.stdout.replace(/\n/g, '')).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202e\u2066]/);
        } finally {
          t.cleanup();
        }
      }),
      fuzzOptions(30),
    );
  });
});

describe('numbers a report cannot mean', () => {
  const withCount = (v: string) => exampleText(GJOVIK).replace('nye_soknader: 302', `nye_soknader: ${v}`);
  it('refuses a count beyond 2^53 − 1 instead of changing it', () => {
    const [d] = check(withCount('9007199254740993')).diagnostics.filter((x) => x.ruleId === 'schema/type');
    expect(d?.hint).toBe(`The number is too large to count exactly (above ${formatInteger(Number.MAX_SAFE_INTEGER)}); check that it is written right.`);
  });
  it('reads −0 as 0', () => {
    const r = check(withCount('-0'));
    expect(Object.is((r.data as any).delmaal_c.c2_kommunalt_disponerte_boliger.nye_soknader, 0)).toBe(true);
  });
  it('asks for the plain number when a count is written in hex, octal or with an exponent', () => {
    for (const [written, plain] of [
      ['0x1F', '31'],
      ['0o17', '15'],
      ['1e3', '1000'],
    ]) {
      const [d] = check(withCount(written!)).diagnostics.filter((x) => x.ruleId === 'schema/type');
      expect(d?.hint, written).toBe(`Write it as a plain number: ${plain}.`);
    }
  });
});

describe('deep and long', () => {
  it('reports deep nesting with the depth limit, not a stack overflow', () => {
    for (const text of [
      `skjema: aarsrapport-2012\nx: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`,
      `skjema: aarsrapport-2012\n${Array.from({ length: 1900 }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n')} 1\n`,
    ]) {
      const ids = check(text).diagnostics.map((d) => d.ruleId);
      expect(ids).toContain('load/too-deep');
    }
  });
  it('leaves a key over 1 024 characters to yaml, which refuses it as YAML does', () => {
    const text = `skjema: aarsrapport-2012\n${'k'.repeat(1100)}: 1\n`;
    expect(readBlockYaml(text)).toBeUndefined();
    expect(check(text).diagnostics.map((d) => d.ruleId)).toContain('yaml/syntax');
  });
});

describe('files that are not files', () => {
  it('refuses a FIFO given as a report or as the config at once, exit 2', async () => {
    const t = tempTree({ 'ok.yaml': exampleText(GJOVIK) });
    try {
      execFileSync('mkfifo', [path.join(t.dir, 'pipe.yaml')]);
      const r = await runMain(['validate', 'pipe.yaml'], { cwd: t.dir });
      expect(r.status).toBe(2);
      expect(r.stdout).toContain('not a regular file');
      const i = await runMain(['init', 'aarsrapport-2012', '--kommune', 'Gjøvik', '--aar', '2013', '--from', 'pipe.yaml', '-o', 'ny.yaml'], { cwd: t.dir });
      expect(i.status).toBe(2);
      execFileSync('mkfifo', [path.join(t.dir, '.bosoreport.yaml')]);
      const c = await runMain(['validate', 'ok.yaml'], { cwd: t.dir });
      expect(c.status).toBe(2);
      expect(c.stdout).toContain('The config file cannot be read: not a regular file');
    } finally {
      t.cleanup();
    }
  });

  it('refuses a Unix socket given as a report as it refuses a pipe, exit 2', async () => {
    const t = tempTree({});
    const server = net.createServer();
    try {
      await new Promise<void>((resolve) => server.listen(path.join(t.dir, 'sock.yaml'), resolve));
      const r = await runMain(['validate', 'sock.yaml'], { cwd: t.dir });
      expect(r.status).toBe(2);
      expect(r.stdout).toContain('not a regular file');
    } finally {
      server.close();
      t.cleanup();
    }
  });

  it('refuses a folder, a symlink loop and a huge file where the config should be, with what is wrong', async () => {
    const cases: [string, (dir: string) => void, RegExp][] = [
      ['folder', (dir) => mkdirSync(path.join(dir, '.bosoreport.yaml')), /cannot be read: a folder, not a file/],
      [
        'loop',
        (dir) => {
          symlinkSync('.bosoreport.yaml', path.join(dir, '.bosoreport.yaml'));
        },
        /cannot be read: ELOOP/,
      ],
      [
        'huge',
        (dir) => {
          writeFileSync(path.join(dir, '.bosoreport.yaml'), '');
          truncateSync(path.join(dir, '.bosoreport.yaml'), 3 * 2 ** 30);
        },
        /the file is 3221225472 bytes/,
      ],
    ];
    for (const [name, make, says] of cases) {
      const t = tempTree({ 'ok.yaml': exampleText(GJOVIK) });
      try {
        make(t.dir);
        const r = await runMain(['validate', 'ok.yaml'], { cwd: t.dir });
        expect(r.status, name).toBe(2);
        expect(r.stdout, name).toMatch(says);
        noStack(r.stdout + r.stderr);
      } finally {
        t.cleanup();
      }
    }
  });

  it('says what is wrong with an empty path and with -o at a file', async () => {
    const t = tempTree({ 'ok.yaml': exampleText(GJOVIK), ut: 'a file' });
    try {
      expect((await runMain(['validate', ''], { cwd: t.dir })).status).toBe(2);
      const r = await runMain(['render', 'ok.yaml', '-d', 'ut'], { cwd: t.dir });
      expect(r.status).toBe(2);
      expect(r.stderr).toContain('a file stands where a folder is needed');
    } finally {
      t.cleanup();
    }
  });
});

describe('templates and browsers', () => {
  it('names a missing partial before anything is written', async () => {
    const t = tempTree({ 'ok.yaml': exampleText(GJOVIK), 'maler/aarsrapport-2012.hbs': '<html>{{> finnes_ikke}}</html>' });
    try {
      const r = await runMain(['render', 'ok.yaml', '--template-dir', 'maler', '-d', 'ut'], { cwd: t.dir });
      expect(r.status).toBe(2);
      expect(r.stderr).toContain('uses the partial "finnes_ikke", which does not exist');
      expect(existsSync(path.join(t.dir, 'ut'))).toBe(false);
    } finally {
      t.cleanup();
    }
  });

  it('a folder given as the browser is no browser: exit 2 with the usual advice, no stack', () => {
    const t = tempTree({ 'ok.yaml': exampleText(GJOVIK) });
    try {
      const r = runCli(['render', 'ok.yaml', '--pdf', '--browser', t.dir], { cwd: t.dir });
      expect(r.status).toBe(2);
      expect(r.stdout).toContain('(render/no-browser)');
      noStack(r.stdout + r.stderr);
    } finally {
      t.cleanup();
    }
  });

  it('a browser that never answers ends the run after --timeout, exit 2', () => {
    const t = tempTree({ 'ok.yaml': exampleText(GJOVIK), 'hangs.sh': '#!/bin/sh\nsleep 300\n' });
    try {
      execFileSync('chmod', ['+x', path.join(t.dir, 'hangs.sh')]);
      const r = runCli(['render', 'ok.yaml', '--pdf', '--browser', path.join(t.dir, 'hangs.sh'), '--timeout', '2'], { cwd: t.dir });
      expect(r.status).toBe(2);
      expect(r.stdout).toContain('did not answer within 2 s (--timeout)');
      noStack(r.stdout + r.stderr);
      expect(existsSync(path.join(t.dir, 'out/ok.html'))).toBe(true);
    } finally {
      t.cleanup();
    }
  });
});
