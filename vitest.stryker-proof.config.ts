// The tests Stryker runs against each mutant of the linter's safety proof
// (stryker.proof.config.mjs): the loader's and linter's in-process tests, the condition-language
// differential, and the engine's tests (the proof is checked against what the engine decides).
import { defineConfig, mergeConfig } from 'vitest/config';
import engine from './vitest.stryker.config.js';

export default mergeConfig(
  engine,
  defineConfig({
    test: {
      include: ['test/questionnaire/**/*.test.ts'],
    },
  }),
);
