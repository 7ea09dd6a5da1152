import * as vscode from 'vscode';
import { WriteAction } from './writeActions';
import { logRefusal } from './growthLog';

/**
 * Applies an edit to notes through the editor, so undo works and unsaved text is kept. VS Code
 * declines an edit computed from text that has changed since; that is said and logged, not hidden.
 */
export async function applyNoteEdit(action: WriteAction, uri: vscode.Uri, edit: vscode.WorkspaceEdit): Promise<boolean> {
  if (await vscode.workspace.applyEdit(edit)) return true;
  logRefusal(action.log, 'the editor declined the edit (the note changed meanwhile, or cannot be written)', uri);
  void vscode.window.showWarningMessage(vscode.l10n.t('{0}: nothing was changed, because the note changed meanwhile or cannot be written. Try again.', action.shown));
  return false;
}

/**
 * Applies edits worked out from `document` as it read at `version`, so they land where they were meant
 * or not at all: refused (said and logged) when the note changed since. A note shown in an editor is
 * edited through that editor, which checks the version and edits in one step. A workspace edit to the
 * active editor's note is not enough: VS Code 1.100 checks its version, then works out a smaller edit
 * in a worker, and applies that without checking again, so keys typed meanwhile put the edit on the
 * wrong text (a test saw "- [x]ed above" where "- typed above" was being typed). The caller reads the
 * text, finds its target in the note model and calls this with no wait in between.
 */
export async function applyNoteEditAt(action: WriteAction, document: vscode.TextDocument, version: number, edits: readonly vscode.TextEdit[]): Promise<boolean> {
  const refuse = () => {
    logRefusal(action.log, 'the note changed between reading it and editing it', document.uri);
    void vscode.window.showWarningMessage(vscode.l10n.t('{0}: nothing was changed, because the note changed meanwhile or cannot be written. Try again.', action.shown));
    return false;
  };
  if (document.isClosed || document.version !== version) return refuse();
  const editor = vscode.window.visibleTextEditors.find(shown => shown.document === document);
  if (!editor) {
    // Not in an editor: the workspace edit's version is checked when it is applied.
    const edit = new vscode.WorkspaceEdit();
    edit.set(document.uri, [...edits]);
    return applyNoteEdit(action, document.uri, edit);
  }
  return await editor.edit(builder => edits.forEach(edit => builder.replace(edit.range, edit.newText))) || refuse();
}
