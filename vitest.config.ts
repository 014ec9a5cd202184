import { defineConfig } from 'vitest/config';

// The fast, in-process tests (`npm run test:fast`): what a developer runs after each change.
// The slower ones, named *.e2e.test.ts (the real binary, a browser, the language server, fuzzing),
// run with vitest.e2e.config.ts; `npm test` and .ci/run run both.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/**/*.e2e.test.ts', 'node_modules/**'],
    globalSetup: ['test/global-setup.ts'],
    pool: 'threads',
    isolate: false,
    // Some tests still spawn the built binary; give a loaded 2-core CI machine room.
    testTimeout: 30_000,
  },
});
