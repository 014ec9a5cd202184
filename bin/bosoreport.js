#!/usr/bin/env node
// Thin launcher: the CLI returns an exit code; only this file touches the process.
let main;
try {
  ({ main } = await import('../dist/cli/main.js'));
} catch (error) {
  if (error && error.code === 'ERR_MODULE_NOT_FOUND' && String(error.message).includes('dist')) {
    process.stderr.write('bosoreport is not built yet: run `npm install` (or `npm run build`) in its folder.\n');
    process.exit(2);
  }
  throw error;
}
// Output piped into a program that stops reading (`bosoreport validate reports/ | head`) is not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error && error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}
process.exitCode = await main(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  cwd: process.cwd(),
});
