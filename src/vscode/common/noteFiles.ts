import * as vscode from 'vscode';
import { decodeNoteBytes } from '../../core/base';

/**
 * A Markdown file's text: the open document's when there is one (unsaved edits count), else the
 * file's, decoded as UTF-8. Undefined when it is missing or not valid UTF-8.
 */
export async function readNoteText(uri: vscode.Uri): Promise<string | undefined> {
  const open = vscode.workspace.textDocuments.find(d => d.uri.toString() === uri.toString());
  if (open) return open.getText();
  try {
    const decoded = decodeNoteBytes(await vscode.workspace.fs.readFile(uri));
    return 'text' in decoded ? decoded.text : undefined;
  } catch {
    return undefined;
  }
}
