/**
 * The `export questionnaire` action (registered in ../commands/export.ts): the questionnaire as a
 * FHIR R4 `Questionnaire`. What the resource cannot say (a flow enableWhen cannot express, "not
 * sure" on a number) is listed on stderr, one `note:` line per question; exit 0. Errors: the
 * loader's (66, 78), 73 when the output cannot be written.
 */
import { toFhirQuestionnaire } from '../../io/fhir/questionnaire.js';
import type { CommandContext } from '../context.js';
import { loadQuestionnaireArg } from '../questionnaire-arg.js';
import { writeOutput } from '../write-output.js';

export interface ExportQuestionnaireOptions {
  to: 'fhir';
  output?: string;
  force?: boolean;
}

export async function runExportQuestionnaire(file: string | undefined, opts: ExportQuestionnaireOptions, { io }: CommandContext): Promise<void> {
  const questionnaire = await loadQuestionnaireArg(file, io);
  const { resource, inexpressible } = toFhirQuestionnaire(questionnaire);
  await writeOutput(io, `${JSON.stringify(resource, null, 2)}\n`, { ...(opts.output === undefined ? {} : { output: opts.output }), force: opts.force === true });
  for (const x of inexpressible) io.stderr.write(`note: ${x.question}: ${x.why}\n`);
}
