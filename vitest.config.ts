import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 20_000,
    // Golden tests spawn the real CLI; on two cores more workers only contend.
    maxWorkers: 2,
  },
});
