'use strict';
// Loads dist/cli/bosoreport.cjs as Node's require would, but with V8's code cache made at build
// time (dist/cli/bosoreport.cjs.cache): compiling the bundle (the code and the precompiled
// validators) and the functions a run needs would cost every start several milliseconds. V8
// refuses a cache made for other source, another Node version or other flags; the bundle is then
// compiled as usual. The build uses this same function to make the cache, so the two always agree
// on how the source is wrapped.
const fs = require('node:fs');
const path = require('node:path');
const vm = require('node:vm');
const { createRequire } = require('node:module');
const { isAscii } = require('node:buffer');

const BUNDLE = path.join(__dirname, '..', 'dist', 'cli', 'bosoreport.cjs');

function loadBundle(file = BUNDLE) {
  // The build writes the bundle in ASCII (src/build/bundle.ts); read as Latin-1 it takes 1.5 ms, as
  // UTF-8 about 5. Anything else is still read as UTF-8.
  const bytes = fs.readFileSync(file);
  const source = bytes.toString(isAscii(bytes) ? 'latin1' : 'utf8');
  let cachedData;
  try {
    cachedData = fs.readFileSync(`${file}.cache`);
  } catch {
    cachedData = undefined; // not built with a cache: compile as usual
  }
  const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, { filename: file, cachedData });
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(file), module, file, path.dirname(file));
  return { exports: module.exports, script };
}

module.exports = { loadBundle, BUNDLE };
