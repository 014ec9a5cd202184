import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

// Build step (npm run build): bundles the CLI into one CommonJS file, dist/cli/bosoreport.cjs.
// Node 20 loads one CommonJS file much faster than ~70 ES modules (no module graph to resolve and
// link one by one): about 60 ms of a one-report run. The file sits in dist/cli/ like the modules
// it replaces, so every path they find relative to themselves (schemas, templates, package.json,
// the precompiled validators) is the same from the bundle.

const root = new URL('../../', import.meta.url);
const pkg = JSON.parse(readFileSync(new URL('package.json', root), 'utf8')) as { dependencies: Record<string, string>; optionalDependencies?: Record<string, string> };
// commander is loaded on every run, so it goes into the bundle; the other packages are loaded only
// when a command needs it (yaml for unusual files, puppeteer for PDF…) and stay outside, loaded with
// require (bin/load-bundle.cjs runs the bundle through vm.Script, where import() would need an
// experimental loader and print a warning). chalk is published as ES modules only, so it goes in too.
const inside = new Set(['commander', 'chalk']);
const external = Object.keys({ ...pkg.dependencies, ...pkg.optionalDependencies }).filter((name) => !inside.has(name));

await build({
  entryPoints: [fileURLToPath(new URL('dist/cli/main.js', root))],
  outfile: fileURLToPath(new URL('dist/cli/bosoreport.cjs', root)),
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  external,
  // Every import() becomes a require: lazily, as before, but without the ES-module loader.
  supported: { 'dynamic-import': false },
  // Code that locates files next to itself keeps doing so from the bundle.
  define: { 'import.meta.url': '__bosoreportUrl' },
  banner: { js: "const __bosoreportUrl = require('node:url').pathToFileURL(__filename).href;" },
  sourcemap: 'linked',
  logLevel: 'warning',
});
