/**
 * Folders that never hold notes and are never scanned: version control, packages and the editor's
 * test copies. Defined once: the editor's file search and folder events, and the command line's walks.
 */
export const SKIPPED_FOLDERS: readonly string[] = ['node_modules', '.git', '.vscode-test'];

/** The glob that leaves the skipped folders out of a workspace file search. */
export const SKIPPED_FOLDERS_GLOB = `{${SKIPPED_FOLDERS.map(name => `**/${name}/**`).join(',')}}`;

/** True when a `/`-separated path is inside (or is) a skipped folder. */
export function inSkippedFolder(path: string): boolean {
  return path.split('/').some(segment => SKIPPED_FOLDERS.includes(segment));
}
