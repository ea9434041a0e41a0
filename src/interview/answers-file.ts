/**
 * The answers file the interview writes: exactly what `evaluate` and `--resume` read
 * (`{"questionnaire": id, "version": v, "answers": {…}}`, answers in path order, `null` for a
 * skipped optional question). Written atomically, mode 0600: health data is the user's alone.
 */
import { writeFileAtomic } from '../io/write-atomic.js';
import type { Answers, Questionnaire } from '../questionnaire/model.js';

export function answersDocument(q: Questionnaire, answers: Answers): string {
  return `${JSON.stringify({ questionnaire: q.id, version: q.version, answers }, null, 2)}\n`;
}

/** Writes the answers file. Without `replace`, an existing file is never touched (ScreenError 73). */
export async function saveAnswers(path: string, q: Questionnaire, answers: Answers, replace: boolean): Promise<void> {
  await writeFileAtomic(path, answersDocument(q, answers), { mode: 0o600, noClobber: !replace });
}
