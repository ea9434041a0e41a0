// The format layers of batch, without the engine: where records start and end, and what is written.
import { describe, expect, it } from 'vitest';
import { csvField, neutraliseCsvField } from '../../src/io/batch/neutralise-csv-field.js';
import { JsonArraySplitter } from '../../src/io/batch/json-array-splitter.js';
import { countLines, firstCsvRecordBoundary, lastCsvRecordBoundary, lastLineBoundary } from '../../src/io/batch/record-boundaries.js';
import { inputFramer, TASK_BYTES } from '../../src/io/batch/input-framer.js';
import { formatOfFileName } from '../../src/io/batch/formats.js';
import { BufferPool } from '../../src/io/batch/buffer-pool.js';
import type { ChunkTask } from '../../src/io/batch/process-chunk.js';

const bytes = (s: string) => new TextEncoder().encode(s);
const text = (b: Uint8Array) => new TextDecoder().decode(b);

describe('CSV formula injection', () => {
  it.each([
    ['=1+2', "'=1+2"],
    ['+41 79', "'+41 79"],
    ['-3', "'-3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tx', "'\tx"],
    ['\rx', "'\rx"],
    ['massage_ok', 'massage_ok'],
    ['a=b', 'a=b'],
  ])('%j is written as %j', (value, expected) => {
    expect(neutraliseCsvField(value)).toBe(expected);
  });

  it('neutralises before quoting, so a quoted formula stays inert', () => {
    expect(csvField('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
  });
});

describe('record boundaries', () => {
  it('JSONL cuts after the last LF', () => {
    expect(lastLineBoundary(bytes('{"a":1}\n{"b"'))).toBe(8);
    expect(lastLineBoundary(bytes('{"a":1}'))).toBe(0);
  });

  it('CSV does not cut at a LF inside a quoted field, and reads "" as a quote', () => {
    const csv = 'a,b\n1,"x\ny"\n2,"say ""hi""\nthere"\n3,z';
    expect(text(bytes(csv).subarray(0, lastCsvRecordBoundary(bytes(csv))))).toBe('a,b\n1,"x\ny"\n2,"say ""hi""\nthere"\n');
    expect(firstCsvRecordBoundary(bytes('"a\nb",c\n1,2\n'))).toBe(8);
  });

  it('CSV: a quote inside an unquoted field does not open a quoted field', () => {
    const csv = 'a,b\n1,ab"c\n2,y\n3,';
    expect(lastCsvRecordBoundary(bytes(csv))).toBe(csv.length - 2);
  });

  it('counts lines', () => {
    expect(countLines(bytes('a\nb\n\nc'))).toBe(3);
    expect(countLines(bytes('a\nb\n\nc'), 3)).toBe(1);
  });
});

describe('input framing', () => {
  function frame(format: 'jsonl' | 'csv' | 'json', input: string, pieceSize: number): ChunkTask[] {
    const framer = inputFramer(format, 'in');
    const all = bytes(input);
    const tasks: ChunkTask[] = [];
    // One reused buffer, as the file reader does: the framer must copy what it keeps.
    const reused = new Uint8Array(pieceSize);
    for (let i = 0; i < all.length; i += pieceSize) {
      const n = Math.min(pieceSize, all.length - i);
      reused.set(all.subarray(i, i + n));
      tasks.push(...framer.push(reused.subarray(0, n)));
      reused.fill(0x21);
    }
    tasks.push(...framer.end());
    return tasks;
  }

  it.each([1, 2, 5, 1024])('JSONL in %i-byte pieces: whole lines with their first line number, BOM dropped', (size) => {
    const tasks = frame('jsonl', '\uFEFF{"a":1}\n\n{"b":2}\r\n{"c":3}', size);
    const joined = tasks.map((t) => (t.kind === 'jsonl' ? text(t.bytes) : '')).join('');
    expect(joined).toBe('{"a":1}\n\n{"b":2}\r\n{"c":3}');
    let line = 1;
    for (const t of tasks) {
      if (t.kind !== 'jsonl') throw new Error('jsonl expected');
      expect(t.firstLine).toBe(line);
      line += countLines(t.bytes);
    }
  });

  it.each([1, 3, 7, 4096])('CSV in %i-byte pieces: the header is read once, records are cut whole', (size) => {
    const tasks = frame('csv', '\uFEFFid,"leg_pain"\r\nr1,"a\r\nb"\r\nr2,no\r\n', size);
    expect(tasks.every((t) => t.kind === 'csv' && t.header.join('|') === 'id|leg_pain')).toBe(true);
    expect(tasks.map((t) => (t.kind === 'csv' ? text(t.bytes) : '')).join('')).toBe('r1,"a\r\nb"\r\nr2,no\r\n');
    expect(tasks[0]?.kind === 'csv' && tasks[0].firstLine).toBe(2);
  });

  it('cuts big inputs into tasks of about TASK_BYTES, lines numbered across them', () => {
    const line = `${JSON.stringify({ x: 'y'.repeat(100) })}\n`;
    const n = Math.ceil((3 * TASK_BYTES) / line.length);
    const tasks = frame('jsonl', line.repeat(n), 1024 * 1024);
    expect(tasks.length).toBeGreaterThanOrEqual(3);
    let expected = 1;
    for (const t of tasks) {
      if (t.kind !== 'jsonl') throw new Error('jsonl expected');
      expect(t.firstLine).toBe(expected);
      expect(t.bytes.length).toBeLessThanOrEqual(TASK_BYTES);
      expected += countLines(t.bytes);
    }
    expect(expected - 1).toBe(n);
  });

  it('task bytes come from the given allocator, whole and unchanged however the input is cut', () => {
    const pool = new BufferPool(2 * TASK_BYTES, 8);
    const taken: Uint8Array[] = [];
    const framer = inputFramer('jsonl', 'in', (n) => {
      const b = pool.take(n);
      taken.push(b);
      return b;
    });
    const line = `${JSON.stringify({ x: 'y'.repeat(300) })}\n`;
    const input = bytes(line.repeat(Math.ceil((5 * TASK_BYTES) / line.length)));
    const tasks: ChunkTask[] = [];
    const reused = new Uint8Array(100_003);
    for (let i = 0; i < input.length; i += reused.length) {
      const n = Math.min(reused.length, input.length - i);
      reused.set(input.subarray(i, i + n));
      tasks.push(...framer.push(reused.subarray(0, n)));
      reused.fill(0x21);
    }
    tasks.push(...framer.end());
    const cut = tasks.map((t) => (t.kind === 'jsonl' ? t.bytes : new Uint8Array(0)));
    expect(text(Buffer.concat(cut))).toBe(text(input));
    // every task but the last (the carry at the end) was copied into a pooled buffer
    expect(cut.slice(0, -1).every((b) => taken.includes(b) && b.buffer.byteLength === 2 * TASK_BYTES)).toBe(true);
  });

  it('a CSV header naming a column twice stops the batch', () => {
    expect(() => frame('csv', 'id,age,age\n1,2,3\n', 64)).toThrow('in:1: header column "age" appears twice');
  });
});

describe('JSON array splitting', () => {
  function split(input: string, pieceSize: number) {
    const s = new JsonArraySplitter('in.json');
    const lines: number[] = [];
    const texts: (string | null)[] = [];
    for (let i = 0; i < input.length; i += pieceSize) {
      const out = s.push(input.slice(i, i + pieceSize));
      lines.push(...out.lines);
      texts.push(...out.texts);
    }
    const out = s.end();
    return { lines: [...lines, ...out.lines], texts: [...texts, ...out.texts] };
  }

  it.each([1, 2, 3, 1000])('elements with the line they start on (%i-char pieces)', (size) => {
    const input = '[\n  {"a": "x]\\"}"},\n  {"b": [1, {"c": 2}]},\n  42, "s",\n\n  {"broken": }\n]\n';
    expect(split(input, size)).toEqual({
      lines: [2, 3, 4, 4, 6],
      texts: ['{"a": "x]\\"}"}', '{"b": [1, {"c": 2}]}', '42', '"s"', '{"broken": }'],
    });
  });

  it('an empty array has no elements', () => {
    expect(split(' [ ] ', 1)).toEqual({ lines: [], texts: [] });
  });

  it.each([
    ['{"a":1}', 'in.json:1: expected a JSON array starting with [, found "{"'],
    ['[{"a":1} {"b":2}]', 'in.json:1: expected , or ] after an element, found "{"'],
    ['[\n{"a":1},\n', 'in.json:3: the JSON array is not closed with ]'],
    ['[] x', 'in.json:1: expected nothing after the closing ], found "x"'],
    ['', 'in.json:1: expected a JSON array, found nothing'],
  ])('%j is not a JSON array', (input, message) => {
    expect(() => split(input, 4)).toThrow(message);
  });
});

describe('format from the file name', () => {
  it.each([
    ['a.jsonl', 'jsonl'],
    ['a.NDJSON', 'jsonl'],
    ['dir.x/a.csv', 'csv'],
    ['a.json', 'json'],
    ['a.txt', undefined],
  ])('%s → %s', (name, format) => {
    expect(formatOfFileName(name)).toBe(format);
  });
});

describe('buffer pool', () => {
  it('gives back a returned buffer for the next take, with the length asked for', () => {
    const pool = new BufferPool(16, 2);
    const a = pool.take(10);
    expect(a.length).toBe(10);
    expect(a.buffer.byteLength).toBe(16);
    pool.give(a);
    const b = pool.take(3);
    expect(b.buffer).toBe(a.buffer);
    expect(b.length).toBe(3);
  });

  it('a request larger than the pool size gets a buffer of its own, which is not kept', () => {
    const pool = new BufferPool(16, 2);
    const big = pool.take(17);
    expect(big.buffer.byteLength).toBe(17);
    pool.give(big);
    expect(pool.take(16).buffer).not.toBe(big.buffer);
  });

  it('keeps at most `keep` idle buffers, never the same one twice, and no transferred (detached) one', () => {
    const pool = new BufferPool(16, 1);
    const [a, b] = [pool.take(1), pool.take(1)];
    pool.give(a);
    pool.give(a);
    pool.give(b);
    expect(pool.take(1).buffer).toBe(a.buffer);
    expect(pool.take(1).buffer).not.toBe(b.buffer);
    const c = pool.take(1);
    const transferred = c.buffer as ArrayBuffer;
    structuredClone(transferred, { transfer: [transferred] });
    pool.give(c);
    expect(pool.take(1).buffer.byteLength).toBe(16);
  });
});
