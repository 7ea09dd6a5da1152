import * as vscode from 'vscode';
import { monthsBefore, NoteFilter, ThemeConversation, ThemeNode, ThemePerson, themePeople, themeTree } from '../core/crossNoteViews';
import { isoDay } from '../core/scaffold';
import { OrgStatus, statusLabel, withCanonicalThemes } from '../core/vocabulary';
import { WorkspaceIndex } from '../core/workspaceIndex';
import { Commands, ContextKeys, Views } from './ids';
import { activeScript } from './noteDocuments';
import { NotesIndexManager } from './notesIndex';
import { growthSettings } from './settings';
import { createGuardedTreeView } from './growthLog';
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
  months?: 6 | 12;
  team?: string;
  manager?: string;
  questionId?: string;
}

/** "Themes": what several people raise, patterns first, down to the lines that mention each theme. */
export class ThemesViewProvider implements vscode.TreeDataProvider<ThemeItem> {
  private readonly changeEmitter = new vscode.EventEmitter<ThemeItem | undefined>();
  readonly onDidChangeTreeData = this.changeEmitter.event;
  filters: ThemeFilters = {};

  constructor(private readonly notes: NotesIndexManager, readonly vocabulary?: VocabularyManager) {}

  /** The notes with aliases under their agreed theme, kept until the notes or the vocabulary change. */
  private canonical: WorkspaceIndex | undefined;

  refresh(): void {
    this.canonical = undefined;
    this.changeEmitter.fire(undefined);
  }

  /** What the view counts: the index itself, or with the shared vocabulary, every alias as its theme. */
  private viewIndex(): WorkspaceIndex {
    const vocabulary = this.vocabulary?.current;
    if (!vocabulary || vocabulary.isEmpty) return this.notes.index;
    if (!this.canonical) {
      const canonical = new WorkspaceIndex();
      canonical.batch(() => { for (const note of this.notes.index.all()) canonical.set(note.path, withCanonicalThemes(note, vocabulary)); });
      this.canonical = canonical;
    }
    return this.canonical;
  }

  filter(today = isoDay(new Date())): NoteFilter {
    return {
      since: this.filters.months ? monthsBefore(today, this.filters.months) : undefined,
      team: this.filters.team,
      manager: this.filters.manager,
      questionId: this.filters.questionId,
    };
  }

