import { closeSync, constants, fstatSync, openSync, readSync } from 'fs';
import { open } from 'fs/promises';
import { msg } from '../core/base';

/** Opened without blocking: a pipe opened for reading would otherwise wait for a writer forever. */
const READ_FLAGS = constants.O_RDONLY | constants.O_NONBLOCK;

/** A file that is not read: not a regular file (`EFTYPE`), or larger than asked (`EFBIG`). */
export class FileFaultError extends Error {
  constructor(readonly code: 'EFTYPE' | 'EFBIG', message: string) {
    super(message);
  }
}

function notRegular(path: string) {
  return new FileFaultError('EFTYPE', msg('input.notRegular', path));
}

function tooLarge(path: string, maxBytes: number) {
  return new FileFaultError('EFBIG', msg('input.tooLarge', path, Math.round(maxBytes / 1024)));
}

/**
 * The bytes of a regular file, checked on the open file itself (so a pipe, a device or a link to one
 * put there after any earlier check is refused, never waited on), and at most `maxBytes` long.
 */
export function readRegularFileSync(path: string, maxBytes: number): Buffer {
  const descriptor = openSync(path, READ_FLAGS);
  try {
    const stat = fstatSync(descriptor);
    if (!stat.isFile()) throw notRegular(path);
    if (stat.size > maxBytes) throw tooLarge(path, maxBytes);
    const bytes = Buffer.alloc(stat.size);
    let done = 0;
    while (done < bytes.length) {
      const read = readSync(descriptor, bytes, done, bytes.length - done, done);
      if (read === 0) break;
      done += read;
    }
    return bytes.subarray(0, done);
  } finally {
    closeSync(descriptor);
  }
}

/** `readRegularFileSync` through the thread pool, for callers with an event loop to keep free. */
export async function readRegularFile(path: string, maxBytes: number): Promise<Buffer> {
  const handle = await open(path, READ_FLAGS);
  try {
    const stat = await handle.stat();
    if (!stat.isFile()) throw notRegular(path);
    if (stat.size > maxBytes) throw tooLarge(path, maxBytes);
    return await handle.readFile();
  } finally {
    await handle.close();
  }
}
