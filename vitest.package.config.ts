import { defineConfig } from 'vitest/config';

// The slow end-to-end checks of what users install: `npm run test:package` (run by .ci/run).
export default defineConfig({
  test: {
    include: ['test/package/**/*.e2e.ts'],
    testTimeout: 300_000,
    hookTimeout: 300_000,
  },
});
