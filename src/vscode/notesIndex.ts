import * as vscode from 'vscode';
import { NotePipeline, PipelineUpdate } from '../core/notePipeline';
import { BUILT_IN_SCRIPT } from '../core/questionScript';
import { cacheFromBytes, cacheToBytes, CachedSummary, mapInChunks, NoteChange, NoteFileInfo, NoteSource, WorkspaceIndex } from '../core/workspaceIndex';
import { Commands, Settings } from './ids';
import { activeScript, isMarkdown, NOTE_SCAN_EXCLUDE } from './noteDocuments';
import { growthSettings } from './settings';

const COALESCE_MS = 150;
const TYPING_DELAY_MS = 300;
const SAVE_DELAY_MS = 3000;
const RECONCILE_DELAY_MS = 1000;
// More events than this in one batch look like a checkout or a sync, where the OS watcher can miss files.
const BURST_EVENTS = 50;
const CACHE_FILE = 'notes-index-v2.jsonl';
// Git and package folders change all the time and never hold notes.
const IGNORED_FOLDER = /\/(?:\.git|node_modules)(?:\/|$)/;

/**
 * The workspace as a `NoteSource`, keyed by URI string: files through `workspace.fs`, open documents
 * with unsaved edits as their text, and watcher and typing events coalesced into batches.
 */
class WorkspaceNoteSource implements NoteSource, vscode.Disposable {
  /** Files read from disk, by key: a count for the tests (no change should read a file twice). */
  readonly reads = new Map<string, number>();
  private readonly listeners = new Set<(changes: readonly NoteChange[]) => void>();
  private readonly pending = new Map<string, NoteChange['kind']>();
  private flushTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly typingTimers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly disposables: vscode.Disposable[] = [];

  constructor() {
    const watcher = vscode.workspace.createFileSystemWatcher('**/*.md');
    this.disposables.push(
      watcher,
      watcher.onDidCreate(uri => this.queue(uri, 'created')),
      watcher.onDidChange(uri => this.queue(uri, 'changed')),
      watcher.onDidDelete(uri => this.queue(uri, 'deleted')),
      vscode.workspace.onDidChangeTextDocument(event => this.typed(event.document)),
      vscode.workspace.onDidCloseTextDocument(document => {
        // Unsaved edits are dropped on close: the file on disk is the truth again.
        if (isMarkdown(document) && document.uri.scheme === 'file') this.queue(document.uri, 'changed');
      }),
    );
  }

  async list(): Promise<NoteFileInfo[]> {
    const uris = await vscode.workspace.findFiles('**/*.md', NOTE_SCAN_EXCLUDE);
    const infos = await mapInChunks(uris, 64, uri => this.stat(uri.toString()));
    return infos.filter((info): info is NoteFileInfo => info !== undefined);
  }

  async stat(path: string): Promise<NoteFileInfo | undefined> {
    const open = dirtyDocument(path);
    // An open document with unsaved edits is what the manager sees: index that, never cache it.
    if (open) return { path, mtime: open.version, size: open.getText().length, unsaved: true };
    try {
      const stat = await vscode.workspace.fs.stat(vscode.Uri.parse(path));
      return { path, mtime: stat.mtime, size: stat.size };
    } catch {
      return undefined;
    }
  }

  async read(path: string): Promise<Uint8Array> {
    const open = dirtyDocument(path);
    if (open) return new TextEncoder().encode(open.getText());
    this.reads.set(path, (this.reads.get(path) ?? 0) + 1);
    return vscode.workspace.fs.readFile(vscode.Uri.parse(path));
  }

  onDidChange(listener: (changes: readonly NoteChange[]) => void): vscode.Disposable {
    this.listeners.add(listener);
    return new vscode.Disposable(() => this.listeners.delete(listener));
  }

  private queue(uri: vscode.Uri, kind: NoteChange['kind']) {
    if (!uri.path.toLowerCase().endsWith('.md')) return;
    const key = uri.toString();
    // A file created and changed before the batch settles is still new.
    if (!(kind === 'changed' && this.pending.get(key) === 'created')) this.pending.set(key, kind);
    clearTimeout(this.flushTimer);
    // A git checkout touches many files at once: wait for the burst to settle, then report it as one.
    this.flushTimer = setTimeout(() => this.flush(), COALESCE_MS);
  }

  private flush() {
    const batch = [...this.pending].map(([path, kind]) => ({ path, kind }));
    this.pending.clear();
    if (batch.length > 0) this.listeners.forEach(listener => listener(batch));
  }

