// `npm run fuzz`: the fuzz and property suites at full strength (FUZZ_RUNS=10000 generated inputs
// per entrance, set by the script). `npm test` runs the same files with a small seeded share.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/fuzz/**/*.test.ts', 'test/properties/**/*.test.ts'],
    testTimeout: 3_600_000,
    hookTimeout: 60_000,
    // One file at a time: the fuzzers measure time per input, so they must not fight each other.
    fileParallelism: false,
    // The fuzzers collect garbage before measuring the heap, so growth means a leak, not laziness.
    execArgv: ['--expose-gc'],
  },
});
