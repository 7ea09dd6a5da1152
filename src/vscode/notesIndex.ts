import * as vscode from 'vscode';
import { summarizeNote } from '../core/noteSummary';
import { decodeNoteBytes } from '../core/problem';
import { buildIndex, cacheFromBytes, cacheToBytes, CachedSummary, mapInChunks, MAX_INDEXED_BYTES, NoteSource, SkipReasons, WorkspaceIndex } from '../core/workspaceIndex';
import { Commands } from './ids';
import { activeScript, isMarkdown, NOTE_SCAN_EXCLUDE } from './noteDocuments';

const COALESCE_MS = 150;
const TYPING_DELAY_MS = 300;
const SAVE_DELAY_MS = 3000;
const RECONCILE_DELAY_MS = 1000;
// More events than this in one batch look like a checkout or a sync, where the OS watcher can miss files.
const BURST_EVENTS = 50;
const CACHE_FILE = 'notes-index-v1.jsonl';
// Git and package folders change all the time and never hold notes.
const IGNORED_FOLDER = /\/(?:\.git|node_modules)(?:\/|$)/;

/**
 * Feeds the core index from the workspace: a sliced first build (reusing the cache of the last
 * session), then file-system events coalesced into batches, and open documents as they are typed in.
 */
export class NotesIndexManager implements vscode.Disposable {
  readonly index = new WorkspaceIndex();
  readonly ready: Promise<void>;
  /** Files left out of the index, and why: shown in the status bar, never silently dropped. */
  readonly skipped = new Map<string, string>();
  private running: Promise<void> | undefined;
  private again = false;
  private reconcileTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly changedDuringRebuild = new Set<string>();
  private cache = new Map<string, CachedSummary>();
  private readonly pending = new Map<string, 'changed' | 'deleted'>();
  private flushTimer: ReturnType<typeof setTimeout> | undefined;
  private saveTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly typingTimers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly status = vscode.window.createStatusBarItem(vscode.StatusBarAlignment.Left, 0);
  private readonly skippedStatus = vscode.window.createStatusBarItem(vscode.StatusBarAlignment.Left, 0);
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly storage: vscode.Uri | undefined, private readonly log: vscode.LogOutputChannel) {
    const watcher = vscode.workspace.createFileSystemWatcher('**/*.md');
    // A folder deleted in one go may come as one event for the folder, and files written into a new
    // folder at once can be missed by the OS watcher: either way, list the workspace again.
    const folders = vscode.workspace.createFileSystemWatcher('**', false, true, false);
    this.disposables.push(
      watcher,
      folders,
      folders.onDidCreate(uri => void this.folderCreated(uri)),
      folders.onDidDelete(uri => this.folderDeleted(uri)),
      this.status,
      this.skippedStatus,
      watcher.onDidCreate(uri => this.queue(uri, 'changed')),
      watcher.onDidChange(uri => this.queue(uri, 'changed')),
      watcher.onDidDelete(uri => this.queue(uri, 'deleted')),
      vscode.workspace.onDidChangeTextDocument(event => this.documentChanged(event.document)),
      vscode.workspace.onDidCloseTextDocument(document => {
        // Unsaved edits are dropped on close: the file on disk is the truth again.
        if (isMarkdown(document) && document.uri.scheme === 'file') this.queue(document.uri, 'changed');
      }),
      vscode.workspace.onDidChangeWorkspaceFolders(() => void this.rebuild()),
    );
    this.ready = this.rebuild();
  }

  /** Reads every note again, reusing cached summaries of unchanged files; one build at a time. */
  rebuild(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    const run = async () => {
      do {
        this.again = false;
        await this.buildOnce();
      } while (this.again);
    };
    this.running = run().finally(() => { this.running = undefined; });
    return this.running;
  }

  private async buildOnce(): Promise<void> {
    const { script } = await activeScript(vscode.workspace.workspaceFolders?.[0]);
    const cache = this.cache.size > 0 ? this.cache : this.loadCache();
    this.status.text = '$(sync~spin) Indexing growth notes';
    this.status.show();
    const existing = new Set(this.index.all().map(note => note.path));
    const started = performance.now();
    this.skipped.clear();
    try {
      const result = await buildIndex(this.index, workspaceSource(existing), {
        script,
        cache,
        onProgress: (done, total) => { this.status.text = `$(sync~spin) Indexing growth notes ${done}/${total}`; },
        onSkip: (path, reason) => this.skip(path, reason),
      });
      this.index.batch(() => existing.forEach(path => this.index.delete(path)));
      this.cache = result.cache;
      this.log.info(`Indexed ${this.index.size} growth notes in ${Math.round(performance.now() - started)} ms: ${result.parsed} files read, ${result.reused} unchanged since last time.`);
      this.scheduleSave();
    } catch (error) {
      this.log.error(`Indexing failed: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      this.status.hide();
      this.showSkipped();
      // A file changed while the build read it may hold older text in the index: read it again.
      this.changedDuringRebuild.forEach(key => this.queue(vscode.Uri.parse(key), 'changed'));
      this.changedDuringRebuild.clear();
    }
  }

  private skip(key: string, reason: string) {
    this.skipped.set(key, reason);
    this.log.warn(`Not indexed: ${vscode.workspace.asRelativePath(vscode.Uri.parse(key))} (${reason}).`);
  }

  private showSkipped() {
    if (this.skipped.size === 0) {
      this.skippedStatus.hide();
      return;
    }
    const count = this.skipped.size;
    this.skippedStatus.text = `$(warning) ${count} file${count === 1 ? '' : 's'} not indexed`;
    this.skippedStatus.tooltip = `Growth Conversations left these out of the views (they still open as usual):\n${[...this.skipped]
      .slice(0, 10).map(([key, reason]) => `${vscode.workspace.asRelativePath(vscode.Uri.parse(key))}: ${reason}`).join('\n')}${count > 10 ? '\n…' : ''}`;
    this.skippedStatus.command = Commands.showLog;
    this.skippedStatus.show();
  }

  private queue(uri: vscode.Uri, change: 'changed' | 'deleted') {
    if (!uri.path.toLowerCase().endsWith('.md')) return;
    if (this.running) this.changedDuringRebuild.add(uri.toString());
    this.pending.set(uri.toString(), change);
    clearTimeout(this.flushTimer);
    // A git checkout touches many files at once: wait for the burst to settle, then apply it as one.
    this.flushTimer = setTimeout(() => void this.flush(), COALESCE_MS);
  }

  private async folderCreated(uri: vscode.Uri) {
    if (IGNORED_FOLDER.test(uri.path) || uri.path.toLowerCase().endsWith('.md')) return;
    const stat = await vscode.workspace.fs.stat(uri).then(s => s, () => undefined);
    if (stat && stat.type & vscode.FileType.Directory) this.scheduleReconcile();
  }

  private folderDeleted(uri: vscode.Uri) {
    if (IGNORED_FOLDER.test(uri.path) || uri.path.toLowerCase().endsWith('.md')) return;
    const prefix = `${uri.toString()}/`;
    if (this.index.all().some(note => note.path.startsWith(prefix)) || [...this.skipped.keys()].some(key => key.startsWith(prefix))) this.scheduleReconcile();
  }

  /** Lists the workspace again once things settle: only files whose size or time changed are read. */
  private scheduleReconcile() {
    clearTimeout(this.reconcileTimer);
    this.reconcileTimer = setTimeout(() => void this.rebuild(), RECONCILE_DELAY_MS);
  }

  private async flush() {
    const batch = [...this.pending.entries()];
    this.pending.clear();
    const { script } = await activeScript(vscode.workspace.workspaceFolders?.[0]);
    const updates = await Promise.all(batch.map(async ([key, change]) => {
      const uri = vscode.Uri.parse(key);
      const open = vscode.workspace.textDocuments.find(d => d.uri.toString() === key && d.isDirty);
      if (change === 'deleted') return { key };
      try {
        if (open) return { key, summary: summarizeNote(open.getText(), script) };
        const stat = await vscode.workspace.fs.stat(uri);
        if (stat.size > MAX_INDEXED_BYTES) return { key, skipped: SkipReasons.tooLarge };
        const decoded = decodeNoteBytes(await vscode.workspace.fs.readFile(uri));
        if (!('text' in decoded)) return { key, skipped: SkipReasons.notUtf8 };
        return { key, summary: summarizeNote(decoded.text, script), stat };
      } catch {
        return { key }; // gone meanwhile: a delete event follows, or already came
      }
    }));
    this.log.debug(`Re-read ${batch.length} changed file${batch.length === 1 ? '' : 's'}.`);
    if (batch.length >= BURST_EVENTS) this.scheduleReconcile();
    this.index.batch(() => {
      for (const update of updates) {
        if (update.skipped) this.skip(update.key, update.skipped);
        else this.skipped.delete(update.key);
        if (update.summary) {
          this.index.set(update.key, update.summary);
          if (update.stat) this.cache.set(update.key, { mtime: update.stat.mtime, size: update.stat.size, summary: update.summary });
        } else {
          this.index.delete(update.key);
          this.cache.delete(update.key);
        }
      }
    });
    this.showSkipped();
    this.scheduleSave();
  }

  private documentChanged(document: vscode.TextDocument) {
    // Only files are notes: an unsaved shareable copy or report must not count as a conversation.
    if (!isMarkdown(document) || document.uri.scheme !== 'file') return;
    const key = document.uri.toString();
    clearTimeout(this.typingTimers.get(key));
    this.typingTimers.set(key, setTimeout(async () => {
      this.typingTimers.delete(key);
      const { script } = await activeScript(vscode.workspace.getWorkspaceFolder(document.uri));
      this.index.set(key, summarizeNote(document.getText(), script));
    }, TYPING_DELAY_MS));
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
      await vscode.workspace.fs.writeFile(uri, await cacheToBytes(this.cache));
    } catch {
      // The cache only saves time; failing to write it changes nothing else.
    }
  }

  dispose(): void {
    clearTimeout(this.flushTimer);
    clearTimeout(this.saveTimer);
    clearTimeout(this.reconcileTimer);
    this.typingTimers.forEach(timer => clearTimeout(timer));
    this.disposables.forEach(d => d.dispose());
  }
}

/** Every Markdown file of every workspace folder, keyed by URI; `seen` loses each path listed. */
function workspaceSource(seen: Set<string>): NoteSource {
  return {
    async list() {
      const uris = await vscode.workspace.findFiles('**/*.md', NOTE_SCAN_EXCLUDE);
      const infos = await mapInChunks(uris, 64, async uri => {
        try {
          const stat = await vscode.workspace.fs.stat(uri);
          return { path: uri.toString(), mtime: stat.mtime, size: stat.size };
        } catch {
          return undefined;
        }
      });
      const files = infos.filter((info): info is NonNullable<typeof info> => info !== undefined);
      files.forEach(file => seen.delete(file.path));
      return files;
    },
    async read(path) {
      // An open document with unsaved edits is what the manager sees: index that.
      const open = vscode.workspace.textDocuments.find(d => d.uri.toString() === path && d.isDirty);
      return open ? new TextEncoder().encode(open.getText()) : vscode.workspace.fs.readFile(vscode.Uri.parse(path));
    },
  };
}
