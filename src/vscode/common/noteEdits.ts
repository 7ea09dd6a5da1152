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
