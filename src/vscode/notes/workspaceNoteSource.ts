import * as vscode from 'vscode';
import { msg, SKIPPED_FOLDERS_GLOB } from '../../core/base';
import { mapInChunks, NoteChange, NoteFileInfo, NoteSource } from '../../core/workspace';
import { Disposable } from '../common/dispose';
import { isMarkdown } from './noteAnalysis';
import { TypingPause } from '../common/typingPause';
import { isNoteFileUri } from '../common/noteFiles';

const COALESCE_MS = 150;

/** The file behind a note's key in the editor's index (the index keys notes by URI string; the CLI's by relative path). */
export function noteUri(key: string): vscode.Uri {
  return vscode.Uri.parse(key);
}
const TYPING_DELAY_MS = 300;

/**
 * The workspace as a `NoteSource`, keyed by URI string: files through `workspace.fs`, open documents
 * with unsaved edits as their text, and watcher and typing events coalesced into batches.
 */
export class WorkspaceNoteSource extends Disposable implements NoteSource {
  /** Files read from disk, by key: a count for the tests (no change should read a file twice). */
  readonly reads = new Map<string, number>();
  private readonly listeners = new Set<(changes: readonly NoteChange[]) => void>();
  private readonly pending = new Map<string, NoteChange['kind']>();
  private flushTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly typing = this._register(new TypingPause(TYPING_DELAY_MS));
  // Until the workspace is known to hold notes, no change is reported, so nothing is read.
  private listening = false;

  constructor() {
    super();
    const watcher = this._register(vscode.workspace.createFileSystemWatcher('**/*.md'));
    [
      watcher.onDidCreate(uri => this.queue(uri, 'created')),
      watcher.onDidChange(uri => this.queue(uri, 'changed')),
      watcher.onDidDelete(uri => this.queue(uri, 'deleted')),
      vscode.workspace.onDidChangeTextDocument(event => this.typed(event.document)),
      vscode.workspace.onDidCloseTextDocument(document => {
        // Unsaved edits are dropped on close: the file on disk is the truth again.
        if (isMarkdown(document) && isNoteFileUri(document.uri)) this.queue(document.uri, 'changed');
      }),
      // No batch is reported after shutdown.
      new vscode.Disposable(() => {
        clearTimeout(this.flushTimer);
        this.listeners.clear();
      }),
    ].forEach(owned => this._register(owned));
  }

  /** Reports changes from now on. */
  listen(): void {
    this.listening = true;
  }

  async list(): Promise<NoteFileInfo[]> {
    const uris = await vscode.workspace.findFiles('**/*.md', SKIPPED_FOLDERS_GLOB);
    const infos = await mapInChunks(uris, 64, uri => this.stat(uri.toString()));
    return infos.filter((info): info is NoteFileInfo => info !== undefined);
  }

  async stat(path: string): Promise<NoteFileInfo | undefined> {
    let stat: vscode.FileStat;
    try {
      stat = await vscode.workspace.fs.stat(noteUri(path));
    } catch {
      // Deleted on disk: an editor still holding its text does not keep it a conversation.
      return undefined;
    }
    const open = dirtyDocument(path);
    // An open document with unsaved edits is what the manager sees: index that, never cache it.
    if (open) return { path, mtime: open.version, size: open.getText().length, unsaved: true };
    // A pipe, device or socket named like a note would block readFile, and every later batch behind it.
    if (!(stat.type & vscode.FileType.File)) return { path, mtime: stat.mtime, size: 0, unreadable: { reason: msg('skip.special'), lost: true } };
    return { path, mtime: stat.mtime, size: stat.size };
  }

  async read(path: string): Promise<Uint8Array> {
    const open = dirtyDocument(path);
    if (open) return new TextEncoder().encode(open.getText());
    this.reads.set(path, (this.reads.get(path) ?? 0) + 1);
    // Every caller stats first (the listing, indexFile, readText), and a stat says which files are not regular.
    return vscode.workspace.fs.readFile(noteUri(path));
  }

  onDidChange(listener: (changes: readonly NoteChange[]) => void): vscode.Disposable {
    this.listeners.add(listener);
    return new vscode.Disposable(() => this.listeners.delete(listener));
  }

  private queue(uri: vscode.Uri, kind: NoteChange['kind']) {
    if (!this.listening || !uri.path.toLowerCase().endsWith('.md')) return;
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
    if (!this.listening || !isMarkdown(document) || !isNoteFileUri(document.uri)) return;
    const key = document.uri.toString();
    this.typing.schedule(key, () => this.listeners.forEach(listener => listener([{ path: key, kind: 'changed' }])));
  }
}

function dirtyDocument(key: string): vscode.TextDocument | undefined {
  return vscode.workspace.textDocuments.find(d => d.isDirty && d.uri.toString() === key);
}
