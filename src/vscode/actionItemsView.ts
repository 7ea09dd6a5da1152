import * as vscode from 'vscode';
import { ActionItem, groupActions, openActionItems } from '../core/crossNoteViews';
import { locateOpenTask } from '../core/noteSummary';
import { isoDay } from '../core/scaffold';
import { createGuardedTreeView, logRefusal } from './growthLog';
import { Commands, ContextKeys, Views } from './ids';
import { applyNoteEdit } from './noteDocuments';
import { NotesIndexManager } from './notesIndex';
import { openAt } from './themesView';
import { trustedOrExplain } from './trust';

export type ActionTreeItem = { readonly kind: 'group'; readonly group: string; readonly items: ActionItem[] } | { readonly kind: 'action'; readonly item: ActionItem };

/** "Action Items": what the conversations promised and is not done yet, overdue first. */
export class ActionItemsViewProvider implements vscode.TreeDataProvider<ActionTreeItem> {
  private readonly changeEmitter = new vscode.EventEmitter<ActionTreeItem | undefined>();
  readonly onDidChangeTreeData = this.changeEmitter.event;
  groupBy: 'person' | 'owner' = 'person';

  constructor(private readonly notes: NotesIndexManager) {}

  refresh(): void {
    this.changeEmitter.fire(undefined);
  }

  async getChildren(element?: ActionTreeItem): Promise<ActionTreeItem[]> {
    if (element) return element.kind === 'group' ? element.items.map(item => ({ kind: 'action', item })) : [];
    await this.notes.ready;
    const items = openActionItems(this.notes.index.all(), isoDay(new Date()));
    return groupActions(items, this.groupBy).map(({ group, items: list }) => ({ kind: 'group', group, items: list }));
  }

  getTreeItem(element: ActionTreeItem): vscode.TreeItem {
    if (element.kind === 'group') {
      const overdue = element.items.filter(i => i.overdue).length;
      const item = new vscode.TreeItem(element.group, vscode.TreeItemCollapsibleState.Expanded);
      item.description = `${element.items.length} open${overdue > 0 ? ` · ${overdue} overdue` : ''}`;
      item.iconPath = new vscode.ThemeIcon(this.groupBy === 'person' ? 'person' : 'account');
      item.id = `group:${this.groupBy}:${element.group}`;
      return item;
    }
    const { item: action } = element;
    const item = new vscode.TreeItem(action.text.replace(/\s*due:\d{4}-\d{2}-\d{2}/, ''));
    item.description = [action.due ? `due ${action.due}` : '', action.overdue ? 'overdue' : '', this.groupBy === 'owner' ? action.person : ''].filter(Boolean).join(' · ');
    item.iconPath = action.overdue ? new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground')) : new vscode.ThemeIcon('circle-large-outline');
    item.tooltip = `${action.text}\n${action.person}, from the conversation of ${action.noteDate ?? 'an undated note'}`;
    item.contextValue = 'action';
    item.command = openAt(action.path, action.line);
    item.id = `action:${action.path}:${action.line}`;
    return item;
  }
}

/**
 * Ticks an action item in its note, through an undoable edit of that one line. The view may be a
 * moment behind the note: the item is found again by its text, and never guessed.
 */
export async function completeAction(item: ActionItem): Promise<boolean> {
  const action = 'Ticking an action item';
  if (!trustedOrExplain(action)) return false;
  const uri = vscode.Uri.parse(item.path);
  const document = await vscode.workspace.openTextDocument(uri).then(d => d, () => undefined);
  const place = document && locateOpenTask(document.getText().split(/\r?\n/), item);
  if (!place) {
    logRefusal(action, 'the note no longer holds that open item', uri);
    void vscode.window.showWarningMessage('That action item is no longer open in its note, so nothing was ticked.');
    return false;
  }
  const edit = new vscode.WorkspaceEdit();
  edit.replace(uri, new vscode.Range(place.line, place.boxColumn, place.line, place.boxColumn + 3), '[x]');
  return applyNoteEdit(action, uri, edit);
}

export function registerActionItemsView(provider: ActionItemsViewProvider, notes: NotesIndexManager): vscode.Disposable {
  const view = createGuardedTreeView(Views.actions, 'Action Items', { treeDataProvider: provider, showCollapseAll: true });
  const setGrouping = (by: 'person' | 'owner') => {
    provider.groupBy = by;
    void vscode.commands.executeCommand('setContext', ContextKeys.actionsGroupedByOwner, by === 'owner');
    provider.refresh();
  };
  return vscode.Disposable.from(
    view,
    notes.index.onDidChange(() => provider.refresh()),
    vscode.commands.registerCommand(Commands.groupActionsByPerson, () => setGrouping('person')),
    vscode.commands.registerCommand(Commands.groupActionsByOwner, () => setGrouping('owner')),
    // A row's button passes the row; with no row (palette, a key) the selected row is the one meant.
    vscode.commands.registerCommand(Commands.completeAction, (element?: ActionTreeItem | ActionItem) => {
      const chosen = element ?? view.selection[0];
      const item = !chosen || typeof chosen !== 'object' ? undefined : 'kind' in chosen ? (chosen.kind === 'action' ? chosen.item : undefined) : chosen;
      if (!item) {
        void vscode.window.showInformationMessage('Select an action item in the Action Items view first.');
        return false;
      }
      return completeAction(item);
    }),
  );
}
