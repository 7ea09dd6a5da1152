import { existsSync } from 'fs';
import { dirname, join, resolve } from 'path';
import { msg } from '../core/base';
import { newSourceIdFile, readSourceId, SOURCE_ID_FILE } from '../core/outputs';
import { OutputRefusedError, writeOutputFile } from './outputFile';
import { readRegularFileSync } from './regularFile';
import { UsageError } from './usageError';

/**
 * Where a notes folder keeps its source id: the nearest `.growth-source-id` from the folder up to its
 * git repository's root (so the CLI given a subfolder finds the one the editor made at the workspace
 * root); to be made, the folder itself (several managers' folders in one repository stay apart).
 */
function sourceIdPath(root: string): string {
  const inside: string[] = [];
  for (let folder = resolve(root); ; folder = dirname(folder)) {
    inside.push(folder);
    if (existsSync(join(folder, '.git'))) break;
    // Outside a repository, only the folder itself: a file higher up belongs to someone else.
    if (dirname(folder) === folder) return join(resolve(root), SOURCE_ID_FILE);
  }
  const found = inside.find(folder => existsSync(join(folder, SOURCE_ID_FILE)));
  return join(found ?? resolve(root), SOURCE_ID_FILE);
}

/**
 * The notes folder's anonymous source id, made once (a random id in `.growth-source-id`, to commit with
 * the notes) and read every time after: a newer digest from the same notes then replaces an older one.
 */
export function digestSourceId(root: string): string {
  const path = sourceIdPath(root);
  let text: string;
  try {
    text = readRegularFileSync(path, 4096).toString('utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw new UsageError(msg('input.unreadable', path, (error as Error).message));
    try {
      writeOutputFile(path, newSourceIdFile(), false);
    } catch (refused) {
      // Made by another run at the same moment: that one is read below.
      if (!(refused instanceof OutputRefusedError) || !existsSync(path)) throw refused;
    }
    text = readRegularFileSync(path, 4096).toString('utf8');
  }
  const id = readSourceId(text);
  if (!id) throw new UsageError(msg('digest.sourceIdBroken', path));
  return id;
}
