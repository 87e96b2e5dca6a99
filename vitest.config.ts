import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 45_000,
    hookTimeout: 30_000,
    pool: 'forks',
    // Most test files wait on Redis, sockets and child processes, not the CPU: vitest's default
    // (one fork fewer than the cores) ran one file at a time on 2 cores, 233–302 s in all; three
    // forks take ~125 s there (three full runs, all green).
    maxWorkers: Math.max(3, availableParallelism() - 1),
  },
});
