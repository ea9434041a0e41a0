/**
 * The bundled questionnaire against its test cases: every vignette of the shared clinical notes,
 * and the repository's own cases (each rule fired and just missed, with full coverage).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { coverageOf, isFullCoverage } from '../../src/cases/coverage.js';
import { loadCases } from '../../src/cases/load.js';
import type { CasesFile } from '../../src/cases/model.js';
import { runCases, type CasesRun } from '../../src/cases/run.js';
import { renderFailure } from '../../src/cases/report.js';
import { loadQuestionnaire } from '../../src/questionnaire/load.js';
import type { Condition, Questionnaire } from '../../src/questionnaire/model.js';
import { runCli } from '../helpers/run-cli.js';
import { BUNDLED, OWN_CASES, SHOWN, VIGNETTES } from './bundled-paths.js';

let q: Questionnaire;
let vignettes: CasesFile;
let own: CasesFile;
let vignetteRun: CasesRun;
let ownRun: CasesRun;

beforeAll(async () => {
  q = await loadQuestionnaire(BUNDLED);
  vignettes = await loadCases(VIGNETTES, SHOWN.vignettes);
  own = await loadCases(OWN_CASES, SHOWN.ownCases);
  vignetteRun = runCases(q, vignettes);
  ownRun = runCases(q, own);
});

describe('the vignettes of ../shared/clinical/vignettes-sample.yaml', () => {
  it('are all there (the sample holds 20)', () => {
    expect(vignettes.cases.length).toBe(20);
  });

  it('all pass', () => {
    expect(vignetteRun.runs.filter((r) => !r.passed).map(renderFailure)).toEqual([]);
    expect(vignetteRun.passed).toBe(vignettes.cases.length);
  });

  it('pass through the command exactly as the issue runs them', async () => {
    const r = await runCli(['test', SHOWN.bundled, SHOWN.vignettes]);
    expect(r.stdout).toBe('20 passed, 0 failed\n');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });
});

describe('the repository cases (test/cases/sciatica-massage.cases.yaml)', () => {
  it('all pass', () => {
    expect(ownRun.runs.filter((r) => !r.passed).map(renderFailure)).toEqual([]);
  });

  it('leave nothing untested: every rule, red-flag value, outcome and caution', () => {
    const coverage = coverageOf(q, ownRun.runs);
    expect(coverage.rules.untested).toEqual([]);
    expect(coverage.redFlags.untested).toEqual([]);
    expect(coverage.outcomes.untested).toEqual([]);
    expect(coverage.cautions.untested).toEqual([]);
    expect(isFullCoverage(coverage)).toBe(true);
  });

  it('pass the command under --strict', async () => {
    const r = await runCli(['test', SHOWN.bundled, SHOWN.ownCases, '--strict']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      [
        `${own.cases.length} passed, 0 failed`,
        'coverage of sciatica-massage 1.0.0:',
        `  rules: ${q.rules.length}/${q.rules.length} fired`,
        '  red flags: 27/27 values tested',
        '  outcomes: 4/4 reached',
        '  cautions: 8/8 given',
        '',
      ].join('\n'),
    );
  });

  it('have, for every rule, a case that fires it and a case that just misses it', () => {
    const gaps: string[] = [];
    for (const rule of q.rules) {
      const fires = ownRun.runs.filter((r) => r.case.id.startsWith(`${rule.id}.fires`));
      const misses = ownRun.runs.filter((r) => r.case.id.startsWith(`${rule.id}.misses`));
      if (fires.length === 0) gaps.push(`${rule.id}: no .fires case`);
      if (misses.length === 0) gaps.push(`${rule.id}: no .misses case`);
      for (const r of fires) if (!r.result?.fired.some((f) => f.rule === rule.id)) gaps.push(`${r.case.id} does not fire ${rule.id}`);
      for (const r of misses) if (r.result?.fired.some((f) => f.rule === rule.id)) gaps.push(`${r.case.id} fires ${rule.id}`);
    }
    expect(gaps).toEqual([]);
  });
});

describe('the safety conventions of NOTES.md, over every vignette and case', () => {
  const all = (): CasesRun['runs'] => [...vignetteRun.runs, ...ownRun.runs];

  it('give stop_if_worse on every non-emergency result, and never on an emergency', () => {
    const wrong = all().flatMap((r) => {
      const res = r.result;
      if (!res) return [];
      const has = res.cautions.some((c) => c.id === 'stop_if_worse');
      return has === (res.disposition === 'emergency') ? [`${r.case.id}: ${res.disposition} ${has ? 'with' : 'without'} stop_if_worse`] : [];
    });
    expect(wrong).toEqual([]);
  });

  it('never rely on the engine safety net: the questionnaire\'s own rules decide every case', () => {
    const net = all().flatMap((r) => (r.result?.fired ?? []).filter((f) => f.rule.startsWith('engine:')).map((f) => `${r.case.id}: ${f.rule}`));
    expect(net).toEqual([]);
  });

  it('stop the interview at once on an emergency answer', () => {
    const run = ownRun.runs.find((r) => r.case.id === 'ces-both-legs.fires-even-when-later-answers-look-fine');
    expect(run?.result?.stoppedEarly).toBe(true);
    expect(run?.result?.path).toEqual(['leg_pain', 'pain_side']);
    expect(run?.result?.missing).toEqual([]);
  });

  it('keep the stop-if-worse exclusion word for word equal to the emergency rules', () => {
    const strip = (c: Condition): unknown => JSON.parse(JSON.stringify(c, (k, v: unknown) => (k === 'pos' ? undefined : v)));
    const net = q.rules.find((r) => r.id === 'stop-if-worse');
    expect(net?.when.kind).toBe('not');
    const inner = net?.when.kind === 'not' ? net.when.of : undefined;
    expect(inner?.kind).toBe('any');
    const excluded = inner?.kind === 'any' ? inner.of.map(strip) : [];
    const emergencies = q.rules.filter((r) => r.outcome === 'emergency').map((r) => strip(r.when));
    expect(excluded).toEqual(emergencies);
  });
});
