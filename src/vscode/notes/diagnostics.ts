import * as vscode from 'vscode';
import { noteUri } from './workspaceNoteSource';
import { indexContext, PipelineUpdate, validateNoteText, yieldToEventLoop } from '../../core/workspace';
import { normalizeTheme, Problem } from '../../core/base';
import { NoteContext, validateNote } from '../../core/note';
import { toDiagnostic } from '../common/adapters';
import { Settings } from '../common/ids';
import { Disposable } from '../common/dispose';
import { isGrowthDocument, isMarkdown, validationAnalysis } from './noteAnalysis';
import { NotesIndexManager } from './notesIndex';
import { activeScript } from './questionScripts';
import { growthSettings } from '../common/settings';
import { TypingPause } from '../common/typingPause';
import { isNoteFileUri } from '../common/noteFiles';
import { WorkspaceVocabularyProvider } from '../themes/workspaceVocabulary';

const TYPING_DELAY_MS = 250;
const SLICE_MS = 20;

/**
 * Problems in growth notes, fed by the index: open notes are checked as they are typed in, and every
 * other note when the index reports it changed, from the text the index has just read. It keeps the
 * last problems of each document for the quick fixes, and has no watcher of its own.
 */
export class DiagnosticsManager extends Disposable {
  private readonly collection = this._register(vscode.languages.createDiagnosticCollection('growth'));
  /** The problems last shown for each note, and the document version they are for (undefined: the file). */
  private readonly lastProblems = new Map<string, { readonly version: number | undefined; readonly problems: Problem[] }>();
  /** Each theme's usual spelling when last checked: when one changes, notes using that theme are checked again. */
  private spellings = new Map<string, string>();
  private readonly typing = this._register(new TypingPause(TYPING_DELAY_MS));
  /** The newest check asked for each closed note: an older one still running leaves it alone. */
  private readonly requested = new Map<string, number>();
  private sequence = 0;
  private readonly previousKeys = new Map<string, { readonly previous: string; readonly key: string }>();
  private cancellation = new vscode.CancellationTokenSource();

  /** `vocabulary` gives each theme's usual spelling, or the agreed name when a shared vocabulary has one. */
  constructor(private readonly notes: NotesIndexManager, private readonly vocabulary: WorkspaceVocabularyProvider) {
    super();
    [
      notes.pipeline.onDidUpdate(update => void this.indexUpdated(update)),
      vscode.workspace.onDidOpenTextDocument(document => void this.validateDocument(document)),
      vscode.workspace.onDidChangeTextDocument(event => this.schedule(event.document)),
      vscode.workspace.onDidCloseTextDocument(document => this.documentClosed(document)),
      vscode.workspace.onDidChangeConfiguration(event => {
        // A new question script reaches the diagnostics through the index, which reads the notes again.
        if (event.affectsConfiguration(`${Settings.section}.${Settings.validateWorkspace}`)) void this.restart();
      }),
      // Checks still running stop.
      new vscode.Disposable(() => {
        this.cancellation.cancel();
        this.cancellation.dispose();
      }),
    ].forEach(owned => this._register(owned));
    for (const document of vscode.workspace.textDocuments) void this.validateDocument(document);
  }

  /** The problems of an open document as last shown (computed now only when the text has changed since). */
  async problemsFor(document: vscode.TextDocument): Promise<Problem[]> {
    const last = this.lastProblems.get(document.uri.toString());
    if (last && last.version === document.version) return last.problems;
    return (await this.documentProblems(document)) ?? [];
  }

  private schedule(document: vscode.TextDocument) {
    this.typing.schedule(document.uri.toString(), () => void this.validateDocument(document));
  }

  /** An open note: what the editor shows, read as it is now; other notes come from the index. */
  private async validateDocument(document: vscode.TextDocument): Promise<void> {
    if (!isMarkdown(document) || document.uri.scheme === 'git') return;
    if (!isGrowthDocument(document)) {
      this.forget(document.uri);
      return;
    }
    const version = document.version;
    const problems = await this.documentProblems(document);
    if (problems && !document.isClosed && document.version === version) this.show(document.uri, version, problems);
  }

  private async documentProblems(document: vscode.TextDocument): Promise<Problem[] | undefined> {
    const { script } = await activeScript(vscode.workspace.getWorkspaceFolder(document.uri));
    // `previous` and theme spellings are answered by the index: wait for its first build.
    await this.notes.ready;
    const { spellings } = await this.vocabulary.vocabulary();
    if (document.isClosed) return undefined;
    // Read as a closed note is (the fast reader, unless the guide has already parsed this text): a
    // typing pause costs about what indexing the note costs, not a full parse.
    return validateNote(validationAnalysis(document, script), this.contextFor(document.uri, spellings));
  }

  private documentClosed(document: vscode.TextDocument) {
    this.typing.cancel(document.uri.toString());
    // A closed note keeps its problems only when the whole workspace is checked: check the file again.
    if (growthSettings().validateWorkspace && isNoteFileUri(document.uri) && isMarkdown(document)) {
      void this.validateClosed([document.uri.toString()], new Map(), this.cancellation.token);
    } else this.forget(document.uri);
  }

