import { closeSync, constants, linkSync, openSync, readSync, renameSync, statSync, unlinkSync, writeFileSync } from 'fs';
import { basename, dirname, join } from 'path';
import { MAX_FRONTMATTER_BYTES, mayHoldGrowthNote } from '../core/note';

/** A write the CLI refuses; the message says why, for the manager. The CLI exits 2. */
export class OutputRefusedError extends Error {}

/**
 * Writes a copy, report or digest the manager asked for, never over a note. A file that exists is
 * refused unless `force`, and anything that may hold a growth note is refused even then. The new
 * content is linked in exclusively, so a file that appears meanwhile is never replaced; with `force`
 * the old file is first moved aside and checked again, so a note moved in at the last moment is put
 * back (or, when that is no longer possible, kept beside it and named), never lost.
 */
export function writeOutputFile(path: string, content: string, force: boolean): void {
  const existing = fileAt(path);
  if (existing === 'other') throw new OutputRefusedError(`"${path}" is not a regular file; nothing was written.`);
  if (existing === 'file') {
    if (mayHoldGrowthNote(readHead(path))) throw new OutputRefusedError(`"${path}" is a growth note. A copy or report is never written over a note: choose another file.`);
    if (!force) throw new OutputRefusedError(`"${path}" already exists. Choose a new file, or add --force to replace it.`);
  }
  const stamp = `${process.pid}.${Date.now()}`;
  const temporary = join(dirname(path), `.${basename(path)}.${stamp}.new`);
  const aside = join(dirname(path), `.${basename(path)}.${stamp}.old`);
  writeFileSync(temporary, content, { flag: 'wx' });
  try {
    if (existing === 'file') {
      renameSync(path, aside);
      if (mayHoldGrowthNote(readHead(aside))) {
        putBack(aside, path);
        throw new OutputRefusedError(`"${path}" became a growth note while writing; it was left as it is and nothing was written.`);
      }
    }
    try {
      linkSync(temporary, path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      throw new OutputRefusedError(`"${path}" appeared while writing; it was left as it is and nothing was written.${existing === 'file' ? ` The file it replaced is kept as "${aside}".` : ''}`);
    }
    if (existing === 'file') unlinkSync(aside);
  } finally {
    unlinkSync(temporary);
  }
}

/** What is at `path`: nothing, a regular file, or something else (a folder, a pipe, a device). */
function fileAt(path: string): 'none' | 'file' | 'other' {
  try {
    return statSync(path).isFile() ? 'file' : 'other';
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'none';
    throw new OutputRefusedError(`"${path}" cannot be checked (${(error as NodeJS.ErrnoException).code ?? 'error'}); nothing was written.`);
  }
}

/** Puts a note moved aside back where it was; if something took its place meanwhile, it stays aside and is named. */
function putBack(aside: string, path: string) {
  try {
    linkSync(aside, path);
    unlinkSync(aside);
  } catch {
    throw new OutputRefusedError(`"${path}" became a growth note while writing and another file took its place; the note is kept as "${aside}". Nothing was written.`);
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
