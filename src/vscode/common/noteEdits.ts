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
 * Applies an edit worked out from `document` as it read at `version`, so it lands where it was meant or
 * not at all: refused (said and logged) when the note changed since, and sent carrying that version, so
 * VS Code declines it too if keys typed meanwhile reach the note first. The caller reads the text, finds
 * its target in the note model and calls this with no wait in between.
 */
export async function applyNoteEditAt(action: WriteAction, document: vscode.TextDocument, version: number, edit: vscode.WorkspaceEdit): Promise<boolean> {
  if (document.isClosed || document.version !== version) {
    logRefusal(action.log, 'the note changed between reading it and editing it', document.uri);
    void vscode.window.showWarningMessage(vscode.l10n.t('{0}: nothing was changed, because the note changed meanwhile or cannot be written. Try again.', action.shown));
    return false;
  }
  return applyNoteEdit(action, document.uri, edit);
}
