/**
 * Folders that never hold notes and are never scanned: packages, and every folder whose name starts
 * with a dot (version control, editor and tool state, and the snapshots and trash of note apps, such
 * as `.history` or `.trash`, whose copies of notes must not be counted twice). Defined once: the
 * editor's file search and folder events, and the command line's walks.
 */
const SKIPPED_FOLDERS: readonly string[] = ['node_modules'];

/** True for a folder name that is never scanned. */
export function isSkippedFolder(name: string): boolean {
  return name.startsWith('.') || SKIPPED_FOLDERS.includes(name);
}

/** The glob that leaves the skipped folders out of a workspace file search. */
export const SKIPPED_FOLDERS_GLOB = `{${[...SKIPPED_FOLDERS, '.*'].map(name => `**/${name}/**`).join(',')}}`;

/** True when a `/`-separated path, relative to the folder scanned, is inside (or is) a skipped folder. */
export function inSkippedFolder(relativePath: string): boolean {
  return relativePath.split('/').some(isSkippedFolder);
}
