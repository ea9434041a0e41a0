/**
 * `sciatica-screen graph [questionnaire] [--format mermaid|dot] [-o file] [--force]`: the question
 * tree as a picture (docs/exports.md § graph). The work is in ../actions/graph.ts.
 */
import { Option, type Command } from 'commander';
import type { GraphOptions } from '../actions/graph.js';
import type { CommandContext } from '../context.js';

export function registerGraph(program: Command, ctx: CommandContext): void {
  program
    .command('graph')
    .description('draw the question tree: questions, branches, red flags, rules and the outcomes they raise (Mermaid or Graphviz DOT)')
    .argument('[questionnaire]', 'questionnaire file (default: the bundled sciatica-massage questionnaire)')
    .addOption(new Option('-f, --format <format>', 'mermaid (renders on GitHub) or dot (Graphviz)').choices(['mermaid', 'dot']).default('mermaid'))
    .option('-o, --output <file>', 'write to this file (atomically) instead of standard output')
    .option('--force', 'replace the --output file if it exists')
    .action(async (file: string | undefined, opts: GraphOptions) => {
      const { runGraph } = await import('../actions/graph.js');
      await runGraph(file, opts, ctx);
    });
}
