import { closeSync, constants, openSync, readSync, renameSync, rmSync, writeFileSync } from 'fs';
import { basename, dirname, join } from 'path';
import { bytesDeclareGrowthNote, MAX_FRONTMATTER_BYTES } from '../core/frontmatter';

/** A write the CLI refuses; the message says why, for the manager. The CLI exits 2. */
export class OutputRefusedError extends Error {}

/**
 * Writes a copy, report or digest the manager asked for, never over a note. A file that exists is
 * refused unless `force`, and a growth note is refused even then. New files are created exclusively,
 * so a note written between the check and the write is not replaced either.
 */
export function writeOutputFile(path: string, content: string, force: boolean): void {
  const head = readHead(path);
  if (head === undefined) {
    try {
      writeFileSync(path, content, { flag: 'wx' });
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      throw new OutputRefusedError(`"${path}" appeared while writing; nothing was written. Run the command again.`);
    }
  }
  if (bytesDeclareGrowthNote(head)) throw new OutputRefusedError(`"${path}" is a growth note. A copy or report is never written over a note: choose another file.`);
  if (!force) throw new OutputRefusedError(`"${path}" already exists. Choose a new file, or add --force to replace it.`);
  // Replace through a new file beside it, then check once more that the target did not become a note.
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  writeFileSync(temporary, content, { flag: 'wx' });
  const now = readHead(path);
  if (now !== undefined && bytesDeclareGrowthNote(now)) {
    rmSync(temporary);
    throw new OutputRefusedError(`"${path}" became a growth note while writing; nothing was replaced.`);
  }
  renameSync(temporary, path);
}

/** The first bytes of an existing file (following links), or undefined when there is no file. */
function readHead(path: string): Uint8Array | undefined {
  let descriptor: number;
  try {
    descriptor = openSync(path, constants.O_RDONLY);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new OutputRefusedError(`"${path}" cannot be checked (${(error as NodeJS.ErrnoException).code ?? 'error'}); nothing was written.`);
  }
  try {
    const head = Buffer.alloc(MAX_FRONTMATTER_BYTES);
    return head.subarray(0, readSync(descriptor, head, 0, head.length, 0));
  } catch (error) {
    throw new OutputRefusedError(`"${path}" is not a file that can be replaced (${(error as NodeJS.ErrnoException).code ?? 'error'}); nothing was written.`);
  } finally {
    closeSync(descriptor);
  }
}
