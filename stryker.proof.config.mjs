// Mutation testing of the linter's safety proof (`npx stryker run stryker.proof.config.mjs`,
// docs/testing.md § Mutation testing): the same settings as the engine's run, its own mutants,
// tests (vitest.stryker-proof.config.ts) and incremental results.
import base from './stryker.config.mjs';

export default {
  ...base,
  mutate: ['src/questionnaire/safety-proof.ts', 'src/questionnaire/three-valued.ts'],
  vitest: { ...base.vitest, configFile: 'vitest.stryker-proof.config.ts' },
  incrementalFile: 'reports/stryker-incremental-proof.json',
  htmlReporter: { fileName: 'reports/mutation/proof.html' },
  jsonReporter: { fileName: 'reports/mutation/proof.json' },
};
