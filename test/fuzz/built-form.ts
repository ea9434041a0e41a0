/**
 * The in-process fuzzers run the CLI from the TypeScript sources, where the bundled
 * questionnaire's built form (dist/questionnaires/sciatica-massage.json) is not beside the code:
 * every command on the bundled questionnaire then loads its YAML with the full loader, ≈ 90 ms an
 * input — 15 minutes per 10 000 — where the installed binary reads the built form in ≈ 2 ms.
 *
 * Each fuzz test file mocks `src/questionnaire/load-built.js` with `builtFormFromDist`: when the
 * sources' built form is absent it loads dist's instead, through the real loader (which reads it
 * on every call and refuses it unless it was built from exactly the YAML's bytes). The in-process
 * CLI then takes the binary's path; test/perf-equivalence/built-questionnaire.test.ts proves that
 * the built form is the full loader's model. A missing or stale build is not hidden: the YAML is
 * loaded as before (slow, not wrong), and `builtFormStatus` tells the fuzz log why.
 * User questionnaires (`validate FILE`) never come here.
 */
import type * as LoadBuilt from '../../src/questionnaire/load-built.js';

const DIST_BUILT_FORM = new URL('../../dist/questionnaires/sciatica-massage.json', import.meta.url);

let status = 'not used yet';

/** What the last bundled-questionnaire load used: "dist built form", or why not. */
export function builtFormStatus(): string {
  return status;
}

export function builtFormFromDist(actual: typeof LoadBuilt): typeof LoadBuilt {
  return {
    ...actual,
    loadBuiltQuestionnaire: async (yamlPath, builtPath, file) => {
      const own = await actual.loadBuiltQuestionnaire(yamlPath, builtPath, file);
      if (own.kind !== 'absent') return own;
      const dist = await actual.loadBuiltQuestionnaire(yamlPath, DIST_BUILT_FORM, file);
      status = dist.kind === 'loaded' ? 'dist built form' : dist.kind === 'absent' ? 'YAML (no build: run `npm run build`)' : `YAML (${dist.reason})`;
      return dist;
    },
  };
}
