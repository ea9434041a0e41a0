/** The `graph` action (registered in ../commands/graph.ts): the questionnaire drawn as Mermaid or DOT text. */
import { renderGraph, type GraphFormat } from '../../report/graph.js';
import type { CommandContext } from '../context.js';
import { loadQuestionnaireArg } from '../questionnaire-arg.js';
import { writeOutput } from '../write-output.js';

export interface GraphOptions {
  format: GraphFormat;
  output?: string;
  force?: boolean;
}

export async function runGraph(file: string | undefined, opts: GraphOptions, { io }: CommandContext): Promise<void> {
  const questionnaire = await loadQuestionnaireArg(file, io);
  await writeOutput(io, renderGraph(questionnaire, opts.format), { ...(opts.output === undefined ? {} : { output: opts.output }), force: opts.force === true });
}
