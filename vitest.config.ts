import { defineConfig } from 'vitest/config';

// Real Chromium and real fonts are slow on 2 cores: generous per-test timeouts, files run one at a time
// so two Chromium instances never fight for the CPU.
export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 180_000,
    hookTimeout: 180_000,
    fileParallelism: false,
    reporters: ['default'],
  },
});
