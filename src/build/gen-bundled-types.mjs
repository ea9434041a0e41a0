#!/usr/bin/env node
// Regenerates src/bundled/sciatica-massage.types.ts from questionnaires/sciatica-massage.yaml
// (run by `npm run gen:types`, which builds first). `--check` only says whether it is in step.
import { readFileSync, writeFileSync } from 'node:fs';
import { loadQuestionnaire } from '../../dist/questionnaire/load.js';
import { renderQuestionnaireTypes } from '../../dist/bundled/render-types.js';

const yaml = 'questionnaires/sciatica-massage.yaml';
const out = 'src/bundled/sciatica-massage.types.ts';
const root = new URL('../../', import.meta.url);
const q = await loadQuestionnaire(new URL(yaml, root), yaml);
const text = renderQuestionnaireTypes(q, yaml);
const target = new URL(out, root);
if (process.argv.includes('--check')) {
  let old = '';
  try {
    old = readFileSync(target, 'utf8');
  } catch {}
  if (old !== text) {
    process.stderr.write(`${out} is out of step with ${yaml}: run npm run gen:types\n`);
    process.exitCode = 1;
  }
} else {
  writeFileSync(target, text);
  process.stdout.write(`wrote ${out} (${q.id} ${q.version}, ${q.questions.length} questions)\n`);
}
