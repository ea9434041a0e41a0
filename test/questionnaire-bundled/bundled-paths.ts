/**
 * Where the bundled questionnaire, its cases and the shared clinical notes live. The shared notes
 * sit next to the clone (`../shared/clinical/`), in development and in CI alike; elsewhere the
 * copy in test/fixtures/clinical/ is used (see test/helpers/clinical-paths.ts).
 */
import { fileURLToPath } from 'node:url';
import { CLINICAL_DIR, DICTIONARY as DICTIONARY_PATH, VIGNETTES as VIGNETTES_PATH, VIGNETTES_SHOWN } from '../helpers/clinical-paths.js';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const BUNDLED = fileURLToPath(new URL('../../questionnaires/sciatica-massage.yaml', import.meta.url));
export const OWN_CASES = fileURLToPath(new URL('../cases/sciatica-massage.cases.yaml', import.meta.url));
export const SHARED_CLINICAL = CLINICAL_DIR;
export const VIGNETTES = VIGNETTES_PATH;
export const DICTIONARY = DICTIONARY_PATH;
export const FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url));

/** Paths as a user at the repository root types them (what the test command prints back). */
export const SHOWN = {
  bundled: 'questionnaires/sciatica-massage.yaml',
  ownCases: 'test/cases/sciatica-massage.cases.yaml',
  vignettes: VIGNETTES_SHOWN,
  fixture: (name: string): string => `test/questionnaire-bundled/fixtures/${name}`,
} as const;
