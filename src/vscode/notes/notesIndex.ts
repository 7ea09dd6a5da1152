import * as vscode from 'vscode';
import { CachedSummary, NotePipeline, PipelineUpdate, ShardedCache, WorkspaceIndex } from '../../core/workspace';
import { BUILT_IN_SCRIPT } from '../../core/note';
import { inSkippedFolder } from '../../core/base';
import { Disposable } from '../common/dispose';
import { Commands, ContextKeys, Settings } from '../common/ids';
import { activeScript } from './questionScripts';
import { GrowthRulesManager, rulesFor } from '../common/growthRules';
import { isSignOfNotes, workspaceHoldsNotes } from './notesPresence';
import { noteUri, WorkspaceNoteSource } from './workspaceNoteSource';

const SAVE_DELAY_MS = 3000;
const RECONCILE_DELAY_MS = 1000;
// More events than this in one batch look like a checkout or a sync, where the OS watcher can miss files.
const BURST_EVENTS = 50;
const CACHE_FOLDER = 'notes-index-v3';
/** The cache's single file before it was sharded: removed once, it only takes space. */
const OLD_CACHE_FILE = 'notes-index-v2.jsonl';

function cacheShardUri(storage: vscode.Uri, shard: number): vscode.Uri {
  return vscode.Uri.joinPath(storage, CACHE_FOLDER, `${shard}.jsonl`);
}

/**
 * The editor's side of the note pipeline: the workspace as its source, the question script in force,
 * the cache kept between sessions, full listings when the watcher may have missed files, and the
 * status bar. Every file goes through the core's one per-file path. It reads nothing until the
 * workspace shows it holds notes (`notesPresence.ts`) or the manager creates the first one: a
 * Markdown repository without notes is left alone.
 */
export class NotesIndexManager extends Disposable {
  readonly pipeline: NotePipeline;
  private firstBuild: Promise<void>;
  private started = false;
  private readonly source = this._register(new WorkspaceNoteSource());
  private queuedRebuild: Promise<void> | undefined;
  private running: Promise<void> = Promise.resolve();
  private reconcileTimer: ReturnType<typeof setTimeout> | undefined;
  private saveTimer: ReturnType<typeof setTimeout> | undefined;
  // A status item with an id and a name: the manager can hide it from the status bar's menu.
  private readonly skippedStatus = this._register(statusItem('growth.status.notIndexed', vscode.l10n.t('Growth: Files Not Indexed')));
  private readonly loggedSkips = new Map<string, string>();
  private readonly shownStatus = new Set<vscode.StatusBarItem>();
  /** Where a full build reports how far it got, while one runs. */
  private buildProgress: vscode.Progress<{ message?: string }> | undefined;
  private readonly cacheShards = new ShardedCache();
  private removedOldCache = false;

  /** `rules`, when given, reads the notes again when growth.config.json names another question script. */
  constructor(private readonly storage: vscode.Uri | undefined, private readonly log: vscode.LogOutputChannel, rules?: GrowthRulesManager) {
    super();
    this.pipeline = new NotePipeline(this.source, {
      script: BUILT_IN_SCRIPT,
      cache: this.loadCache(),
      // The diagnostics check what was read, so no file is read twice for one change.
      keepTexts: true,
      onProgress: (done, total) => this.buildProgress?.report({ message: vscode.l10n.t('{0} of {1} files', done, total) }),
    });
    this._register(new vscode.Disposable(() => {
      clearTimeout(this.saveTimer);
      clearTimeout(this.reconcileTimer);
      this.pipeline.dispose();
    }));
    // A folder deleted in one go may come as one event for the folder, and files written into a new
    // folder at once can be missed by the OS watcher: either way, list the workspace again.
    const folders = vscode.workspace.createFileSystemWatcher('**', false, true, false);
    [
      folders,
      folders.onDidCreate(uri => void this.folderCreated(uri)),
      folders.onDidDelete(uri => this.folderDeleted(uri)),
      this.pipeline.onDidUpdate(update => this.updated(update)),
      vscode.workspace.onDidChangeWorkspaceFolders(() => void (this.started ? this.rebuild() : this.startIfNotesFound())),
      vscode.workspace.onDidChangeConfiguration(event => {
        if (!this.started && event.affectsConfiguration(`${Settings.section}.${Settings.notesFolder}`)) void this.startIfNotesFound();
        // The script decides which section a tag belongs to: a new one means new summaries.
        if (event.affectsConfiguration(`${Settings.section}.${Settings.questionScriptPath}`)
          || event.affectsConfiguration(`${Settings.section}.${Settings.seniorLeaderTitle}`)) void this.rebuild();
      }),
      ...(rules ? [rules.onDidChange(() => void this.rebuildIfScriptsChanged())] : []),
      vscode.workspace.onDidSaveTextDocument(document => {
        const folder = vscode.workspace.getWorkspaceFolder(document.uri);
        const scriptPath = folder && rulesFor(folder).rules.questionScriptPath;
        if (folder && scriptPath && document.uri.toString() === vscode.Uri.joinPath(folder.uri, scriptPath).toString()) void this.rebuild();
      }),
    ].forEach(owned => this._register(owned));
    this.firstBuild = this.startIfNotesFound();
  }

