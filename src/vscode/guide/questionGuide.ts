import * as vscode from 'vscode';
import { noteUri } from '../notes/workspaceNoteSource';
import { GuideQuestion, guideState, GuideState, LiveHint, liveHints, notesOfPerson, PreviousConversation, stopAt } from '../../core/live';
import { achievementsNamed, analyzeNote, Note, NoteAnalysis, QuestionScript } from '../../core/note';
import { today } from '../../core/base';
import { Disposable } from '../common/dispose';
import { createGuardedTreeView } from '../common/guardedTreeView';
import { Commands, ContextKeys, Views } from '../common/ids';
import { analyzeDocument, isGrowthDocument } from '../notes/noteAnalysis';
import { readNoteText } from '../common/noteFiles';
import { NotesIndexManager } from '../notes/notesIndex';
import { activeScript } from '../notes/questionScripts';

const TYPING_DELAY_MS = 200;

/** A row of the guide: a question, or one line of its guidance under it. */
export type GuideItem =
  | { readonly kind: 'question'; readonly entry: GuideQuestion }
  | { readonly kind: 'detail'; readonly parent: GuideQuestion; readonly label: string; readonly text: string; readonly icon: string };

/** The active growth note as the guide sees it. */
export interface GuideSnapshot {
  readonly editor: vscode.TextEditor;
  readonly analysis: NoteAnalysis;
  readonly script: QuestionScript;
  readonly state: GuideState;
  /** Where the cursor is: a question id, `next-steps`, `private`, or undefined above the first section. */
  readonly stop?: string;
  /** The method's suggestions for this note, each applied only by a click. */
  readonly hints: readonly LiveHint[];
}

