/**
 * Where the shared clinical notes are read from: `../shared/clinical/` next to the clone (the
 * source of truth, present in development and in CI), or else the copy kept in
 * `test/fixtures/clinical/`, so a clone anywhere else still runs every test.
 * test/clinical-copy.test.ts fails when the copy drifts from the shared original.
 */
import { existsSync } from 'node:fs';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const SHARED_ORIGINAL = fileURLToPath(new URL('../../../shared/clinical/', import.meta.url));
export const REPO_COPY = fileURLToPath(new URL('../fixtures/clinical/', import.meta.url));
export const CLINICAL_DIR = existsSync(`${SHARED_ORIGINAL}vignettes-sample.yaml`) ? SHARED_ORIGINAL : REPO_COPY;
export const VIGNETTES = `${CLINICAL_DIR}vignettes-sample.yaml`;
export const DICTIONARY = `${CLINICAL_DIR}DICTIONARY.md`;
/** The vignettes path as a user at the repository root would type it. */
export const VIGNETTES_SHOWN = relative(REPO_ROOT, VIGNETTES);
