import * as vscode from 'vscode';
import { CanonicalIndex, monthsBefore, NoteFilter, OrgStatus, statusLabel, ThemeConversation, ThemeNode, themePeople, ThemePerson, themeTree, WorkspaceIndex } from '../../core/workspace';
import { today } from '../../core/base';
import { conversationCount, peopleCount } from '../common/counts';
import { ContextKeys, Views } from '../common/ids';
import { IndexTreeView } from '../common/indexTreeView';
import { linkToNoteLine } from '../common/noteLineLink';
import { NotesIndexManager } from '../notes/notesIndex';
import { rulesFor } from '../common/growthRules';
import { VocabularyManager } from './vocabularyManager';

/** The icon for a theme the organisation has responded to: what the manager can tell people. */
const STATUS_ICONS: Record<OrgStatus, string> = {
  open: 'circle-large-outline', acknowledged: 'eye', 'in-progress': 'sync', resolved: 'pass', 'wont-fix': 'circle-slash',
};

export type ThemeItem =
  | { readonly kind: 'theme'; readonly theme: ThemeNode }
  | { readonly kind: 'person'; readonly theme: ThemeNode; readonly person: ThemePerson }
  | { readonly kind: 'conversation'; readonly theme: ThemeNode; readonly conversation: ThemeConversation; readonly person: string }
  | { readonly kind: 'line'; readonly conversation: ThemeConversation; readonly line: number };

/** The filters a manager sets from the view's title bar. */
export interface ThemeFilters {
  readonly months?: 6 | 12;
  readonly team?: string;
  readonly manager?: string;
  readonly questionId?: string;
}

/** "Themes": what several people raise, patterns first, down to the lines that mention each theme. */
export class ThemesViewProvider extends IndexTreeView<ThemeItem> {
  private filterValues: ThemeFilters = {};
  /** The notes with aliases under their agreed theme, following the index note by note until the vocabulary changes. */
  private canonical: CanonicalIndex | undefined;

  constructor(notes: NotesIndexManager, readonly vocabulary?: VocabularyManager) {
    super(notes, Views.themes, 'Themes');
    if (vocabulary) this._register(vocabulary.onDidChange(() => this.refresh()));
    this._register(new vscode.Disposable(() => this.canonical?.dispose()));
    this._register(vscode.workspace.onDidChangeConfiguration(event => {
      if (event.affectsConfiguration('growth')) this.refresh();
    }));
  }

  /** The filters in force; changed only through `setFilters`, so the title bar always says what is filtered. */
  get filters(): ThemeFilters {
    return this.filterValues;
  }

  /** Replaces the filters (an empty object clears them) and shows them in the view's title. */
  setFilters(filters: ThemeFilters): void {
    this.filterValues = Object.fromEntries(Object.entries(filters).filter(([, value]) => value !== undefined)) as ThemeFilters;
    const f = this.filterValues;
    const parts = [f.months ? vscode.l10n.t('last {0} months', f.months) : '', f.team ?? '', f.manager ?? '', f.questionId ? vscode.l10n.t('question: {0}', f.questionId) : ''].filter(Boolean);
    this.view.description = parts.length > 0 ? parts.join(' · ') : undefined;
    void vscode.commands.executeCommand('setContext', ContextKeys.themeFilterActive, parts.length > 0);
    this.refresh();
  }

  /** The distinct teams or managers the notes name, sorted: what the filter picks offer. */
  valuesOf(field: 'team' | 'manager'): string[] {
    const values = new Set(this.notes.index.all().map(note => note[field]).filter((v): v is string => !!v));
    return [...values].sort((a, b) => a.localeCompare(b));
  }

  /** What the view counts: the index itself, or with the shared vocabulary, every alias as its theme. */
  private viewIndex(): WorkspaceIndex {
    const vocabulary = this.vocabulary?.current;
    if (this.canonical && this.canonical.vocabulary !== vocabulary) {
      this.canonical.dispose();
      this.canonical = undefined;
    }
    if (!vocabulary || vocabulary.isEmpty) return this.notes.index;
    // Built once per vocabulary; after that a changed note reaches it as it reaches the index.
    this.canonical ??= new CanonicalIndex(this.notes.index, vocabulary);
    return this.canonical.index;
  }

  filter(day = today()): NoteFilter {
    return {
      since: this.filterValues.months ? monthsBefore(day, this.filterValues.months) : undefined,
      team: this.filterValues.team,
      manager: this.filterValues.manager,
      questionId: this.filterValues.questionId,
    };
  }

