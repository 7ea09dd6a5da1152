import * as vscode from 'vscode';
import { PersonSummary, peopleSummaries } from '../core/crossNoteViews';
import { daysAgo } from '../core/prepare';
import { isoDay } from '../core/scaffold';
import { Commands, Views } from './ids';
import { NotesIndexManager } from './notesIndex';
import { openAt } from './themesView';
import { createGuardedTreeView } from './growthLog';

export type PersonTreeItem = { readonly kind: 'person'; readonly person: PersonSummary } | { readonly kind: 'conversation'; readonly path: string; readonly date?: string };

// Flight risk is manager-only: a quiet colour on the icon, spelt out only in the tooltip.
const RISK_COLOURS: Record<string, string> = { high: 'charts.red', medium: 'charts.yellow' };

/** "People": who is due for a conversation, with their latest state. */
export class PeopleViewProvider implements vscode.TreeDataProvider<PersonTreeItem> {
  private readonly changeEmitter = new vscode.EventEmitter<PersonTreeItem | undefined>();
  readonly onDidChangeTreeData = this.changeEmitter.event;

  constructor(private readonly notes: NotesIndexManager) {}

  refresh(): void {
    this.changeEmitter.fire(undefined);
  }

  async getChildren(element?: PersonTreeItem): Promise<PersonTreeItem[]> {
    if (element) return element.kind === 'person' ? [...element.person.conversations].reverse().map(c => ({ kind: 'conversation', ...c })) : [];
    await this.notes.ready;
    return peopleSummaries(this.notes.index.all(), isoDay(new Date())).map(person => ({ kind: 'person', person }));
  }

  getTreeItem(element: PersonTreeItem): vscode.TreeItem {
    if (element.kind === 'conversation') {
      const item = new vscode.TreeItem(element.date ?? 'undated');
      item.iconPath = new vscode.ThemeIcon('note');
      item.command = openAt(element.path, 0);
      item.id = `person-note:${element.path}`;
      return item;
    }
    const { person } = element;
    const item = new vscode.TreeItem(person.person, vscode.TreeItemCollapsibleState.Collapsed);
    const since = person.daysSince === undefined ? 'no dated conversation' : daysAgo(person.daysSince);
    item.description = [person.overdue ? 'due' : '', since, person.openActions > 0 ? `${person.openActions} open` : ''].filter(Boolean).join(' · ');
    const colour = person.flightRisk ? RISK_COLOURS[person.flightRisk] : undefined;
    item.iconPath = new vscode.ThemeIcon(person.overdue ? 'bell' : 'person', colour ? new vscode.ThemeColor(colour) : undefined);
    item.tooltip = new vscode.MarkdownString([
      `**${person.person}**${person.team ? ` (${person.team})` : ''}`,
      `Last conversation: ${person.lastDate ?? 'none dated'}${person.overdue ? ' (a new one is due)' : ''}`,
      `Career path: ${person.careerPath ?? 'not recorded'}`,
      `Flight risk: ${person.flightRisk ?? 'not recorded'}`,
      `Open action items: ${person.openActions}`,
    ].join('\n\n'));
    item.contextValue = 'person';
    item.id = `person:${person.person}`;
    return item;
  }
}

export function registerPeopleView(provider: PeopleViewProvider, notes: NotesIndexManager): vscode.Disposable {
  return vscode.Disposable.from(
    createGuardedTreeView(Views.people, 'People', { treeDataProvider: provider, showCollapseAll: true }),
    notes.index.onDidChange(() => provider.refresh()),
    // From a row's button, or from the palette / a key with no row: then the picker asks who.
    vscode.commands.registerCommand(Commands.newConversationWith, (element?: PersonTreeItem) =>
      vscode.commands.executeCommand(Commands.newConversation, element?.kind === 'person' ? { person: element.person.person } : {})),
  );
}

/** Opens a note (by URI string) with the cursor on a line. */
export function registerOpenNoteAt(): vscode.Disposable {
  return vscode.commands.registerCommand(Commands.openNoteAt, async (path: string, line = 0) => {
    const editor = await vscode.window.showTextDocument(vscode.Uri.parse(path));
    const target = Math.min(line, editor.document.lineCount - 1);
    editor.selection = new vscode.Selection(target, 0, target, 0);
    editor.revealRange(new vscode.Range(target, 0, target, 0), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  });
}
