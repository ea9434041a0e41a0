/**
 * The questionnaire a command was given (`--questionnaire FILE`, or a positional argument),
 * resolved against the working directory, or the bundled one when none was given. Messages name
 * the file as the user typed it. Throws ScreenError 66 (unreadable) or 78 (invalid).
 */
import { resolve } from 'node:path';
import { loadQuestionnaire } from '../questionnaire/load.js';
import type { Questionnaire } from '../questionnaire/model.js';
import { BUNDLED_QUESTIONNAIRE } from './io.js';

export function loadQuestionnaireArg(arg: string | undefined, cwd: string): Promise<Questionnaire> {
  return arg === undefined ? loadQuestionnaire(BUNDLED_QUESTIONNAIRE) : loadQuestionnaire(resolve(cwd, arg), arg);
}
