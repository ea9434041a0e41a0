// Loaded with `node --import` before the CLI (test/faults/): every file opened through
// fs/promises whose path matches FAULT_PATH fails its writes with ENOSPC once more than
// FAULT_AFTER_BYTES would have been written — a full disk at exactly that write, on any
// filesystem. syncBuiltinESMExports makes `import { open } from 'node:fs/promises'` see it.
import fsp from 'node:fs/promises';
import { syncBuiltinESMExports } from 'node:module';

const match = new RegExp(process.env.FAULT_PATH ?? '^$');
const after = Number(process.env.FAULT_AFTER_BYTES ?? 0);
const realOpen = fsp.open;

function enospc() {
  return Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC', errno: -28, syscall: 'write' });
}

fsp.open = async function open(path, ...rest) {
  const fh = await realOpen.call(this, path, ...rest);
  if (!match.test(String(path))) return fh;
  let written = 0;
  const write = fh.write.bind(fh);
  const writev = fh.writev.bind(fh);
  fh.write = async (buf, ...args) => {
    const n = typeof buf === 'string' ? Buffer.byteLength(buf) : buf.length;
    if (written + n > after) throw enospc();
    const r = await write(buf, ...args);
    written += r.bytesWritten;
    return r;
  };
  fh.writev = async (bufs, ...args) => {
    const n = bufs.reduce((s, b) => s + b.length, 0);
    if (written + n > after) throw enospc();
    const r = await writev(bufs, ...args);
    written += r.bytesWritten;
    return r;
  };
  return fh;
};
syncBuiltinESMExports();