  async getChildren(element?: ThemeItem): Promise<ThemeItem[]> {
    if (!element) {
      await this.notes.ready;
      const threshold = growthSettings().patternThreshold;
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

  getTreeItem(element: ThemeItem): vscode.TreeItem {
    switch (element.kind) {
      case 'theme': {
        const { theme } = element;
        const item = new vscode.TreeItem(theme.name, vscode.TreeItemCollapsibleState.Collapsed);
        const people = theme.peopleCount;
        item.description = `${people} ${people === 1 ? 'person' : 'people'} · ${theme.conversationCount} conversation${theme.conversationCount === 1 ? '' : 's'}${theme.pattern ? ' · pattern' : ''}`;
        item.iconPath = new vscode.ThemeIcon(theme.pattern ? 'flame' : 'tag', theme.pattern ? new vscode.ThemeColor('charts.orange') : undefined);
        // Names and the org's note come from files: appended as plain text, so no link or image in them can load anything.
        item.tooltip = new vscode.MarkdownString().appendText(theme.name)
          .appendMarkdown(`: raised by ${people} ${people === 1 ? 'person' : 'people'} in ${theme.conversationCount} conversation${theme.conversationCount === 1 ? '' : 's'}\n\n${spread(theme.byMonth)}`);
        const response = this.vocabulary?.current.lookup(theme.key)?.response;
        if (response) {
          item.iconPath = new vscode.ThemeIcon(STATUS_ICONS[response.status], theme.pattern ? new vscode.ThemeColor('charts.orange') : undefined);
          item.description = `${item.description} · org: ${statusLabel(response.status)}`;
          item.tooltip.appendMarkdown('\n\n**Org response:** ').appendText(`${statusLabel(response.status)}${response.owner ? `, ${response.owner}` : ''}`);
          if (response.note) item.tooltip.appendMarkdown('\n\n').appendText(response.note);
        }
        item.contextValue = theme.pattern ? 'theme.pattern' : 'theme';
        item.id = `theme:${theme.key}`;
        return item;
      }
      case 'person': {
        const item = new vscode.TreeItem(element.person.person, vscode.TreeItemCollapsibleState.Collapsed);
        item.description = `${element.person.conversations.length} conversation${element.person.conversations.length === 1 ? '' : 's'}`;
        item.iconPath = new vscode.ThemeIcon('person');
        item.id = `theme:${element.theme.key}:${element.person.person}`;
        return item;
      }
      case 'conversation': {
        const { conversation } = element;
        const state = conversation.lines.length > 0 ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None;
        const item = new vscode.TreeItem(conversation.date ?? 'undated', state);
        item.description = conversation.lines.length > 0 ? `${conversation.lines.length} mention${conversation.lines.length === 1 ? '' : 's'}` : 'in the frontmatter';
        item.iconPath = new vscode.ThemeIcon('note');
        item.command = openAt(conversation.path, conversation.lines[0] ?? 0);
        item.id = `theme:${element.theme.key}:${element.person}:${conversation.path}`;
        return item;
      }
      case 'line': {
        const item = new vscode.TreeItem(`Line ${element.line + 1}`);
        item.iconPath = new vscode.ThemeIcon('go-to-file');
        item.command = openAt(element.conversation.path, element.line);
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
  return `Conversations by month, ${months[0]} to ${months[months.length - 1]}: \`${line}\``;
}

/** A command's argument when it is a string; a tree row passed by a view-title button is not. */
function stringArgument(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

export function openAt(path: string, line: number): vscode.Command {
  return { command: Commands.openNoteAt, title: 'Open Note', arguments: [path, line] };
}

/** Registers the Themes view and its filters. */
export function registerThemesView(provider: ThemesViewProvider, notes: NotesIndexManager): vscode.Disposable {
  const view = createGuardedTreeView(Views.themes, 'Themes', { treeDataProvider: provider, showCollapseAll: true });
  const describe = () => {
    const f = provider.filters;
    const parts = [f.months ? `last ${f.months} months` : '', f.team ?? '', f.manager ?? '', f.questionId ? `question: ${f.questionId}` : ''].filter(Boolean);
    view.description = parts.length > 0 ? parts.join(' · ') : undefined;
    void vscode.commands.executeCommand('setContext', ContextKeys.themeFilterActive, parts.length > 0);
    provider.refresh();
  };
  const pickFrom = async (title: string, values: string[], current: string | undefined) => {
    const all = '$(clear-all) All';
    const choice = await vscode.window.showQuickPick([all, ...values.map(v => (v === current ? `$(check) ${v}` : v))], { title });
    return choice === undefined ? undefined : choice === all ? null : choice.replace(/^\$\(check\) /, '');
  };
  const distinct = (values: (string | undefined)[]) => [...new Set(values.filter((v): v is string => !!v))].sort((a, b) => a.localeCompare(b));

  return vscode.Disposable.from(
    view,
    notes.index.onDidChange(() => provider.refresh()),
    provider.vocabulary?.onDidChange(() => provider.refresh()) ?? new vscode.Disposable(() => undefined),
    vscode.workspace.onDidChangeConfiguration(event => {
      if (event.affectsConfiguration('growth')) provider.refresh();
    }),
    // View-title buttons pass the selected row as the first argument: only a value of the right type is a filter.
    vscode.commands.registerCommand(Commands.filterThemesByPeriod, async (given?: unknown) => {
      const months = given === 6 || given === 12 || given === 0 ? given : undefined;
      const choice = months ?? (await vscode.window.showQuickPick([
        { label: 'Last 6 months', months: 6 as const }, { label: 'Last 12 months', months: 12 as const }, { label: 'All time', months: 0 as const },
      ], { title: 'Which period?' }))?.months;
      if (choice === undefined) return;
      provider.filters.months = choice === 0 ? undefined : choice;
      describe();
    }),
    vscode.commands.registerCommand(Commands.filterThemesByTeam, async (given?: unknown) => {
      const choice = stringArgument(given) ?? await pickFrom('Which team?', distinct(notes.index.all().map(n => n.team)), provider.filters.team);
      if (choice === undefined) return;
      provider.filters.team = choice ?? undefined;
      describe();
    }),
    vscode.commands.registerCommand(Commands.filterThemesByManager, async (given?: unknown) => {
      const choice = stringArgument(given) ?? await pickFrom('Whose conversations?', distinct(notes.index.all().map(n => n.manager)), provider.filters.manager);
      if (choice === undefined) return;
      provider.filters.manager = choice ?? undefined;
      describe();
    }),
    vscode.commands.registerCommand(Commands.filterThemesByQuestion, async (given?: unknown) => {
      let choice: string | null | undefined = stringArgument(given);
      if (choice === undefined) {
        const { script } = await activeScript(vscode.workspace.workspaceFolders?.[0]);
        const all = { label: '$(clear-all) All questions', id: null };
        const picked = await vscode.window.showQuickPick([all, ...script.questions.map((q, i) => ({ label: `${i + 1}. ${q.title}`, id: q.id }))], { title: 'Themes raised under which question?' });
        if (!picked) return;
        choice = picked.id;
      }
      provider.filters.questionId = choice ?? undefined;
      describe();
    }),
    vscode.commands.registerCommand(Commands.clearThemeFilters, () => {
      provider.filters = {};
      describe();
    }),
  );
}
