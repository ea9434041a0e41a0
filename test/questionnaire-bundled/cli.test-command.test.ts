/**
 * `sciatica-screen test <questionnaire> <cases>` as a user sees it: the line for each failing
 * case (with file:line:col and the difference), the summary, the coverage report, --strict, and
 * every exit code (0, 64, 65, 66, 78).
 */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { coverageOf } from '../../src/cases/coverage.js';
import { parseCases } from '../../src/cases/load.js';
import { runCases } from '../../src/cases/run.js';
import { loadQuestionnaire } from '../../src/questionnaire/load.js';
import { runCli } from '../helpers/run-cli.js';
import { runBin } from '../helpers/spawn-bin.js';
import { BUNDLED, SHOWN, VIGNETTES } from './bundled-paths.js';

const wrong = SHOWN.fixture('wrong.cases.yaml');

/** How many vignettes the shared file holds, counted from its text (not from the loader under test). */
async function vignetteCount(): Promise<number> {
  const text = await readFile(VIGNETTES, 'utf8');
  return text.split('\n').filter((l) => /^- id: /.test(l)).length;
}

describe('sciatica-screen test: failing cases', () => {
  it('prints one line per failing case with its place and the difference, then the summary, and exits 65', async () => {
    const r = await runCli(['test', SHOWN.bundled, wrong]);
    expect(r.stdout).toBe(
      [
        `${wrong}:44:5: S09-anticoagulant: expected see_professional_first, got massage_ok; missing cautions: gentle_pressure, tell_therapist_medication`,
        `${wrong}:50:5: U04-cautions-only: missing cautions: scent_free`,
        `${wrong}:54:28: X01-out-of-range: invalid answer: "pain_intensity": 14 is above the maximum 10`,
        `${wrong}:59:7: X02-misspelt-question: invalid answer: "sadle_numbness" is not a question of sciatica-massage (did you mean "saddle_numbness"?)`,
        `${wrong}:63:15: X03-unknown-disposition: expected disposition "massage_fine" is not an outcome of sciatica-massage (outcomes: emergency, urgent, see_professional_first, massage_ok); expected caution "stop_if_wrose" is not defined in sciatica-massage (did you mean "stop_if_worse"?); the case gives massage_ok`,
        '1 passed, 5 failed',
        '',
      ].join('\n'),
    );
    expect(r.stderr).toBe('');
    expect(r.code).toBe(65);
  });

  it('reports what no case exercised with --coverage', async () => {
    const r = await runCli(['test', SHOWN.bundled, wrong, '--coverage']);
    expect(r.code).toBe(65);
    const report = r.stdout.slice(r.stdout.indexOf('coverage of'));
    const q = await loadQuestionnaire(BUNDLED);
    const redFlagValues = q.questions.reduce((n, x) => n + (x.redFlag?.values.length ?? 0), 0);
    expect(report.startsWith(`coverage of sciatica-massage ${q.version}:\n  rules: 2/${q.rules.length} fired; never fired: ces-saddle-numbness, `)).toBe(true);
    expect(report).toContain('\n  outcomes: 2/4 reached; never reached: emergency, see_professional_first\n');
    expect(report).toContain('\n  cautions: 3/8 given; never given: gentle_pressure, scent_free, pregnancy_trained_therapist, tell_therapist_medication, post_surgery_clearance\n');
    expect(report).toContain(`\n  red flags: 1/${redFlagValues} values tested; untested: pain_side=both_legs (cauda_equina), bilateral_neuro=yes (cauda_equina), `);
    expect(report).toContain(', saddle_numbness=yes (cauda_equina), ');
  });
});

describe('sciatica-screen test --strict', () => {
  const untested = SHOWN.fixture('untested-red-flag.cases.yaml');

  it('passes the cases but fails (65) when a red-flag value is tested by no case', async () => {
    const r = await runCli(['test', SHOWN.bundled, untested, '--strict']);
    const q = await loadQuestionnaire(BUNDLED);
    const redFlagValues = q.questions.reduce((n, x) => n + (x.redFlag?.values.length ?? 0), 0);
    expect(r.stdout.startsWith(`1 passed, 0 failed\ncoverage of sciatica-massage ${q.version}:\n`)).toBe(true);
    expect(r.stdout).toContain('untested: pain_side=both_legs (cauda_equina), ');
    expect(r.stdout).toContain(', saddle_numbness=unsure (cauda_equina), ');
    expect(r.stdout).not.toContain('saddle_numbness=yes');
    // The one case tests saddle_numbness=yes; every other red-flag value is untested.
    expect(r.stdout.endsWith(`strict: ${redFlagValues - 1} red-flag values are tested by no case\n`)).toBe(true);
    expect(r.code).toBe(65);
  });

  it('without --strict the same file passes (exit 0): coverage is a report, not a verdict', async () => {
    const r = await runCli(['test', SHOWN.bundled, untested, '--coverage']);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain('strict:');
  });

  it('fails the shared vignettes, which leave red flags untested', async () => {
    const r = await runCli(['test', SHOWN.bundled, SHOWN.vignettes, '--strict']);
    expect(r.code).toBe(65);
    expect(r.stdout).toMatch(new RegExp(`^${await vignetteCount()} passed, 0 failed\n`));
    expect(r.stdout).toMatch(/\nstrict: \d+ red-flag values are tested by no case\n$/);
  });
});

