import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { REPO_COPY, SHARED_ORIGINAL } from './helpers/clinical-paths.js';

describe.skipIf(!existsSync(SHARED_ORIGINAL))('the copy of the shared clinical notes kept for clones elsewhere', () => {
  it.each(['DICTIONARY.md', 'vignettes-sample.yaml'])('%s is identical to ../shared/clinical/', (name) => {
    expect(readFileSync(`${REPO_COPY}${name}`, 'utf8')).toBe(readFileSync(`${SHARED_ORIGINAL}${name}`, 'utf8'));
  });
});
