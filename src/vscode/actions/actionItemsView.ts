import * as vscode from 'vscode';
import { ActionItem, actionGroups } from '../../core/workspace';
import { today } from '../../core/base';
import { ContextKeys, Views } from '../common/ids';
import { IndexTreeView } from '../common/indexTreeView';
import { linkToNoteLine } from '../common/noteLineLink';
import { NotesIndexManager } from '../notes/notesIndex';

export type ActionTreeItem = { readonly kind: 'group'; readonly group: string; readonly items: ActionItem[] } | { readonly kind: 'action'; readonly item: ActionItem };

/** How the Action Items view groups its rows. */
export type ActionGrouping = 'person' | 'owner';

/** "Action Items": what the conversations promised and is not done yet, overdue first. */
export class ActionItemsViewProvider extends IndexTreeView<ActionTreeItem> {
  private grouping: ActionGrouping = 'person';

  constructor(notes: NotesIndexManager) {
    super(notes, Views.actions, 'Action Items');
  }

  get groupBy(): ActionGrouping {
    return this.grouping;
  }

  /** Groups by the person the conversation was with, or by the item's owner; the title bar button follows. */
  setGrouping(by: ActionGrouping): void {
    this.grouping = by;
    void vscode.commands.executeCommand('setContext', ContextKeys.actionsGroupedByOwner, by === 'owner');
    this.refresh();
  }

  protected childrenOf(element: ActionTreeItem | undefined): ActionTreeItem[] {
    if (element) return element.kind === 'group' ? element.items.map(item => ({ kind: 'action', item })) : [];
    return actionGroups(this.notes.index.all(), today(), this.grouping).map(({ group, items: list }) => ({ kind: 'group', group, items: list }));
  }

  getTreeItem(element: ActionTreeItem): vscode.TreeItem {
    if (element.kind === 'group') {
      const overdue = element.items.filter(i => i.overdue).length;
      const item = new vscode.TreeItem(element.group, vscode.TreeItemCollapsibleState.Expanded);
      const open = vscode.l10n.t('{0} open', element.items.length);
      item.description = overdue > 0 ? `${open} · ${vscode.l10n.t('{0} overdue', overdue)}` : open;
      item.iconPath = new vscode.ThemeIcon(this.grouping === 'person' ? 'person' : 'account');
      item.id = `group:${this.grouping}:${element.group}`;
      return item;
    }
    const { item: action } = element;
    const item = new vscode.TreeItem(action.text.replace(/\s*due:\d{4}-\d{2}-\d{2}/, ''));
    item.description = [
      action.due ? vscode.l10n.t('due {0}', action.due) : '', action.overdue ? vscode.l10n.t('overdue') : '', this.grouping === 'owner' ? action.person : '',
    ].filter(Boolean).join(' · ');
    item.iconPath = action.overdue ? new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground')) : new vscode.ThemeIcon('circle-large-outline');
    const from = action.noteDate
      ? vscode.l10n.t('{0}, from the conversation of {1}', action.person, action.noteDate)
      : vscode.l10n.t('{0}, from the conversation of an undated note', action.person);
    item.tooltip = `${action.text}\n${from}`;
    item.contextValue = 'action';
    item.command = linkToNoteLine(action.path, action.line);
    item.id = `action:${action.path}:${action.line}`;
    return item;
  }
}
