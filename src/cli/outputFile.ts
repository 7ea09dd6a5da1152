import { closeSync, constants, fsyncSync, linkSync, openSync, readSync, renameSync, statSync, unlinkSync, writeSync } from 'fs';
import { randomBytes } from 'crypto';
import { dirname, join } from 'path';
import { msg, writeFailure } from '../core/base';
import { MAX_FRONTMATTER_BYTES, mayHoldGrowthNote } from '../core/note';

/** A write the CLI refuses; the message says why, for the manager. The CLI exits 2. */
export class OutputRefusedError extends Error {}

/** The one step of a write that can run out of room: a seam for tests on machines that cannot mount a tiny disk. */
export interface OutputWriteIo {
  writeAll(descriptor: number, bytes: Uint8Array): void;
}

const NODE_IO: OutputWriteIo = {
  writeAll(descriptor, bytes) {
    for (let done = 0; done < bytes.length;) done += writeSync(descriptor, bytes, done, bytes.length - done);
  },
};

/**
 * Writes a copy, report or digest the manager asked for, as git writes its files: the content goes to
 * a temporary file in the same folder, is flushed to the disk, and is then renamed into place, so the
 * old file stays where it is until the new one replaces it whole (a kill at any moment leaves one or
 * the other). Never over a note: a file that exists is refused unless `force`, and anything that may
 * hold a growth note is refused even then; without `force` the new file is linked in exclusively, so
 * a file that appears meanwhile is never replaced. A failed write leaves nothing behind and says why
 * in plain words (disk full, read-only, name too long).
 */
export function writeOutputFile(path: string, content: string, force: boolean, io: OutputWriteIo = NODE_IO): void {
  const existing = checkTarget(path, force);
  const temporary = writeTemporary(dirname(path), new TextEncoder().encode(content), path, io);
  try {
    if (existing === 'file') {
      // Checked again at the last moment: a note moved here since is left as it is.
      if (checkTarget(path, true) === 'file' && mayHoldGrowthNote(readHead(path))) throw new OutputRefusedError(msg('write.becameNote', path));
      renameSync(temporary, path);
    } else {
      linkIn(temporary, path);
    }
  } catch (error) {
    removeQuietly(temporary);
    throw error instanceof OutputRefusedError ? error : new OutputRefusedError(writeFailure((error as NodeJS.ErrnoException).code, path));
  }
  syncFolder(dirname(path));
}

/** What is at `path`, refusing what may not be replaced; `file` means an existing file that may be. */
function checkTarget(path: string, force: boolean): 'none' | 'file' {
  const existing = fileAt(path);
  if (existing === 'other') throw new OutputRefusedError(msg('write.notRegular', path));
  if (existing === 'file') {
    if (mayHoldGrowthNote(readHead(path))) throw new OutputRefusedError(msg('write.isNote', path));
    if (!force) throw new OutputRefusedError(msg('write.exists', path));
  }
  return existing;
}

/**
 * Writes and flushes the content to a new file of a short random name in `folder`: short, so a name
 * that fits the file system's limit never fails because of the temporary's; hidden, so nothing lists it.
 */
function writeTemporary(folder: string, bytes: Uint8Array, target: string, io: OutputWriteIo): string {
  for (;;) {
    const temporary = join(folder, `.growth-${randomBytes(4).toString('hex')}.tmp`);
    let descriptor: number;
    try {
      descriptor = openSync(temporary, 'wx', 0o644);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') continue;
      throw new OutputRefusedError(writeFailure((error as NodeJS.ErrnoException).code, target));
    }
    try {
      io.writeAll(descriptor, bytes);
      fsyncSync(descriptor);
      closeSync(descriptor);
      return temporary;
    } catch (error) {
      closeQuietly(descriptor);
      removeQuietly(temporary);
      throw new OutputRefusedError(writeFailure((error as NodeJS.ErrnoException).code, target));
    }
  }
}

/** Links the finished temporary in where nothing was: a file that appeared meanwhile is never replaced. */
function linkIn(temporary: string, path: string) {
  try {
    linkSync(temporary, path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new OutputRefusedError(msg('write.appeared', path));
    throw error;
  }
  unlinkSync(temporary);
}

/** Makes the rename itself durable; a file system that cannot sync a folder has nothing to lose here. */
function syncFolder(folder: string) {
  try {
    const descriptor = openSync(folder, constants.O_RDONLY);
    try {
      fsyncSync(descriptor);
    } finally {
      closeSync(descriptor);
    }
  } catch {
    // Some file systems (and Windows) refuse to open or sync a folder.
  }
}

function removeQuietly(path: string) {
  try {
    unlinkSync(path);
  } catch {
    // Already gone.
  }
}

function closeQuietly(descriptor: number) {
  try {
    closeSync(descriptor);
  } catch {
    // The error that matters is the write's.
  }
}

/** What is at `path`: nothing, a regular file, or something else (a folder, a pipe, a device). */
function fileAt(path: string): 'none' | 'file' | 'other' {
  try {
    return statSync(path).isFile() ? 'file' : 'other';
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return 'none';
    if (code === 'ENAMETOOLONG' || code === 'ENOTDIR') throw new OutputRefusedError(writeFailure(code, path));
    throw new OutputRefusedError(msg('write.cannotCheck', path, code ?? 'error'));
  }
}

/** The first bytes of a file, opened without blocking (a pipe never hangs the command). */
function readHead(path: string): Uint8Array {
  const descriptor = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const head = Buffer.alloc(MAX_FRONTMATTER_BYTES);
    return head.subarray(0, readSync(descriptor, head, 0, head.length, 0));
  } finally {
    closeSync(descriptor);
  }
}
