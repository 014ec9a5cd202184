import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'esbuild';
import type { BundledSpec } from '../forms/builtin-code.js';
import { readFormYaml } from '../forms/form-yaml.js';
import { textDigest } from '../util/text-digest.js';

// Build step (npm run build): bundles the CLI into one CommonJS file, dist/cli/bosoreport.cjs.
// Node 20 loads one CommonJS file much faster than ~70 ES modules (no module graph to resolve and
// link one by one): about 50 ms of a one-report run. The file sits in dist/cli/ like the modules
// it replaces, so every path they find relative to themselves (schemas, templates, package.json,
// the precompiled validators) is the same from the bundle.

const root = new URL('../../', import.meta.url);
const pkg = JSON.parse(readFileSync(new URL('package.json', root), 'utf8')) as { dependencies: Record<string, string>; optionalDependencies?: Record<string, string> };
// commander is loaded on every run, so it goes into the bundle; the other packages are loaded only
// when a command needs it (yaml for unusual files, puppeteer for PDF…) and stay outside, loaded with
// require (bin/load-bundle.cjs runs the bundle through vm.Script, where import() would need an
// experimental loader and print a warning). chalk is published as ES modules only, so it goes in too,
// and ajv-formats' small module of formats, which every validation needs.
const inside = new Set(['commander', 'chalk', 'ajv-formats']);
const external = Object.keys({ ...pkg.dependencies, ...pkg.optionalDependencies }).filter((name) => !inside.has(name));

/**
 * commander requires child_process as it loads, only to run subcommands kept in executables of their
 * own, which bosoreport has none of; loading it (with net, dgram and streams) cost 2-3 ms of every
 * start. commander gets a stand-in that requires the real module on first use.
 */
const lazyChildProcess: Plugin = {
  name: 'lazy-child-process',
  setup(b) {
    b.onResolve({ filter: /^node:child_process$/ }, (args) => (/[\\/]commander[\\/]/.test(args.importer) ? { path: 'child_process', namespace: 'lazy' } : undefined));
    b.onLoad({ filter: /.*/, namespace: 'lazy' }, () => ({ contents: "module.exports = new Proxy({}, { get: (_, key) => require('node:child_process')[key] });", loader: 'js' }));
  },
};

/**
 * The built-in forms' code goes into the bundle: `forms/builtin-code.js` is replaced by a module that
 * imports every `dist/forms/<id>/form.js` (a folder with a form.yaml), so a run loads no module of a
 * form from disk, and carries each form.yaml as read now. The registry still finds the forms by their
 * folders and reads their data files; a form.yaml changed since is read again.
 */
const formsDir = fileURLToPath(new URL('dist/forms/', root));
const builtinCode: Plugin = {
  name: 'builtin-form-code',
  setup(b) {
    b.onLoad({ filter: /[\\/]forms[\\/]builtin-code\.js$/ }, () => {
      const names = readdirSync(formsDir, { withFileTypes: true })
        .filter((d) => d.isDirectory() && existsSync(path.join(formsDir, d.name, 'form.yaml')) && existsSync(path.join(formsDir, d.name, 'form.js')))
        .map((d) => d.name)
        .sort();
      const imports = names.map((n, i) => `import { form as f${i} } from ${JSON.stringify(`./${n}/form.js`)};`).join('\n');
      const entries = names.map((n, i) => `${JSON.stringify(n)}: f${i}`).join(', ');
      const specs: Record<string, BundledSpec> = {};
      for (const name of names) {
        const file = path.join(formsDir, name, 'form.yaml');
        const text = readFileSync(file, 'utf8');
        const read = readFormYaml(file, Buffer.from(text), 'en');
        if (!read.spec) throw new Error(`built-in form ${name} is broken: ${read.diagnostics.map((d) => `${d.line}:${d.col} ${d.message}`).join('; ')}`);
        // The bundle carries it as JSON: a value JSON would drop or change must stop the build.
        if (!isDeepStrictEqual(JSON.parse(JSON.stringify(read.spec)), read.spec)) throw new Error(`built-in form ${name}: form.yaml does not survive JSON unchanged`);
        specs[name] = { digest: textDigest([text]), spec: read.spec };
      }
      const contents = `${imports}\nexport const BUNDLED_FORM_CODE = { ${entries} };\nexport const BUNDLED_FORM_SPECS = ${JSON.stringify(specs)};\n`;
      return { contents, loader: 'js', resolveDir: formsDir };
    });
  },
};

const compiled = readFileSync(new URL('dist/schema/compiled.cjs', root), 'utf8');

const outfile = fileURLToPath(new URL('dist/cli/bosoreport.cjs', root));
await build({
  entryPoints: [fileURLToPath(new URL('dist/cli/main.js', root))],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  external,
  // Every import() becomes a require: lazily, as before, but without the ES-module loader.
  supported: { 'dynamic-import': false },
  // Code that locates files next to itself keeps doing so from the bundle.
  define: { 'import.meta.url': '__bosoreportUrl' },
  banner: {
    js: [
      "const __bosoreportUrl = require('node:url').pathToFileURL(__filename).href;",
      // The precompiled validators, as a module of the bundle's own: defining them costs nothing
      // until a validator is asked for, and V8's code cache then covers their code too.
      `const BOSOREPORT_COMPILED = (function () { const module = { exports: {} }; ${compiled}\nreturn module.exports; })();`,
    ].join('\n'),
  },
  plugins: [lazyChildProcess, builtinCode],
  sourcemap: 'linked',
  logLevel: 'warning',
});

// The bundle in ASCII, which the launcher reads as Latin-1 in a third of the time UTF-8 takes
// (bin/load-bundle.cjs). esbuild escapes strings, but leaves comments, regular expressions and the
// banner (the validators, with the schemas' Norwegian text) as written. A \u escape means the same
// character in all of these (a surrogate pair beyond U+FFFF), except in the cases refused below and in
// a tagged template's raw text (the bundle's, String.raw patterns, are ASCII). Columns in the source
// map shift on the few lines this touches.
const written = readFileSync(outfile, 'utf8');
// Where an escape would not mean the character: after a backslash («\é» would become an escaped
// backslash), and the line separators U+2028/U+2029, which end a // comment as written but not escaped.
const unsafe = /(?<!\\)(?:\\\\)*\\[^\x00-\x7f]|[\u2028\u2029]/.exec(written);
if (unsafe) throw new Error(`the bundle cannot be made ASCII safely: ${JSON.stringify(written.slice(Math.max(0, unsafe.index - 40), unsafe.index + 10))}`);
writeFileSync(
  outfile,
  written.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`),
);
