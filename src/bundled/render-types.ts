/**
 * Writes the TypeScript literal types of a questionnaire (question ids and the values each takes,
 * dispositions, caution and rule ids), so code using the bundled questionnaire gets a compile
 * error for a typo. Run `npm run gen:types` after editing questionnaires/sciatica-massage.yaml;
 * test/engine/bundled-types.test.ts fails while the committed file is out of step.
 */
import type { Question, Questionnaire } from '../questionnaire/model.js';
import { UNSURE } from '../questionnaire/model.js';

function literal(s: string): string {
  return JSON.stringify(s).replace(/'/g, "\\'").replace(/^"|"$/g, "'");
}

function union(values: readonly string[]): string {
  return values.length === 0 ? 'never' : values.map(literal).join(' | ');
}

/** `export type Name =` with one member a line (readable diffs when the YAML changes). */
function unionType(name: string, values: readonly string[]): string[] {
  if (values.length === 0) return [`export type ${name} = never;`];
  return [`export type ${name} =`, ...values.map((v, i) => `  | ${literal(v)}${i === values.length - 1 ? ';' : ''}`)];
}

function valueType(q: Question): string {
  const unsure = q.unsure ? ` | ${literal(UNSURE)}` : '';
  switch (q.type) {
    case 'yesno':
      return `'yes' | 'no'${unsure}`;
    case 'choice':
      return `${union(q.options.map((o) => o.value))}${unsure}`;
    case 'multi':
      return `readonly (${union(q.options.map((o) => o.value))})[]`;
    case 'number':
    case 'scale':
      return `number${unsure}`;
    default: {
      const _exhaustive: never = q;
      return _exhaustive;
    }
  }
}

function typeName(id: string): string {
  return id
    .split(/[^A-Za-z0-9]+/)
    .filter((w) => w !== '')
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join('');
}

function comment(text: string): string {
  return text.replace(/\*\//g, '* /').replace(/\s+/g, ' ').trim();
}

/** The whole generated file for `q`, named after its id (`sciatica-massage` → `SciaticaMassage…`). */
export function renderQuestionnaireTypes(q: Questionnaire, yamlPath: string): string {
  const n = typeName(q.id);
  const lines: string[] = [
    `// Generated from ${yamlPath} (${q.id} ${q.version}) by \`npm run gen:types\`. Do not edit:`,
    '// test/engine/bundled-types.test.ts fails when this file and the YAML differ.',
    '',
    `/** The id of the questionnaire these types describe. */`,
    `export type ${n}Id = ${literal(q.id)};`,
    `export const ${n.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase()}_VERSION = ${literal(q.version)};`,
    '',
    ...unionType(`${n}QuestionId`, q.questions.map((x) => x.id)),
    '',
    `/** Normalised answers by question id: a value as stored, \`null\` for skipped, absent for not asked. */`,
    `export interface ${n}Answers {`,
    ...q.questions.flatMap((x) => [`  /** ${comment(x.text)} */`, `  readonly ${x.id}?: ${valueType(x)} | null;`]),
    '}',
    '',
    `/** Outcome ids, most urgent first. */`,
    ...unionType(`${n}Disposition`, q.outcomes.map((o) => o.id)),
    ...unionType(`${n}CautionId`, q.cautions.map((c) => c.id)),
    ...unionType(`${n}RuleId`, q.rules.map((r) => r.id)),
    ...unionType(`${n}SourceId`, q.sources.map((s) => s.id)),
    '',
    `/** Everything above in one type, for \`ShapedQuestionnaire<${n}Shape>\`. */`,
    `export interface ${n}Shape {`,
    `  readonly id: ${n}Id;`,
    `  readonly questionId: ${n}QuestionId;`,
    `  readonly answers: ${n}Answers;`,
    `  readonly disposition: ${n}Disposition;`,
    `  readonly caution: ${n}CautionId;`,
    `  readonly rule: ${n}RuleId;`,
    '}',
    '',
  ];
  return lines.join('\n');
}
