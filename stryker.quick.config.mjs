// `npx stryker run stryker.quick.config.mjs --mutate src/engine/conditions.ts`: one file, fast tests only (docs/testing.md).
import base from './stryker.config.mjs';

export default { ...base, vitest: { configFile: 'vitest.stryker-quick.config.ts' }, htmlReporter: { fileName: 'reports/mutation/quick.html' }, jsonReporter: { fileName: 'reports/mutation/quick.json' } };
