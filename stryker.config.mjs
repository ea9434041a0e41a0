// Mutation testing (`npm run mutation`, docs/testing.md): the engine and the linter's safety proof
// are mutated; the tests that guard them (engine, questionnaire loader/linter, properties) must
// notice. Too slow for every CI run on 2 cores; run on demand, at low priority (`nice`).
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.stryker.config.ts' },
  plugins: ['@stryker-mutator/vitest-runner'],
  mutate: ['src/engine/**/*.ts', 'src/questionnaire/safety-proof.ts', 'src/questionnaire/three-valued.ts'],
  coverageAnalysis: 'perTest',
  // Static mutants (module-level tables such as the operator map) would each rerun every test:
  // half the run time for 30 % of the mutants. Their tables are covered by the example tests.
  ignoreStatic: true,
  // vitest does not type-check, so no '// @ts-nocheck' is needed (it would break the test that
  // compares the generated src/bundled types with their source).
  disableTypeChecks: false,
  concurrency: 2,
  timeoutMS: 60000,
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  thresholds: { high: 95, low: 90, break: null },
  tempDirName: '.stryker-tmp',
  ignorePatterns: ['dist', 'coverage', 'reports', '.stryker-tmp'],
  cleanTempDir: 'always',
};
