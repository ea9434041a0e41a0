/**
 * Positions and problems for one YAML document: turns node offsets into 1-based `file:line:col`
 * and collects problems (never throws them), so one run reports everything it finds.
 */
import { isAlias, type Document, type LineCounter, type Node } from 'yaml';
import { problemAt, type Problem } from '../errors.js';
import type { Position } from './model.js';
import { severityOf, type ProblemCode } from './problem-codes.js';

export class YamlReader {
  readonly problems: Problem[] = [];

  constructor(
    readonly file: string,
    private readonly lineCounter: LineCounter,
    private readonly doc?: Document,
  ) {}

  /** 1-based position of a 0-based character offset into the (BOM-less) text. */
  at(offset: number): Position {
    const { line, col } = this.lineCounter.linePos(Math.max(0, offset));
    return { file: this.file, line, col };
  }

  /** Where a node starts (for a block map: its first key). */
  pos(node: Node | null | undefined, fallback?: Position): Position {
    const start = node?.range?.[0];
    if (start === undefined) return fallback ?? this.at(0);
    return this.at(start);
  }

  /** The node an alias stands for (read-yaml has already bounded how far aliases expand). */
  resolve(node: unknown): unknown {
    if (isAlias(node) && this.doc) return node.resolve(this.doc) ?? null;
    return node;
  }

  report(code: ProblemCode, message: string, where: Position): void {
    this.problems.push(problemAt(code, severityOf(code), message, where));
  }
}