  private typed(document: vscode.TextDocument) {
    // Only files are notes: an unsaved shareable copy or report must not count as a conversation.
    if (!isMarkdown(document) || document.uri.scheme !== 'file') return;
    const key = document.uri.toString();
    clearTimeout(this.typingTimers.get(key));
    this.typingTimers.set(key, setTimeout(() => {
      this.typingTimers.delete(key);
      this.listeners.forEach(listener => listener([{ path: key, kind: 'changed' }]));
    }, TYPING_DELAY_MS));
  }

  dispose(): void {
    clearTimeout(this.flushTimer);
    this.typingTimers.forEach(timer => clearTimeout(timer));
    this.disposables.forEach(d => d.dispose());
    this.listeners.clear();
  }
}

function dirtyDocument(key: string): vscode.TextDocument | undefined {
  return vscode.workspace.textDocuments.find(d => d.isDirty && d.uri.toString() === key);
}

/**
 * The editor's side of the note pipeline: the workspace as its source, the question script in force,
 * the cache kept between sessions, full listings when the watcher may have missed files, and the
 * status bar. Every file goes through the core's one per-file path.
 */
export class NotesIndexManager implements vscode.Disposable {
  readonly pipeline: NotePipeline;
  readonly ready: Promise<void>;
  private readonly source = new WorkspaceNoteSource();
  private queuedRebuild: Promise<void> | undefined;
  private running: Promise<void> = Promise.resolve();
  private reconcileTimer: ReturnType<typeof setTimeout> | undefined;
  private saveTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly status = vscode.window.createStatusBarItem(vscode.StatusBarAlignment.Left, 0);
  private readonly skippedStatus = vscode.window.createStatusBarItem(vscode.StatusBarAlignment.Left, 0);
  private readonly disposables: vscode.Disposable[] = [];
  private readonly loggedSkips = new Map<string, string>();

  constructor(private readonly storage: vscode.Uri | undefined, private readonly log: vscode.LogOutputChannel) {
    this.pipeline = new NotePipeline(this.source, {
      script: BUILT_IN_SCRIPT,
      cache: this.loadCache(),
      // The diagnostics check what was read, so no file is read twice for one change.
      keepTexts: true,
      onProgress: (done, total) => { this.status.text = `$(sync~spin) Indexing growth notes ${done}/${total}`; },
    });
    // A folder deleted in one go may come as one event for the folder, and files written into a new
    // folder at once can be missed by the OS watcher: either way, list the workspace again.
    const folders = vscode.workspace.createFileSystemWatcher('**', false, true, false);
    this.disposables.push(
      this.source,
      folders,
      folders.onDidCreate(uri => void this.folderCreated(uri)),
      folders.onDidDelete(uri => this.folderDeleted(uri)),
      this.status,
      this.skippedStatus,
      this.pipeline.onDidUpdate(update => this.updated(update)),
      vscode.workspace.onDidChangeWorkspaceFolders(() => void this.rebuild()),
      vscode.workspace.onDidChangeConfiguration(event => {
        // The script decides which section a tag belongs to: a new one means new summaries.
        if (event.affectsConfiguration(`${Settings.section}.${Settings.questionScriptPath}`)
          || event.affectsConfiguration(`${Settings.section}.${Settings.seniorLeaderTitle}`)) void this.rebuild();
      }),
      vscode.workspace.onDidSaveTextDocument(document => {
        const scriptPath = growthSettings(document.uri).questionScriptPath;
        if (scriptPath && document.uri.path.endsWith(`/${scriptPath.replace(/^\.?\//, '')}`)) void this.rebuild();
      }),
    );
    this.ready = this.rebuild();
  }

  get index(): WorkspaceIndex {
    return this.pipeline.index;
  }

  /** Files left out of the index, and why: shown in the status bar, never silently dropped. */
  get skipped(): ReadonlyMap<string, string> {
    return new Map([...this.pipeline.skipped].map(([key, file]) => [key, file.reason]));
  }

  /** Files read from disk, by URI string (for the tests: one change, one read). */
  get reads(): ReadonlyMap<string, number> {
    return this.source.reads;
  }

  /** Lists the workspace again, reusing cached summaries of unchanged files; requests while one waits share it. */
  rebuild(): Promise<void> {
    this.queuedRebuild ??= this.running.then(() => {
      this.queuedRebuild = undefined;
      this.running = this.buildOnce();
      return this.running;
    });
    return this.queuedRebuild;
  }

