import * as vscode from 'vscode';
import { AgreedCounts, agreedActions, agreedCounts, IndexedNote, PeopleIndex, PersonSummary } from '../../core/workspace';
import { today } from '../../core/base';
import { daysAgo } from '../../core/live';
import { Views } from '../common/ids';
import { IndexTreeView } from '../common/indexTreeView';
import { linkToNoteLine } from '../common/noteLineLink';
import { NotesIndexManager } from '../notes/notesIndex';

export type PersonTreeItem = { readonly kind: 'person'; readonly person: PersonSummary } | { readonly kind: 'conversation'; readonly path: string; readonly date?: string };

// Flight risk is manager-only: a quiet colour on the icon, spelt out only in the tooltip.
const RISK_COLOURS: Record<string, string> = { high: 'charts.red', medium: 'charts.yellow' };

/** "People": who is due for a conversation, with their latest state. */
export class PeopleViewProvider extends IndexTreeView<PersonTreeItem> {
  /** The rows, kept in step with the index note by note: a changed note costs its person's row only. */
  private readonly people: PeopleIndex;

  constructor(notes: NotesIndexManager) {
    super(notes, Views.people, 'People');
    this.people = this._register(new PeopleIndex(notes.index));
  }

  /** What became of the actions agreed with each person, per row: a row is new whenever that person's notes or the day change. */
  private readonly agreed = new WeakMap<PersonSummary, AgreedCounts>();

  protected childrenOf(element: PersonTreeItem | undefined): PersonTreeItem[] {
    if (element) return element.kind === 'person' ? [...element.person.conversations].reverse().map(c => ({ kind: 'conversation', ...c })) : [];
    return this.people.summaries(today()).map(person => ({ kind: 'person', person }));
  }

  private agreedWith(person: PersonSummary): AgreedCounts {
    let counts = this.agreed.get(person);
    if (!counts) {
      const chain = person.conversations.map(c => this.notes.index.get(c.path)).filter((note): note is IndexedNote => note !== undefined);
      counts = agreedCounts(agreedActions(chain, today()));
      this.agreed.set(person, counts);
    }
    return counts;
  }

  getTreeItem(element: PersonTreeItem): vscode.TreeItem {
    if (element.kind === 'conversation') {
      const item = new vscode.TreeItem(element.date ?? vscode.l10n.t('undated'));
      item.iconPath = new vscode.ThemeIcon('note');
      item.command = linkToNoteLine(element.path, 0);
      item.id = `person-note:${element.path}`;
      return item;
    }
    const { person } = element;
    const item = new vscode.TreeItem(person.person, vscode.TreeItemCollapsibleState.Collapsed);
    const since = person.daysSince === undefined ? vscode.l10n.t('no dated conversation') : daysAgo(person.daysSince);
    const open = person.openActions > 0 ? vscode.l10n.t('{0} open', person.openActions) : '';
    const agreed = this.agreedWith(person);
    const dropped = agreed && agreed.dropped > 0 ? vscode.l10n.t('{0} dropped', agreed.dropped) : '';
    item.description = [person.overdue ? vscode.l10n.t('due') : '', since, open, dropped].filter(Boolean).join(' · ');
    const colour = person.flightRisk ? RISK_COLOURS[person.flightRisk] : undefined;
    item.iconPath = new vscode.ThemeIcon(person.overdue ? 'bell' : 'person', colour ? new vscode.ThemeColor(colour) : undefined);
    item.tooltip = new vscode.MarkdownString(personTooltip(person, agreed));
    item.contextValue = 'person';
    item.id = `person:${person.person}`;
    return item;
  }
}

function personTooltip(person: PersonSummary, agreed: AgreedCounts | undefined): string {
  const notRecorded = vscode.l10n.t('not recorded');
  const last = person.lastDate ?? vscode.l10n.t('none dated');
  return [
    `**${person.person}**${person.team ? ` (${person.team})` : ''}`,
    person.overdue ? vscode.l10n.t('Last conversation: {0} (a new one is due)', last) : vscode.l10n.t('Last conversation: {0}', last),
    vscode.l10n.t('Career path: {0}', person.careerPath ?? notRecorded),
    vscode.l10n.t('Flight risk: {0}', person.flightRisk ?? notRecorded),
    vscode.l10n.t('Open action items: {0}', person.openActions),
    vscode.l10n.t('What we agreed: {0} done, {1} open, {2} dropped', agreed?.done ?? 0, agreed?.open ?? 0, agreed?.dropped ?? 0),
  ].join('\n\n');
}