  protected childrenOf(element: ThemeItem | undefined): ThemeItem[] {
    if (!element) {
      const threshold = rulesFor().rules.patternThreshold;
      return themeTree(this.viewIndex(), this.filter(), threshold).map(theme => ({ kind: 'theme', theme }));
    }
    switch (element.kind) {
      case 'theme':
        return [
          ...element.theme.children.map((theme): ThemeItem => ({ kind: 'theme', theme })),
          ...themePeople(this.viewIndex().all(), this.filter(), element.theme.key).map((person): ThemeItem => ({ kind: 'person', theme: element.theme, person })),
        ];
      case 'person':
        return element.person.conversations.map(conversation => ({ kind: 'conversation', theme: element.theme, conversation, person: element.person.person }));
      case 'conversation':
        return element.conversation.lines.map(line => ({ kind: 'line', conversation: element.conversation, line }));
      default:
        return [];
    }
  }

  /** A theme's row: how many people and conversations, whether it is a pattern, and the organisation's response. */
  private themeTreeItem(theme: ThemeNode): vscode.TreeItem {
    const item = new vscode.TreeItem(theme.name, vscode.TreeItemCollapsibleState.Collapsed);
    const people = theme.peopleCount;
    item.description = `${peopleCount(people)} · ${conversationCount(theme.conversationCount)}${theme.pattern ? ` · ${vscode.l10n.t('pattern')}` : ''}`;
    item.iconPath = new vscode.ThemeIcon(theme.pattern ? 'flame' : 'tag', theme.pattern ? new vscode.ThemeColor('charts.orange') : undefined);
    // Names and the org's note come from files: appended as plain text, so no link or image in them can load anything.
    item.tooltip = new vscode.MarkdownString().appendText(theme.name)
      .appendMarkdown(`: ${vscode.l10n.t('raised by {0} in {1}', peopleCount(people), conversationCount(theme.conversationCount))}\n\n${spread(theme.byMonth)}`);
    const response = this.vocabulary?.current.lookup(theme.key)?.response;
    if (response) {
      item.iconPath = new vscode.ThemeIcon(STATUS_ICONS[response.status], theme.pattern ? new vscode.ThemeColor('charts.orange') : undefined);
      item.description = `${item.description} · ${vscode.l10n.t('org: {0}', statusLabel(response.status))}`;
      item.tooltip.appendMarkdown(`\n\n**${vscode.l10n.t('Org response:')}** `).appendText(`${statusLabel(response.status)}${response.owner ? `, ${response.owner}` : ''}`);
      if (response.note) item.tooltip.appendMarkdown('\n\n').appendText(response.note);
    }
    item.contextValue = theme.pattern ? 'theme.pattern' : 'theme';
    item.id = `theme:${theme.key}`;
    return item;
  }

  getTreeItem(element: ThemeItem): vscode.TreeItem {
    switch (element.kind) {
      case 'theme':
        return this.themeTreeItem(element.theme);
      case 'person': {
        const item = new vscode.TreeItem(element.person.person, vscode.TreeItemCollapsibleState.Collapsed);
        item.description = conversationCount(element.person.conversations.length);
        item.iconPath = new vscode.ThemeIcon('person');
        item.id = `theme:${element.theme.key}:${element.person.person}`;
        return item;
      }
      case 'conversation': {
        const { conversation } = element;
        const state = conversation.lines.length > 0 ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None;
        const item = new vscode.TreeItem(conversation.date ?? vscode.l10n.t('undated'), state);
        const mentions = conversation.lines.length;
        item.description = mentions === 0 ? vscode.l10n.t('in the frontmatter') : mentions === 1 ? vscode.l10n.t('1 mention') : vscode.l10n.t('{0} mentions', mentions);
        item.iconPath = new vscode.ThemeIcon('note');
        item.command = linkToNoteLine(conversation.path, conversation.lines[0] ?? 0);
        item.id = `theme:${element.theme.key}:${element.person}:${conversation.path}`;
        return item;
      }
      case 'line': {
        const item = new vscode.TreeItem(vscode.l10n.t('Line {0}', element.line + 1));
        item.iconPath = new vscode.ThemeIcon('go-to-file');
        item.command = linkToNoteLine(element.conversation.path, element.line);
        return item;
      }
    }
  }
}

/** A one-line bar per month over the last year of mentions: how a theme spreads over time. */
function spread(byMonth: ReadonlyMap<string, number>): string {
  const months = [...byMonth.keys()].sort().slice(-12);
  if (months.length === 0) return '';
  const top = Math.max(...months.map(m => byMonth.get(m) ?? 0));
  const bars = '▁▂▃▄▅▆▇█';
  const line = months.map(m => bars[Math.min(bars.length - 1, Math.floor(((byMonth.get(m) ?? 0) / top) * (bars.length - 1)))]).join('');
  return `${vscode.l10n.t('Conversations by month, {0} to {1}:', months[0], months[months.length - 1])} \`${line}\``;
}
