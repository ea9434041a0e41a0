/**
 * An input whose framing is broken (not a JSON array, a CSV header that cannot be used, a record
 * larger than the limit): unlike a bad record, the batch cannot go on. Exit 65.
 */
import { EXIT, ScreenError } from '../../errors.js';

export class BatchFormatError extends ScreenError {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly detail: string,
  ) {
    super('batch.bad-input', EXIT.dataErr, `${file}:${line}: ${detail}`);
  }
}