  private async indexUpdated(update: PipelineUpdate) {
    const spellingsChanged = await this.spellingsChanged();
    const token = this.cancellation.token;
    // Open notes: a cheap check again (their parse is cached), since `previous` or spellings may have moved.
    for (const document of vscode.workspace.textDocuments) {
      if (isGrowthDocument(document) && document.uri.scheme !== 'git') void this.validateDocument(document);
    }
    if (!growthSettings().validateWorkspace) {
      [...update.removed, ...update.skipped].forEach(key => this.forgetUnlessOpen(key));
      return;
    }
    update.removed.forEach(key => this.previousKeys.delete(key));
    const targets = new Set<string>();
    // A note read from the cache keeps its problems, unless nothing was shown for it yet.
    for (const key of update.changed) if (update.texts.has(key) || !this.lastProblems.has(key)) targets.add(key);
    const moved = new Set([...update.changed, ...update.removed, ...update.skipped]);
    for (const note of this.notes.index.all()) {
      if (targets.has(note.path)) continue;
      const usesChangedSpelling = spellingsChanged.size > 0 && note.themes.some(theme => spellingsChanged.has(normalizeTheme(theme)));
      if (usesChangedSpelling || (note.previous && moved.has(this.previousKey(note.path, note.previous)))) targets.add(note.path);
    }
    for (const key of [...update.removed, ...update.skipped]) {
      if (!this.notes.index.get(key)) this.showSkippedOrForget(key);
    }
    await this.validateClosed([...targets], update.texts, token);
  }

  /** Checks notes that are not open, in slices; texts the index has just read are used, never read again. */
  private async validateClosed(keys: readonly string[], texts: ReadonlyMap<string, string>, token: vscode.CancellationToken) {
    const mine = keys.map(key => [key, ++this.sequence] as const);
    mine.forEach(([key, sequence]) => this.requested.set(key, sequence));
    const open = new Set(vscode.workspace.textDocuments.filter(d => !d.isClosed).map(d => d.uri.toString()));
    const { spellings } = await this.vocabulary.vocabulary();
    let sliceStart = performance.now();
    for (const [key, sequence] of mine) {
      if (token.isCancellationRequested) return;
      if (this.requested.get(key) !== sequence || open.has(key)) continue;
      const summary = this.notes.index.get(key);
      const uri = noteUri(key);
      if (!summary) {
        this.showSkippedOrForget(key);
        continue;
      }
      const text = texts.get(key) ?? await this.notes.pipeline.readText(key);
      if (token.isCancellationRequested || this.requested.get(key) !== sequence) continue;
      this.requested.delete(key);
      if (text === undefined) this.forget(uri);
      else this.show(uri, undefined, validateNoteText(text, summary, this.notes.pipeline.scriptFor(key), this.contextFor(uri, spellings)));
      if (performance.now() - sliceStart >= SLICE_MS) {
        await yieldToEventLoop();
        sliceStart = performance.now();
      }
    }
  }

  /** A file the index left out shows why when it says it is a growth note and cannot be read as text. */
  private showSkippedOrForget(key: string) {
    const skipped = this.notes.pipeline.skipped.get(key);
    const uri = noteUri(key);
    if (vscode.workspace.textDocuments.some(d => d.uri.toString() === key)) return;
    // Too large to be a conversation: the status bar says so; it is checked once opened.
    if (skipped?.declaresGrowthNote && skipped.problem.code === 'not-utf8' && growthSettings().validateWorkspace) this.show(uri, undefined, [skipped.problem]);
    else this.forget(uri);
  }

  /** Settings changed: checks already running stop, and everything is checked again. */
  private async restart() {
    this.cancellation.cancel();
    this.cancellation.dispose();
    this.cancellation = new vscode.CancellationTokenSource();
    this.collection.clear();
    this.lastProblems.clear();
    for (const document of vscode.workspace.textDocuments) void this.validateDocument(document);
    await this.notes.ready;
    if (!growthSettings().validateWorkspace) return;
    for (const key of this.notes.pipeline.skipped.keys()) this.showSkippedOrForget(key);
    await this.validateClosed(this.notes.index.all().map(note => note.path), new Map(), this.cancellation.token);
  }

  /** The index key of the note a `previous` path points at, worked out once per note and path. */
  private previousKey(noteKey: string, previous: string): string {
    const known = this.previousKeys.get(noteKey);
    if (known?.previous === previous) return known.key;
    const key = vscode.Uri.joinPath(noteUri(noteKey), '..', previous.replace(/\\/g, '/')).toString();
    this.previousKeys.set(noteKey, { previous, key });
    return key;
  }

  private async spellingsChanged(): Promise<Set<string>> {
    const now = (await this.vocabulary.vocabulary()).spellings;
    const changed = new Set<string>();
    for (const [key, name] of now) if (this.spellings.get(key) !== name) changed.add(key);
    for (const key of this.spellings.keys()) if (!now.has(key)) changed.add(key);
    this.spellings = new Map(now);
    return changed;
  }

  /** What validation asks about other notes, answered from the index: no file is read for it. */
  private contextFor(uri: vscode.Uri, spellings: ReadonlyMap<string, string>): NoteContext {
    const preferredSpelling = (key: string) => spellings.get(key);
    // An unsaved document has no folder to resolve a relative path against.
    if (uri.scheme === 'untitled') return { notePath: uri.path, personAt: () => null, preferredSpelling };
    return indexContext(this.notes.pipeline, uri.path, path => uri.with({ path }).toString(), preferredSpelling);
  }

  private show(uri: vscode.Uri, version: number | undefined, problems: Problem[]) {
    this.lastProblems.set(uri.toString(), { version, problems });
    this.collection.set(uri, problems.map(toDiagnostic));
  }

  private forget(uri: vscode.Uri) {
    this.lastProblems.delete(uri.toString());
    this.collection.delete(uri);
  }

  private forgetUnlessOpen(key: string) {
    if (!vscode.workspace.textDocuments.some(d => d.uri.toString() === key)) this.forget(noteUri(key));
  }
}
