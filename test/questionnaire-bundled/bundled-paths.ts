/**
 * Where the bundled questionnaire, its cases and the shared clinical notes live. The shared notes
 * sit next to the clone (`../shared/clinical/`), in development and in CI alike.
 */
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const BUNDLED = fileURLToPath(new URL('../../questionnaires/sciatica-massage.yaml', import.meta.url));
export const OWN_CASES = fileURLToPath(new URL('../cases/sciatica-massage.cases.yaml', import.meta.url));
export const SHARED_CLINICAL = fileURLToPath(new URL('../../../shared/clinical/', import.meta.url));
export const VIGNETTES = `${SHARED_CLINICAL}vignettes-sample.yaml`;
export const DICTIONARY = `${SHARED_CLINICAL}DICTIONARY.md`;
export const FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url));

/** Paths as a user at the repository root types them (what the test command prints back). */
export const SHOWN = {
  bundled: 'questionnaires/sciatica-massage.yaml',
  ownCases: 'test/cases/sciatica-massage.cases.yaml',
  vignettes: '../shared/clinical/vignettes-sample.yaml',
  fixture: (name: string): string => `test/questionnaire-bundled/fixtures/${name}`,
} as const;