/** The "Question Guide" tree: the script's questions for the active note, live as it is typed in. */
export class QuestionGuideProvider extends Disposable implements vscode.TreeDataProvider<GuideItem> {
  private readonly changeEmitter = this._register(new vscode.EventEmitter<GuideItem | undefined>());
  readonly onDidChangeTreeData = this.changeEmitter.event;
  private readonly snapshotEmitter = this._register(new vscode.EventEmitter<void>());
  /** Fires after every refresh (cursor, typing): the Current Question card follows this. */
  readonly onDidChangeSnapshot = this.snapshotEmitter.event;
  /** The rows last shown: the tree is only redrawn when they change, so a row clicked mid-typing still works. */
  private shownRows: string | undefined;
  private snapshotValue: GuideSnapshot | undefined;
  private items: GuideItem[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private generation = 0;
  private readonly previousNotes = new Map<string, Note | undefined>();

  /** `notes` finds the person's previous conversation for the hints; without it there are fewer hints. */
  constructor(private readonly notes?: NotesIndexManager) {
    super();
    if (notes) this._register(notes.index.onDidChange(() => this.previousNotes.clear()));
    this._register(new vscode.Disposable(() => clearTimeout(this.timer)));
  }

  get snapshot(): GuideSnapshot | undefined {
    return this.snapshotValue;
  }

  /** Recomputes from the active editor's text (not the file on disk); only the active note is parsed. */
  refresh(): Promise<void> {
    const run = this.compute(++this.generation);
    this.newest = run;
    // A refresh overtaken by a newer one settles with the newest, so a caller always sees the latest state.
    const settle = (done: Promise<void>): Promise<void> => done.then(() => (this.newest === done ? undefined : settle(this.newest)));
    return settle(run);
  }

  private newest: Promise<void> = Promise.resolve();

  private async compute(generation: number): Promise<void> {
    const editor = vscode.window.activeTextEditor;
    let snapshot: GuideSnapshot | undefined;
    if (editor && isGrowthDocument(editor.document)) {
      const { script } = await activeScript(vscode.workspace.getWorkspaceFolder(editor.document.uri));
      const analysis = analyzeDocument(editor.document, script);
      const cursor = editor.selection.active.line;
      const previous = await this.previousConversation(editor.document.uri, analysis, script);
      const hints = liveHints({ note: analysis.note, script, previous, today: today() });
      snapshot = { editor, analysis, script, state: guideState(analysis.note, script, cursor, achievementsNamed(analysis)), stop: stopAt(analysis.note, cursor), hints };
    }
    if (generation !== this.generation) return; // a newer refresh is under way
    this.snapshotValue = snapshot;
    this.items = snapshot ? snapshot.state.questions.map(entry => ({ kind: 'question', entry })) : [];
    void vscode.commands.executeCommand('setContext', ContextKeys.isGrowthNote, snapshot !== undefined);
    const rows = JSON.stringify(this.items.map(item => {
      const tree = this.getTreeItem(item);
      return [tree.label, tree.description, tree.tooltip instanceof vscode.MarkdownString ? tree.tooltip.value : tree.tooltip, (tree.iconPath as vscode.ThemeIcon | undefined)?.id];
    }));
    if (rows !== this.shownRows) {
      this.shownRows = rows;
      this.changeEmitter.fire(undefined);
    }
    this.snapshotEmitter.fire();
  }

  /** The same person's latest conversation before this note's date, from the index, read once into the note model. */
  private async previousConversation(uri: vscode.Uri, analysis: NoteAnalysis, script: QuestionScript): Promise<PreviousConversation | undefined> {
    const { note } = analysis;
    if (!this.notes || !note.person) return undefined;
    const own = uri.toString();
    const before = notesOfPerson(this.notes.index.all(), note.person)
      .filter(n => n.path !== own && n.date !== undefined && (note.date === undefined || n.date < note.date));
    const last = before[before.length - 1];
    if (!last?.date) return undefined;
    if (!this.previousNotes.has(last.path)) {
      const text = await readNoteText(noteUri(last.path));
      this.previousNotes.set(last.path, text === undefined ? undefined : analyzeNote(text, script).note);
    }
    const previous = this.previousNotes.get(last.path);
    return previous && { date: last.date, note: previous };
  }

  scheduleRefresh(): void {
    clearTimeout(this.timer);
    if (this.isDisposed) return; // an editor event can still arrive while the extension shuts down
    this.timer = setTimeout(() => void this.refresh(), TYPING_DELAY_MS);
  }

  /** A compact list: one row per question. The current question's full guidance is in the Current Question view above. */
  getChildren(element?: GuideItem): GuideItem[] {
    return element ? [] : this.items;
  }

  /** The guidance and hints of one question, as the tooltip and the Current Question view show them. */
  detailsOf(entry: GuideQuestion): GuideItem[] {
    const question = entry.question;
    const details: GuideItem[] = entry.hints.map(hint => ({ kind: 'detail', parent: entry, label: hint, text: hint, icon: 'warning' }));
    if (question.why) details.push({ kind: 'detail', parent: entry, label: vscode.l10n.t('Why'), text: question.why, icon: 'question' });
    if (question.listenFor) details.push({ kind: 'detail', parent: entry, label: vscode.l10n.t('Listen for'), text: question.listenFor, icon: 'comment-discussion' });
    if (question.capture) details.push({ kind: 'detail', parent: entry, label: vscode.l10n.t('Capture'), text: question.capture, icon: 'edit' });
    return details;
  }

  getParent(element: GuideItem): GuideItem | undefined {
    return element.kind === 'detail' ? this.items.find(item => item.kind === 'question' && item.entry === element.parent) : undefined;
  }

  getTreeItem(element: GuideItem): vscode.TreeItem {
    if (element.kind === 'detail') {
      const isHint = element.icon === 'warning';
      const item = new vscode.TreeItem(isHint ? element.text : `${element.label}: ${element.text}`);
      item.tooltip = element.text;
      item.iconPath = new vscode.ThemeIcon(element.icon, isHint ? new vscode.ThemeColor('list.warningForeground') : undefined);
      return item;
    }
    const { entry } = element;
    const item = new vscode.TreeItem(`${entry.number}. ${entry.question.title}`, vscode.TreeItemCollapsibleState.None);
    item.id = `question:${entry.question.id}`;
    item.description = questionProgress(entry, this.snapshotValue);
    item.iconPath = entry.current ? new vscode.ThemeIcon('arrow-right', new vscode.ThemeColor('charts.blue'))
      : entry.answered ? new vscode.ThemeIcon('pass-filled', new vscode.ThemeColor('charts.green'))
        : new vscode.ThemeIcon('circle-large-outline');
    item.contextValue = entry.question.records ? `question.${entry.question.records}` : 'question';
    item.tooltip = tooltip(entry);
    item.accessibilityInformation = { label: vscode.l10n.t('Question {0}: {1}. {2}', entry.number, entry.question.title, item.description) };
    item.command = { command: Commands.revealQuestion, title: vscode.l10n.t('Go to Question'), arguments: [entry.question.id] };
    return item;
  }

}

/** A question row's state: where the manager is, what is recorded, what needs a second look. */
function questionProgress(entry: GuideQuestion, snapshot: GuideSnapshot | undefined): string {
  const parts = [entry.current ? vscode.l10n.t('you are here') : entry.answered ? vscode.l10n.t('answered') : entry.section ? vscode.l10n.t('not yet') : vscode.l10n.t('no section')];
  const note = snapshot?.analysis.note;
  if (entry.question.records === 'careerPath') parts.push(vscode.l10n.t('path: {0}', note?.careerPath ?? vscode.l10n.t('not set')));
  if (entry.question.records === 'flightRisk') parts.push(vscode.l10n.t('risk: {0}', note?.flightRisk ?? vscode.l10n.t('not set')));
  if (entry.hints.length > 0) parts.push(vscode.l10n.t('{0} to check', entry.hints.length));
  return parts.join(' · ');
}

function tooltip(entry: GuideQuestion): vscode.MarkdownString {
  const q = entry.question;
  const lines = [`**${entry.number}. ${q.title}**${q.optional ? ` _${vscode.l10n.t('(may be skipped)')}_` : ''}`, ''];
  if (q.why) lines.push(`**${vscode.l10n.t('Why:')}** ${q.why}`, '');
  if (q.listenFor) lines.push(`**${vscode.l10n.t('Listen for:')}** ${q.listenFor}`, '');
  if (q.capture) lines.push(`**${vscode.l10n.t('Capture:')}** ${q.capture}`, '');
  for (const hint of entry.hints) lines.push(`⚠ ${hint}`, '');
  const markdown = new vscode.MarkdownString(lines.join('\n'));
  markdown.isTrusted = false;
  return markdown;
}

/** Registers the guide view; it follows the active editor, the cursor and typing. */
export function registerQuestionGuide(provider: QuestionGuideProvider): vscode.Disposable {
  const view = createGuardedTreeView(Views.guide, 'Question Guide', { treeDataProvider: provider });
  let lastCurrent: string | undefined;
  const update = () => {
    const state = provider.snapshot?.state;
    view.description = state ? vscode.l10n.t('{0} of {1} answered', state.answeredCount, state.questions.length) : undefined;
    const current = state && state.currentIndex >= 0 ? state.questions[state.currentIndex] : undefined;
    // Keep the current question in view, without taking focus from the editor.
    if (current && view.visible && current.question.id !== lastCurrent) {
      const item = provider.getChildren().find(i => i.kind === 'question' && i.entry.question.id === current.question.id);
      if (item) void view.reveal(item, { select: true, focus: false }).then(undefined, () => undefined);
    }
    lastCurrent = current?.question.id;
  };
  void provider.refresh();
  return vscode.Disposable.from(
    view,
    provider,
    provider.onDidChangeSnapshot(update),
    vscode.window.onDidChangeActiveTextEditor(() => void provider.refresh()),
    vscode.window.onDidChangeTextEditorSelection(event => {
      if (event.textEditor === vscode.window.activeTextEditor) provider.scheduleRefresh();
    }),
    vscode.workspace.onDidChangeTextDocument(event => {
      if (event.document === vscode.window.activeTextEditor?.document) provider.scheduleRefresh();
    }),
    vscode.workspace.onDidChangeConfiguration(event => {
      if (event.affectsConfiguration('growth')) void provider.refresh();
    }),
  );
}
