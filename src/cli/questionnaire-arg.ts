/**
 * The questionnaire a command was given (`--questionnaire FILE`, or a positional argument),
 * resolved against the working directory, or the bundled one when none was given. Messages name
 * the file as the user typed it. Throws ScreenError 66 (unreadable) or 78 (invalid).
 *
 * The bundled questionnaire comes from its built form (../questionnaire/load-built.ts: JSON made
 * at build time, checked against the YAML's SHA-256 on every load) so that `yaml`, compose and
 * lint are not even loaded; when that form is stale or broken the YAML is loaded as usual and a
 * one-line note says why. A user's questionnaire always goes through the full loader.
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadBuiltQuestionnaire } from '../questionnaire/load-built.js';
import type { Questionnaire } from '../questionnaire/model.js';
import { BUNDLED_QUESTIONNAIRE, type CliIo } from './io.js';

/** Where the build writes the bundled questionnaire's built form (dist/questionnaires/). */
export const BUNDLED_BUILT_FORM = new URL('../questionnaires/sciatica-massage.json', import.meta.url);

export async function loadQuestionnaireArg(arg: string | undefined, io: Pick<CliIo, 'cwd' | 'stderr'>): Promise<Questionnaire> {
  if (arg !== undefined) return (await import('../questionnaire/load.js')).loadQuestionnaire(resolve(io.cwd, arg), arg);
  const file = fileURLToPath(BUNDLED_QUESTIONNAIRE);
  const built = await loadBuiltQuestionnaire(BUNDLED_QUESTIONNAIRE, BUNDLED_BUILT_FORM, file);
  if (built.kind === 'loaded') return built.questionnaire;
  if (built.kind === 'unusable') {
    io.stderr.write(`sciatica-screen: note: the bundled questionnaire is read from its YAML (slower): ${built.reason}; \`npm run build\` rebuilds it\n`);
  }
  return (await import('../questionnaire/load.js')).loadQuestionnaire(BUNDLED_QUESTIONNAIRE);
}
