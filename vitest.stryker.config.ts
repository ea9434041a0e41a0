// The tests Stryker runs against each mutant of src/engine (`npm run mutation`): the in-process
// tests that exercise the engine, with the property suites at a small seeded share
// (test/engine/mutation-setup.ts; the run counts below). Left out: the CLI, batch and e2e suites,
// which spawn the built binary (it runs dist/, which Stryker does not rebuild, so they would not
// see a mutant), and library-example.test.ts for the same reason. The linter's safety proof has
// its own set (vitest.stryker-proof.config.ts).
import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/** Generated-input suites: run after the example tests, which kill most mutants in milliseconds
 * (vitest stops at the first failure), so a killed mutant rarely pays for a property suite. */
const SLOW = /properties|replay-linear|perf-equivalence/;

class ExamplesFirst extends BaseSequencer {
  override sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const rank = (f: TestSpecification): number => (SLOW.test(f.moduleId) ? 1 : 0);
    return Promise.resolve([...files].sort((a, b) => rank(a) - rank(b) || a.moduleId.localeCompare(b.moduleId)));
  }
}

export default defineConfig({
  // The property tests' runner, without the 10 s it takes to load per run (see the file).
  resolve: { alias: { '@fast-check/vitest': new URL('./test/engine/fast-check-vitest-lite.ts', import.meta.url).pathname } },
  test: {
    include: [
      'test/engine/**/*.test.ts',
      'test/properties/three-valued-vs-engine.test.ts',
      'test/perf-equivalence/summary.test.ts',
      'test/security/inherited-answers.test.ts',
    ],
    exclude: ['test/engine/library-example.test.ts'],
    setupFiles: ['test/engine/mutation-setup.ts'],
    sequence: { sequencer: ExamplesFirst },
    // One worker keeps the modules it loaded from one test file to the next (the engine is pure:
    // nothing a test does leaks into another), so a mutant costs its tests, not their imports.
    isolate: false,
    // The generated-input share per mutant (engine.properties, engine.replay-linear and
    // summary.test.ts; three-valued-vs-engine keeps its CI share, about a second).
    env: { ENGINE_PROPERTY_RUNS: '15', FUZZ_RUNS: '15' },
    testTimeout: 60_000,
    hookTimeout: 30_000,
  },
});
