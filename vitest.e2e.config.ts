import { defineConfig } from 'vitest/config';

// The slower tests (`npm run test:e2e`): the real binary, headless Chromium, the YAML language server
// and the fuzzers. The package's install test has its own config (vitest.package.config.ts).
export default defineConfig({
  test: {
    include: ['test/**/*.e2e.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 30_000,
  },
});
