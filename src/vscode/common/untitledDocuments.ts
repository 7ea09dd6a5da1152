import * as vscode from 'vscode';

/**
 * A new unsaved Markdown document holding `content`. It is bound to no path: an untitled document
 * opened with one (`untitled:report.md`) is saved by VS Code straight to that path with no dialog (for a
 * bare name, at the root of the file system), and it still asks to be saved once emptied. Unbound, it
 * is saved only through a save dialog, and closes without a question once it is empty.
 *
 * VS Code names a new untitled document with the lowest free number (Untitled-5). When a document of
 * that name was closed shortly before, the extension host can still hold the closed one and hand it
 * back, with its old text (seen with a report closed and a copy opened next): saving it would write the
 * wrong document. Such a document is never returned: the next one, under a new name, is asked for, and
 * never getting one is an error that saves nothing.
 */
export async function openUntitledMarkdown(content: string): Promise<vscode.TextDocument> {
  for (let attempt = 0; attempt < 20; attempt++) {
    const opened = await vscode.workspace.openTextDocument({ language: 'markdown', content });
    if (opened.getText() === content) return opened;
  }
  throw new Error(vscode.l10n.t('VS Code did not open the new document. Nothing was saved; please try again.'));
}
