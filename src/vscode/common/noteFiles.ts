import * as vscode from 'vscode';
import { decodeNoteBytes } from '../../core/base';
import { MAX_INDEXED_BYTES } from '../../core/workspace';

/**
 * A Markdown file's text: the open document's when there is one (unsaved edits count), else the
 * file's, decoded as UTF-8. Undefined when it is missing, not a regular file, too large or not valid UTF-8.
 */
export async function readNoteText(uri: vscode.Uri): Promise<string | undefined> {
  const open = vscode.workspace.textDocuments.find(d => d.uri.toString() === uri.toString());
  if (open) return open.getText();
  const bytes = await readRegularBytes(uri, MAX_INDEXED_BYTES);
  const decoded = bytes && decodeNoteBytes(bytes);
  return decoded && 'text' in decoded ? decoded.text : undefined;
}

/**
 * A file's bytes when it is a regular file of at most `maxBytes` (a pipe or device named like a note
 * would block `readFile` forever); undefined when it is not, or is missing or unreadable.
 */
export async function readRegularBytes(uri: vscode.Uri, maxBytes: number): Promise<Uint8Array | undefined> {
  try {
    const stat = await vscode.workspace.fs.stat(uri);
    if (!(stat.type & vscode.FileType.File) || stat.size > maxBytes) return undefined;
    return await vscode.workspace.fs.readFile(uri);
  } catch {
    return undefined;
  }
}

/**
 * A file that can hold a note: on disk (`file:`), or in the workspace's own file system wherever the
 * workspace lives (`vscode-vfs:` in github.dev, `vscode-remote:` from a browser's web worker). Never an
 * unsaved copy, a read-only brief or a git version of a note.
 */
export function isNoteFileUri(uri: vscode.Uri): boolean {
  return uri.scheme === 'file' || (vscode.workspace.workspaceFolders ?? []).some(folder => folder.uri.scheme === uri.scheme);
}
