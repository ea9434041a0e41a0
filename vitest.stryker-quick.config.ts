// A quick mutation run of one engine file against the fast example and differential tests (the
// large property suites are left out): `npx stryker run stryker.quick.config.mjs --mutate <file>`.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'test/engine/engine.conditions.test.ts',
      'test/engine/engine.walk.test.ts',
      'test/engine/engine.evaluate.test.ts',
      'test/engine/engine.answers.test.ts',
      'test/engine/engine.off-path-red-flag.test.ts',
      'test/engine/engine.emergency-cautions.test.ts',
      'test/properties/three-valued-vs-engine.test.ts',
      'test/security/inherited-answers.test.ts',
    ],
    testTimeout: 180_000,
  },
});