  /** Settles when the first build is done, or at once where the workspace holds no notes (the index is then empty). */
  get ready(): Promise<void> {
    return this.firstBuild;
  }

  /** Whether the workspace is indexed: it holds notes, or the manager created the first. */
  get isStarted(): boolean {
    return this.started;
  }

  /** Indexes the workspace from now on, and shows the Growth views; once, whoever asks. */
  start(): Promise<void> {
    if (!this.started) {
      this.started = true;
      this.source.listen();
      void vscode.commands.executeCommand('setContext', ContextKeys.hasNotes, true);
      this.firstBuild = this.rebuild();
    }
    return this.firstBuild;
  }

  private async startIfNotesFound(): Promise<void> {
    if (await workspaceHoldsNotes()) return this.start();
    if (!this.started) {
      this.log.info('No growth notes in this workspace: nothing is read until the first note is created.');
      void vscode.commands.executeCommand('setContext', ContextKeys.hasNotes, false);
    }
  }

  get index(): WorkspaceIndex {
    return this.pipeline.index;
  }

  /** Files left out of the index, and why: shown in the status bar, never silently dropped. */
  get skipped(): ReadonlyMap<string, string> {
    return new Map([...this.pipeline.skipped].map(([key, file]) => [key, file.reason]));
  }

  /** How many of its status bar items are on screen (for the tests: none in a workspace without notes). */
  get statusItemsShown(): number {
    return this.shownStatus.size;
  }

  /** Files read from disk, by URI string (for the tests: one change, one read). */
  get reads(): ReadonlyMap<string, number> {
    return this.source.reads;
  }

  /** Lists the workspace again, reusing cached summaries of unchanged files; requests while one waits share it. */
  rebuild(): Promise<void> {
    if (!this.started) return Promise.resolve();
    this.queuedRebuild ??= this.running.then(() => {
      this.queuedRebuild = undefined;
      this.running = this.buildOnce();
      return this.running;
    });
    return this.queuedRebuild;
  }

