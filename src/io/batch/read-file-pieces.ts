/**
 * Reads an open file in pieces of up to `size` bytes into ONE reused buffer: each piece is valid
 * only until the next is requested. Unlike a read stream (a fresh buffer per read, freed only when
 * the garbage collector gets to it), memory stays flat whatever the file size.
 */
import type { FileHandle } from 'node:fs/promises';

export async function* readFilePieces(fh: FileHandle, size = 1024 * 1024): AsyncGenerator<Uint8Array> {
  const buf = new Uint8Array(size);
  for (;;) {
    const { bytesRead } = await fh.read(buf, 0, size, null);
    if (bytesRead === 0) return;
    yield buf.subarray(0, bytesRead);
  }
}