  private async buildOnce(): Promise<void> {
    const started = performance.now();
    this.status.text = '$(sync~spin) Indexing growth notes';
    this.status.show();
    try {
      const { script } = await activeScript(vscode.workspace.workspaceFolders?.[0]);
      if (this.pipeline.setScript(script)) this.log.info('The question script changed: notes are read again.');
      const update = await this.pipeline.build();
      this.log.info(`Indexed ${this.index.size} growth notes in ${Math.round(performance.now() - started)} ms: ${update.parsed} files read, ${update.reused} unchanged since last time.`);
    } catch (error) {
      this.log.error(`Indexing failed: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      this.status.hide();
    }
  }

  private updated(update: PipelineUpdate) {
    // Each file left out is logged once, with its reason, until it is indexed or gone.
    for (const [key, file] of this.pipeline.skipped) {
      if (this.loggedSkips.get(key) === file.reason) continue;
      this.loggedSkips.set(key, file.reason);
      this.log.warn(`Not indexed: ${vscode.workspace.asRelativePath(vscode.Uri.parse(key))} (${file.reason}).`);
    }
    for (const key of [...this.loggedSkips.keys()]) if (!this.pipeline.skipped.has(key)) this.loggedSkips.delete(key);
    if (!update.full) {
      this.log.debug(`Re-read ${update.parsed} changed file${update.parsed === 1 ? '' : 's'}.`);
      if (update.parsed + update.reused + update.removed.length >= BURST_EVENTS) this.scheduleReconcile();
    }
    this.showSkipped();
    this.scheduleSave();
  }

  private showSkipped() {
    const skipped = this.skipped;
    if (skipped.size === 0) {
      this.skippedStatus.hide();
      return;
    }
    const count = skipped.size;
    this.skippedStatus.text = `$(warning) ${count} file${count === 1 ? '' : 's'} not indexed`;
    this.skippedStatus.tooltip = `Growth Conversations left these out of the views (they still open as usual):\n${[...skipped]
      .slice(0, 10).map(([key, reason]) => `${vscode.workspace.asRelativePath(vscode.Uri.parse(key))}: ${reason}`).join('\n')}${count > 10 ? '\n…' : ''}`;
    this.skippedStatus.command = Commands.showLog;
    this.skippedStatus.show();
  }

  private async folderCreated(uri: vscode.Uri) {
    if (IGNORED_FOLDER.test(uri.path) || uri.path.toLowerCase().endsWith('.md')) return;
    const stat = await vscode.workspace.fs.stat(uri).then(s => s, () => undefined);
    if (stat && stat.type & vscode.FileType.Directory) this.scheduleReconcile();
  }

  private folderDeleted(uri: vscode.Uri) {
    if (IGNORED_FOLDER.test(uri.path) || uri.path.toLowerCase().endsWith('.md')) return;
    const prefix = `${uri.toString()}/`;
    if (this.index.all().some(note => note.path.startsWith(prefix)) || [...this.pipeline.skipped.keys()].some(key => key.startsWith(prefix))) this.scheduleReconcile();
  }

  /** Lists the workspace again once things settle: only files whose size or time changed are read. */
  private scheduleReconcile() {
    clearTimeout(this.reconcileTimer);
    this.reconcileTimer = setTimeout(() => void this.rebuild(), RECONCILE_DELAY_MS);
  }

  private cacheUri(): vscode.Uri | undefined {
    return this.storage ? vscode.Uri.joinPath(this.storage, CACHE_FILE) : undefined;
  }

  private async loadCache(): Promise<Map<string, CachedSummary>> {
    const uri = this.cacheUri();
    if (!uri) return new Map();
    try {
      return await cacheFromBytes(await vscode.workspace.fs.readFile(uri));
    } catch {
      return new Map(); // no cache yet, or an unreadable one: build from the files
    }
  }

  private scheduleSave() {
    clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => void this.saveCache(), SAVE_DELAY_MS);
  }

  private async saveCache() {
    const uri = this.cacheUri();
    if (!uri || !this.storage) return;
    try {
      await vscode.workspace.fs.createDirectory(this.storage);
      await vscode.workspace.fs.writeFile(uri, await cacheToBytes(this.pipeline.cacheEntries));
    } catch {
      // The cache only saves time; failing to write it changes nothing else.
    }
  }

  dispose(): void {
    clearTimeout(this.saveTimer);
    clearTimeout(this.reconcileTimer);
    this.pipeline.dispose();
    this.disposables.forEach(d => d.dispose());
  }
}
