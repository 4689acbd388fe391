import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['test/embedded-postgres.ts'],
    // One PGlite (WASM Postgres) per suite is heavy on a 2-core machine, and the PostgreSQL
    // run shares one cluster: run files one after another.
    fileParallelism: false,
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
