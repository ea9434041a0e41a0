// Setup for the mutation runs only (vitest.stryker.config.ts): the property tests that pick their
// own seed get a fixed one, so a mutant is tested with the same inputs on every run and an
// incremental rerun agrees with the run it reuses.
import fc from 'fast-check';

fc.configureGlobal({ seed: 20261130 });