  private buildOnce(): Promise<void> {
    // VS Code's own progress in the status bar, as for any background work; a build cannot be cancelled
    // half-way (the index would then be neither the old nor the new one), so it offers no Cancel.
    return Promise.resolve(vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Indexing growth notes') }, async progress => {
      this.buildProgress = progress;
      try {
        await this.buildWithLog();
      } finally {
        this.buildProgress = undefined;
      }
    }));
  }

  private async buildWithLog(): Promise<void> {
    const started = performance.now();
    try {
      await this.useFolderScripts();
      const update = await this.pipeline.build();
      this.log.info(`Indexed ${this.index.size} growth notes in ${Math.round(performance.now() - started)} ms: ${update.parsed} files read, ${update.reused} unchanged since last time.`);
    } catch (error) {
      this.log.error(`Indexing failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  /**
   * Each workspace folder's notes are read with its own question script (multi-root); true when any
   * script changed since the last build.
   */
  private async useFolderScripts(): Promise<boolean> {
    const folders = vscode.workspace.workspaceFolders ?? [];
    const scripts = await Promise.all(folders.map(async folder => ({ prefix: `${folder.uri.toString()}/`, script: (await activeScript(folder)).script })));
    const fallback = scripts[0]?.script ?? (await activeScript(undefined)).script;
    const changed = this.pipeline.setScripts(fallback, scripts);
    if (changed) this.log.info('The question script changed: notes are read again.');
    return changed;
  }

  /** growth.config.json changed: the notes are read again only when a folder's script did. */
  private async rebuildIfScriptsChanged() {
    if (await this.useFolderScripts()) await this.rebuild();
  }

  private updated(update: PipelineUpdate) {
    // Each file left out is logged once, with its reason, until it is indexed or gone.
    for (const [key, file] of this.pipeline.skipped) {
      if (this.loggedSkips.get(key) === file.reason) continue;
      this.loggedSkips.set(key, file.reason);
      this.log.warn(`Not indexed: ${vscode.workspace.asRelativePath(noteUri(key))} (${file.reason}).`);
    }
    for (const key of [...this.loggedSkips.keys()]) if (!this.pipeline.skipped.has(key)) this.loggedSkips.delete(key);
    if (!update.full) {
      this.log.debug(`Re-read ${update.parsed} changed file${update.parsed === 1 ? '' : 's'}.`);
      if (update.parsed + update.reused + update.removed.length >= BURST_EVENTS) this.scheduleReconcile();
    }
    this.showSkipped();
    this.cacheShards.noteUpdate(update);
    this.scheduleSave();
  }

  private showSkipped() {
    const skipped = this.skipped;
    if (skipped.size === 0) {
      this.showStatus(this.skippedStatus, false);
      return;
    }
    const count = skipped.size;
    this.skippedStatus.text = count === 1 ? vscode.l10n.t('$(warning) 1 file not indexed') : vscode.l10n.t('$(warning) {0} files not indexed', count);
    this.skippedStatus.tooltip = `${vscode.l10n.t('Growth Conversations left these out of the views (they still open as usual):')}\n${[...skipped]
      .slice(0, 10).map(([key, reason]) => `${vscode.workspace.asRelativePath(noteUri(key))}: ${reason}`).join('\n')}${count > 10 ? '\n…' : ''}`;
    this.skippedStatus.command = Commands.showLog;
    this.showStatus(this.skippedStatus, true);
  }

  private showStatus(item: vscode.StatusBarItem, shown: boolean) {
    if (shown) {
      item.show();
      this.shownStatus.add(item);
    } else {
      item.hide();
      this.shownStatus.delete(item);
    }
  }

  private async folderCreated(uri: vscode.Uri) {
    if (!this.started) {
      // The first note (or the configuration file) may arrive from outside: a pull, a copy, another tool.
      if (isSignOfNotes(uri)) void this.start();
      return;
    }
    if (inSkippedFolder(vscode.workspace.asRelativePath(uri, false)) || uri.path.toLowerCase().endsWith('.md')) return;
    const stat = await vscode.workspace.fs.stat(uri).then(s => s, () => undefined);
    if (stat && stat.type & vscode.FileType.Directory) this.scheduleReconcile();
  }

  private folderDeleted(uri: vscode.Uri) {
    if (!this.started || inSkippedFolder(vscode.workspace.asRelativePath(uri, false)) || uri.path.toLowerCase().endsWith('.md')) return;
    const prefix = `${uri.toString()}/`;
    const inside = [...this.index.all().map(note => note.path), ...this.pipeline.skipped.keys()].filter(key => key.startsWith(prefix));
    if (inside.length === 0) return;
    // Its notes are gone now; a listing once things settle catches anything else the watcher missed.
    void this.pipeline.apply(inside.map(path => ({ path, kind: 'deleted' })));
    this.scheduleReconcile();
  }

  /** Lists the workspace again once things settle: only files whose size or time changed are read. */
  private scheduleReconcile() {
    clearTimeout(this.reconcileTimer);
    if (this.isDisposed) return; // a folder check can finish after shutdown
    this.reconcileTimer = setTimeout(() => void this.rebuild(), RECONCILE_DELAY_MS);
  }

  private async loadCache(): Promise<Map<string, CachedSummary>> {
    const storage = this.storage;
    if (!storage) return new Map();
    // A shard not written yet, or unreadable, is left out: its notes are read from the files.
    return this.cacheShards.read(async shard => {
      const uri = cacheShardUri(storage, shard);
      // The shard's time as its file system stamped it, taken before its bytes: a later write only makes it younger.
      const writtenAt = (await vscode.workspace.fs.stat(uri)).mtime;
      return { bytes: await vscode.workspace.fs.readFile(uri), writtenAt };
    });
  }

  private scheduleSave() {
    clearTimeout(this.saveTimer);
    if (this.isDisposed) return;
    this.saveTimer = setTimeout(() => void this.saveCache(), SAVE_DELAY_MS);
  }

  private async saveCache() {
    const storage = this.storage;
    if (!storage) return;
    try {
      await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(storage, CACHE_FOLDER));
      if (!this.removedOldCache) {
        this.removedOldCache = true;
        await vscode.workspace.fs.delete(vscode.Uri.joinPath(storage, OLD_CACHE_FILE)).then(undefined, () => undefined);
      }
      await this.cacheShards.write(this.pipeline.cacheEntries, async (shard, bytes) => {
        const uri = cacheShardUri(storage, shard);
        await vscode.workspace.fs.writeFile(uri, bytes); // replaces on purpose: the index's own cache in the extension's storage, never a note
        return (await vscode.workspace.fs.stat(uri)).mtime;
      }, undefined, (entries, writtenAt) => this.pipeline.cacheWritten(entries, writtenAt));
    } catch {
      // The cache only saves time; failing to write it changes nothing else.
    }
  }
}

function statusItem(id: string, name: string): vscode.StatusBarItem {
  const item = vscode.window.createStatusBarItem(id, vscode.StatusBarAlignment.Left, 0);
  item.name = name;
  return item;
}
