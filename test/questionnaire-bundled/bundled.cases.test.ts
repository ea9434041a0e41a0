/**
 * The bundled questionnaire against its test cases: every vignette of the shared clinical notes,
 * and the repository's own cases (each rule fired and just missed, with full coverage).
 */
import { readFileSync } from 'node:fs';
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
  it('are all there (every `- id:` of the file, the eight cases of revision 1.1 among them)', () => {
    const ids = readFileSync(VIGNETTES, 'utf8')
      .split('\n')
      .flatMap((l) => /^- id: (\S+)/.exec(l)?.slice(1) ?? []);
    expect(vignettes.cases.map((c) => c.id)).toEqual(ids);
    for (const id of ['E21', 'S22', 'E23', 'U24', 'E25', 'E26', 'S27', 'U28']) expect(ids.some((v) => v.startsWith(`${id}-`)), id).toBe(true);
  });

  it('all pass', () => {
    expect(vignetteRun.runs.filter((r) => !r.passed).map(renderFailure)).toEqual([]);
    expect(vignetteRun.passed).toBe(vignettes.cases.length);
  });

  it('pass through the command exactly as the issue runs them', async () => {
    const r = await runCli(['test', SHOWN.bundled, SHOWN.vignettes]);
    expect(r.stdout).toBe(`${vignettes.cases.length} passed, 0 failed\n`);
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
    const r = await runCli(['test', SHOWN.bundled, SHOWN.ownCases, '--coverage', '--strict']);
    expect(r.code).toBe(0);
    const redFlagValues = q.questions.reduce((n, x) => n + (x.redFlag?.values.length ?? 0), 0);
    expect(r.stdout).toBe(
      [
        `${own.cases.length} passed, 0 failed`,
        `coverage of sciatica-massage ${q.version}:`,
        `  rules: ${q.rules.length}/${q.rules.length} fired`,
        `  red flags: ${redFlagValues}/${redFlagValues} values tested`,
        `  outcomes: ${q.outcomes.length}/${q.outcomes.length} reached`,
        `  cautions: ${q.cautions.length}/${q.cautions.length} given`,
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
    const stopsAt = (id: string): readonly string[] | undefined => {
      const run = ownRun.runs.find((r) => r.case.id === id);
      expect(run?.result?.stoppedEarly, id).toBe(true);
      expect(run?.result?.missing, id).toEqual([]);
      return run?.result?.path;
    };
    // Both legs: as soon as the onset question (asked right after the "both legs" answers) says recent.
    expect(stopsAt('ces-both-legs.fires-even-when-later-answers-look-fine')).toEqual(['leg_pain', 'pain_side', 'bilateral_neuro', 'bilateral_onset']);
    expect(stopsAt('ces-both-legs.fires-both-thighs-above-the-knee')).toEqual(['leg_pain', 'thigh_pain', 'pain_side', 'bilateral_neuro', 'bilateral_onset']);
    expect(stopsAt('ces-saddle-numbness.fires-yes')?.at(-1)).toBe('saddle_numbness');
    // A follow-up question ends the interview as soon as it is answered.
    expect(stopsAt('infection-sepsis.fires-yes')?.slice(-2)).toEqual(['fever', 'sepsis_signs']);
    expect(stopsAt('fracture-serious-accident.fires-yes')?.slice(-2)).toEqual(['trauma', 'serious_accident']);
    expect(stopsAt('cancer-active-nerve-pain.fires-yes')?.slice(-2)).toEqual(['cancer_history', 'cancer_active']);
    // Cancer with a nerve sign already answered: at the cancer question itself.
    expect(stopsAt('cancer-nerve-signs.fires-with-leg-numbness')?.at(-1)).toBe('cancer_history');
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
