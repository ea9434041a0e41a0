/**
 * A terminal input for one prompt that stops passing typed characters on after `max` on a line.
 * Inquirer redraws the prompt on every keypress (about 1.6 ms each), so a paste of 10 KB into a
 * number box took 84 s (16 s even with the shown text cut): a bounded line bounds that. Control
 * keys (Enter, Backspace, Ctrl+C, Ctrl+U) always pass; `over` says that characters were dropped,
 * so the prompt can refuse the reply with a message instead of reading a cut-off number.
 *
 * Only for a real terminal (isTTY): raw mode is passed through to it, and it is read only while
 * the prompt is open (`detach` pauses it again).
 */
import { PassThrough } from 'node:stream';

export interface CappedInput {
  readonly input: NodeJS.ReadableStream;
  /** True once characters were dropped on the line being typed (false again when it is emptied). */
  readonly over: boolean;
  /** Stops reading the terminal for this prompt. */
  detach(): void;
}

interface TtyInput extends NodeJS.ReadableStream {
  isTTY?: boolean;
  setRawMode?: (mode: boolean) => unknown;
}

export function capInput(real: TtyInput, max: number): CappedInput {
  const pt = new PassThrough() as PassThrough & { isTTY?: boolean; isRaw?: boolean; setRawMode?: (mode: boolean) => unknown };
  pt.isTTY = true;
  pt.setRawMode = (mode: boolean) => {
    real.setRawMode?.(mode);
    pt.isRaw = mode;
    return pt;
  };
  const pause = pt.pause.bind(pt);
  const resume = pt.resume.bind(pt);
  pt.pause = () => {
    real.pause();
    return pause();
  };
  pt.resume = () => {
    real.resume();
    return resume();
  };

  let count = 0;
  let over = false;
  const onData = (chunk: Buffer | string): void => {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    const kept: number[] = [];
    for (const b of bytes) {
      if (b === 0x0d || b === 0x0a) {
        count = 0; // Enter: the prompt reads `over` when it checks the reply, so it stays until the line is cleared
        kept.push(b);
      } else if (b === 0x15) {
        count = 0; // Ctrl+U: the line is cleared
        over = false;
        kept.push(b);
      } else if (b === 0x7f || b === 0x08) {
        count = Math.max(0, count - 1);
        if (count === 0) over = false;
        kept.push(b);
      } else if (b < 0x20) {
        kept.push(b);
      } else if (count < max) {
        count++;
        kept.push(b);
      } else {
        over = true;
      }
    }
    if (kept.length > 0) pt.write(Buffer.from(kept));
  };
  real.on('data', onData);

  return {
    input: pt,
    get over() {
      return over;
    },
    detach() {
      real.off('data', onData);
      real.pause();
    },
  };
}
