// Mutation testing (`npm run mutation`, docs/testing.md § Mutation testing): the engine is
// mutated; the in-process tests that guard it must notice (vitest.stryker.config.ts). The
// linter's safety proof has its own run: `npx stryker run stryker.proof.config.mjs`. Not in CI
// (about 45 minutes on a shared 2-core machine); run on demand, at the lowest priority.
// Incremental: the results are kept in reports/, and a rerun tests only the mutants whose code or
// tests changed (`--force` retests everything). One file at a time: `npm run mutation --
// --mutate src/engine/conditions.ts --incrementalFile reports/stryker-incremental-conditions.json`.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  // related: false: the runner need not work out, for every mutant, which test files import the
  // mutated file (every mutant runs the whole set anyway, see coverageAnalysis).
  vitest: { configFile: 'vitest.stryker.config.ts', related: false },
  plugins: ['@stryker-mutator/vitest-runner'],
  mutate: ['src/engine/**/*.ts'],
  // Every mutant runs the whole (fast) set, example tests first, stopping at the first failure.
  // Not 'perTest': the engine compiles a questionnaire once and caches the plan, so per-test
  // coverage credits the compiler's mutants to whichever test compiled first, and runs only that
  // test against them (false survivors).
  coverageAnalysis: 'all',
  // Module-level mutants (tables such as the operator map) are tested too: every run starts a
  // fresh worker, which loads the modules with the mutant active.
  // vitest does not type-check, so no '// @ts-nocheck' is needed (it would break the test that
  // compares the generated src/bundled types with their source).
  disableTypeChecks: false,
  incremental: true,
  incrementalFile: 'reports/stryker-incremental.json',
  concurrency: 2,
  // On top of the measured test time (× 1.5). Generous because a test runner's first run after a
  // (re)start loads every module cold (20 s and more on a busy machine): a short limit times that
  // run out, which restarts the runner, whose next first run times out again. A mutant that loops
  // forever is usually stopped sooner, by Stryker's hit limit.
  timeoutMS: 45000,
  reporters: ['clear-text', 'progress-append-only', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  thresholds: { high: 95, low: 90, break: null },
  tempDirName: '.stryker-tmp',
  ignorePatterns: ['dist', 'coverage', 'reports', '.stryker-tmp'],
  cleanTempDir: 'always',
};
