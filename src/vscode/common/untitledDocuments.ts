import * as vscode from 'vscode';

/**
 * A new unsaved Markdown document holding `content`. It is bound to no path: an untitled document
 * opened with one (`untitled:report.md`) is saved by VS Code straight to that path with no dialog (for a
 * bare name, at the root of the file system), and it still asks to be saved once emptied. Unbound, it
 * is saved only through a save dialog, and closes without a question once it is empty.
 */
export async function openUntitledMarkdown(content: string): Promise<vscode.TextDocument> {
  return vscode.workspace.openTextDocument({ language: 'markdown', content });
}