describe('sciatica-screen test: files that cannot be used', () => {
  it('a malformed cases file: every problem as file:line:col on stderr, in line order, exit 65', async () => {
    const f = SHOWN.fixture('malformed.cases.yaml');
    const r = await runCli(['test', SHOWN.bundled, f]);
    expect(r.stderr).toBe(
      [
        `${f}:5:59: error: case "A": \`cautions_include\` must be a list of caution ids`,
        `${f}:6:5: error: case "A" has no \`answers:\``,
        `${f}:6:5: error: case id "A" is used twice (first at line 3)`,
        `${f}:7:5: error: case "A": unknown key "answer" (did you mean "answers"?); expected one of id, story, answers, expected, rationale`,
        `${f}:8:15: error: case "A" expected has no \`disposition\``,
        `${f}:8:17: error: case "A" expected: unknown key "dispositon" (did you mean "disposition"?); expected one of disposition, cautions_include`,
        `${f}:9:5: error: case 3 has no \`id\``,
        '',
      ].join('\n'),
    );
    expect(r.stdout).toBe('');
    expect(r.code).toBe(65);
  });

  it('a YAML syntax error: its line and column, exit 65', async () => {
    const f = SHOWN.fixture('broken-syntax.cases.yaml');
    const r = await runCli(['test', SHOWN.bundled, f]);
    expect(r.stderr).toMatch(new RegExp(`^${f.replace(/[.]/g, '\\.')}:5:5: error: Flow map .*\\n$`));
    expect(r.code).toBe(65);
  });

  it('an unknown cases format version, exit 65', async () => {
    const f = SHOWN.fixture('version-2.cases.yaml');
    const r = await runCli(['test', SHOWN.bundled, f]);
    expect(r.stderr).toBe(`${f}:1:10: error: unsupported cases format version 2: this tool reads version 1\n`);
    expect(r.code).toBe(65);
  });

  it('a missing cases file: one line, exit 66', async () => {
    const r = await runCli(['test', SHOWN.bundled, 'no-such.cases.yaml']);
    expect(r.stderr).toBe('sciatica-screen: cannot read cases file no-such.cases.yaml: no such file\n');
    expect(r.code).toBe(66);
  });

  it('a missing questionnaire: one line, exit 66', async () => {
    const r = await runCli(['test', 'no-such.yaml', SHOWN.ownCases]);
    expect(r.stderr).toBe('sciatica-screen: cannot read no-such.yaml: no such file\n');
    expect(r.code).toBe(66);
  });

  it('an invalid questionnaire: its problems as file:line:col, exit 78, no case run', async () => {
    const f = SHOWN.fixture('invalid.questionnaire.yaml');
    const r = await runCli(['test', f, SHOWN.ownCases]);
    expect(r.stderr).toContain(`${f}:8:13: error: rule "r1" names unknown question "fevr" (did you mean "fever"?)\n`);
    expect(r.stdout).toBe('');
    expect(r.code).toBe(78);
  });

  it('a missing argument is a usage error (64)', async () => {
    const r = await runCli(['test', SHOWN.bundled]);
    expect(r.stderr).toContain("missing required argument 'cases'");
    expect(r.code).toBe(64);
  });

  it('--help states the output and every exit status, in lines that fit 80 columns', async () => {
    const r = await runCli(['test', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('then "N passed, M failed"');
    for (const code of ['0', '64', '65', '66', '78']) expect(r.stdout).toMatch(new RegExp(`^  ${code} +\\S`, 'm'));
    expect(r.stdout.split('\n').filter((l) => l.length > 80)).toEqual([]);
  });
});

describe('coverage counts a red-flag value only where the engine saw it', () => {
  it('"both legs" given with "no pain below the knee" is off the path: the case passes but tests nothing', async () => {
    const q = await loadQuestionnaire(BUNDLED);
    const text = [
      'version: 1',
      'vignettes:',
      '  - id: contradiction',
      '    answers: { leg_pain: no, pain_side: both_legs }',
      '    expected: { disposition: see_professional_first }',
      '  - id: on-path',
      '    answers: { leg_pain: yes, pain_side: both_legs }',
      '    expected: { disposition: emergency }',
      '',
    ].join('\n');
    const file = parseCases(text, 'c.yaml').cases;
    if (!file) throw new Error('cases did not parse');
    const [contradiction, onPath] = file.cases;
    if (!contradiction || !onPath) throw new Error('two cases expected');
    const bothLegs = (cases: typeof file.cases): boolean => {
      const run = runCases(q, { ...file, cases });
      expect(run.failed).toBe(0);
      return !coverageOf(q, run.runs).redFlags.untested.some((f) => f.question === 'pain_side' && f.value === 'both_legs');
    };
    expect(bothLegs([contradiction])).toBe(false);
    expect(bothLegs([onPath])).toBe(true);
  });
});

describe('the cases file reader', () => {
  it('resolves merge keys and points each answer at the line where it is written', () => {
    const text = ['version: 1', 'vignettes:', '  - id: a', '    answers: &base', '      fever: no', '      age: 40', '    expected: { disposition: x }', '  - id: b', '    answers: { <<: *base, age: 51 }', '    expected: { disposition: x }', ''].join('\n');
    const { cases, problems } = parseCases(text, 'c.yaml');
    expect(problems).toEqual([]);
    const b = cases?.cases[1];
    expect(b?.answers).toEqual({ fever: 'no', age: 51 });
    expect(b?.answerPositions.fever).toEqual({ file: 'c.yaml', line: 5, col: 7 });
    expect(b?.answerPositions.age).toEqual({ file: 'c.yaml', line: 9, col: 27 });
    expect(b?.expected.cautionsInclude).toEqual([]);
  });

  it('reads yes and no as text (YAML 1.2), never as booleans', () => {
    const { cases } = parseCases('version: 1\nvignettes:\n  - { id: a, answers: { fever: no, trauma: yes }, expected: { disposition: x } }\n', 'c.yaml');
    expect(cases?.cases[0]?.answers).toEqual({ fever: 'no', trauma: 'yes' });
  });

  it('rejects an empty file, an empty list and a file that is not a mapping', () => {
    expect(parseCases('', 'e.yaml').problems.map((p) => p.message)).toEqual(['the file is empty: expected `version: 1` and a `vignettes:` list']);
    expect(parseCases('version: 1\nvignettes: []\n', 'e.yaml').problems.map((p) => `${p.line}:${p.col} ${p.message}`)).toEqual([
      '2:12 `vignettes` is empty: a cases file needs at least one case',
    ]);
    expect(parseCases('- 1\n', 'e.yaml').problems.map((p) => p.code)).toEqual(['cases.wrong-type']);
  });

  it('rejects duplicate keys and bytes that are not UTF-8', () => {
    const dup = parseCases('version: 1\nversion: 1\nvignettes: []\n', 'd.yaml');
    expect(dup.problems.map((p) => `${p.code} ${p.line}:${p.col}`)).toEqual(['cases.duplicate-key 2:1']);
    expect(parseCases(new Uint8Array([0xff, 0xfe, 0x00]), 'b.yaml').problems.map((p) => p.code)).toEqual(['cases.encoding']);
  });

  it('does not let a __proto__ answer key touch prototypes: it is reported as an unknown question', async () => {
    const { cases } = parseCases('version: 1\nvignettes:\n  - { id: a, answers: { __proto__: { polluted: 1 } }, expected: { disposition: x } }\n', 'p.yaml');
    expect(Object.keys(cases?.cases[0]?.answers ?? {})).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('the built binary', () => {
  it('runs the issue\'s command from the repository root and exits 0', async () => {
    const r = await runBin(['test', SHOWN.bundled, SHOWN.vignettes]);
    expect(r.stdout).toBe(`${await vignetteCount()} passed, 0 failed\n`);
    expect(r.code).toBe(0);
  });

  it('exits 65 on the wrong cases fixture', async () => {
    const r = await runBin(['test', SHOWN.bundled, wrong]);
    expect(r.stdout).toMatch(/\n1 passed, 5 failed\n$/);
    expect(r.code).toBe(65);
  });
});
