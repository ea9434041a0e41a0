/**
 * `batch --to fhir` on records that cannot be evaluated: each becomes, in its place, a FHIR
 * OperationOutcome whose diagnostics name the line, the record id when there is one, and the
 * problem (the same words as on stderr); the good records around it are valid Bundles; exit 65.
 */
import type { Bundle, OperationOutcome } from 'fhir/r4.js';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { fhirProblems } from './fhir-validator.js';

describe('batch --to fhir: error records', () => {
  it('an OperationOutcome in the record\'s place, with its line, its id and the problem', async () => {
    const r = await runCli(['batch', '-', '--to', 'fhir'], { stdin: '{"id":"p1","answers":{"leg_pain":"no"}}\n{"id":"p2","answers":{"age":"old"}}\n{"age":\n' });
    expect(r.code).toBe(65);
    expect(r.stderr.split('\n').slice(0, 2)).toEqual(['<stdin>:2: "age": expected a number, got "old"', '<stdin>:3:8: unexpected end of file']);
    const [first, second, third, ...rest] = r.stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as Bundle | OperationOutcome);
    expect(rest).toEqual([]);
    expect(first?.resourceType).toBe('Bundle');
    expect(fhirProblems(first as Bundle)).toEqual([]);
    expect(second).toEqual({ resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'invalid', diagnostics: 'line 2 (id p2): "age": expected a number, got "old"' }] });
    expect(third).toEqual({ resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'invalid', diagnostics: 'line 3: column 8: unexpected end of file' }] });
    expect(fhirProblems(second as OperationOutcome)).toEqual([]);
  });
});
