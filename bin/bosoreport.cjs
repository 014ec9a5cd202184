#!/usr/bin/env node
'use strict';
// Thin launcher: the CLI returns an exit code; only this file touches the process.
// CommonJS, like the bundle it loads: an ES-module entry point costs Node 20 another 15 ms to start.
const { loadBundle } = require('./load-bundle.cjs');

let main;
let stdoutFailed;
try {
  ({ main, stdoutFailed } = loadBundle().exports);
} catch (error) {
  if (error && error.code === 'ENOENT' && String(error.path).endsWith('bosoreport.cjs')) {
    // npm installs no build step (no `prepare`): a checkout builds itself, a release tarball comes built.
    process.stderr.write('bosoreport is not built yet: run `npm run build` in its folder, or install a release tarball (`npm pack` makes one).\n');
    process.exit(2);
  }
  throw error;
}
// Output piped into a program that stops reading (`bosoreport validate reports/ | head`) is not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error && error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    // A full disk or a closed descriptor under standard output: the CLI says so where it can
    // (main's I/O message); here, before or after it runs, one line and exit 2, never a stack.
    if (stream === process.stdout) {
      try {
        process.stderr.write(stdoutFailed({ argv: process.argv.slice(2), env: process.env }, String(error && error.code)));
      } finally {
        process.exit(2);
      }
    }
    throw error;
  });
}
/** Standard input, whole, for a report given as «-». */
async function stdin() {
  const chunks = [];
  for await (const chunk of process.stdin) chunks.push(chunk);
  return Buffer.concat(chunks);
}
main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd(), stdin }).then((code) => {
  process.exitCode = code;
});
