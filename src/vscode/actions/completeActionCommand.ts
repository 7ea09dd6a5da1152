import * as vscode from 'vscode';
import { noteUri } from '../notes/workspaceNoteSource';
import { Command } from '../common/commandManager';
import { WriteActions } from '../common/writeActions';
import { ActionItem } from '../../core/workspace';
import { locateOpenTask } from '../../core/note';
import { ActionItemsViewProvider, ActionTreeItem } from './actionItemsView';
import { logRefusal } from '../common/growthLog';
import { Commands } from '../common/ids';
import { applyNoteEditAt } from '../common/noteEdits';
import { trustedOrExplain } from '../common/trust';

/** Ticks an action item: the row whose button was pressed, else the row selected in the view. */
export class CompleteActionCommand implements Command {
  readonly id = Commands.completeAction;

  constructor(private readonly view: ActionItemsViewProvider) {}

  execute(element?: unknown): Promise<boolean> | boolean {
    // A row's button passes the row; with no row (palette, a key) the selected row is the one meant.
    const chosen = (element ?? this.view.selection[0]) as ActionTreeItem | ActionItem | undefined;
    const item = !chosen || typeof chosen !== 'object' ? undefined : 'kind' in chosen ? (chosen.kind === 'action' ? chosen.item : undefined) : chosen;
    if (!item) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Select an action item in the Action Items view first.'));
      return false;
    }
    return completeAction(item);
  }
}

/**
 * Ticks an action item in its note, through an undoable edit of that one line. The view may be a
 * moment behind the note: the item is found again by its text in the note model, and never guessed;
 * the edit is refused when the note changes between finding the box and ticking it.
 */
async function completeAction(item: ActionItem): Promise<boolean> {
  const action = WriteActions.tickActionItem;
  if (!trustedOrExplain(action)) return false;
  const uri = noteUri(item.path);
  const document = await vscode.workspace.openTextDocument(uri).then(d => d, () => undefined);
  // From here to the edit nothing is awaited: the box is found in the text of this very version.
  const version = document?.version;
  const place = document && locateOpenTask(document.getText(), item);
  if (!document || version === undefined || !place) {
    logRefusal(action.log, 'the note no longer holds that open item', uri);
    void vscode.window.showWarningMessage(vscode.l10n.t('That action item is no longer open in its note, so nothing was ticked.'));
    return false;
  }
  return applyNoteEditAt(action, document, version, [vscode.TextEdit.replace(new vscode.Range(place.line, place.boxColumn, place.line, place.boxColumn + 3), '[x]')]);
}
