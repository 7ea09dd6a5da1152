import { FILE_CLOCK_ALLOWANCE_MS, NoteChange, NoteFileInfo, NoteSource } from '../../src/core/workspace';

/**
 * A `NoteSource` held in memory, for every unit test of the pipeline: files are written, renamed and
 * deleted here, each change is queued, and `flush()` reports the queued changes as one batch (as the
 * editor's watcher does after a burst settles). It counts every read.
 */
export class InMemoryNoteSource implements NoteSource {
  private readonly files = new Map<string, { bytes: Uint8Array; mtime: number }>();
  /** Open documents with unsaved edits: what the editor shows, not what the disk holds. */
  private readonly unsaved = new Map<string, Uint8Array>();
  private readonly listeners = new Set<(changes: readonly NoteChange[]) => void>();
  private pending: NoteChange[] = [];
  private clock = 1;
  /** Reads per path, since the last `resetReads()`. */
  readonly reads = new Map<string, number>();

  constructor(initial: Iterable<readonly [string, string | Uint8Array]> = []) {
    for (const [path, content] of initial) this.files.set(path, { bytes: toBytes(content), mtime: this.clock++ });
  }

  get paths(): string[] {
    return [...this.files.keys()].sort();
  }

  get totalReads(): number {
    return [...this.reads.values()].reduce((sum, n) => sum + n, 0);
  }

  resetReads(): void {
    this.reads.clear();
  }

  text(path: string): string | undefined {
    const file = this.files.get(path);
    return file && new TextDecoder().decode(file.bytes);
  }

  /**
   * A file written elsewhere (the index's cache): its time, later than every note written so far by more
   * than the allowance two clocks may differ by, as a cache written some minutes after the notes is.
   */
  stamp(): number {
    this.clock += FILE_CLOCK_ALLOWANCE_MS + 1;
    return this.clock++;
  }

  write(path: string, content: string | Uint8Array): void {
    const kind = this.files.has(path) ? 'changed' : 'created';
    this.files.set(path, { bytes: toBytes(content), mtime: this.clock++ });
    this.pending.push({ path, kind });
  }

  delete(path: string): void {
    if (!this.files.delete(path)) return;
    this.pending.push({ path, kind: 'deleted' });
  }

  /** Typing in an open document: reported as a change, read as the unsaved text. */
  edit(path: string, text: string): void {
    this.unsaved.set(path, toBytes(text));
    this.pending.push({ path, kind: 'changed' });
  }

  /** Closing a document without saving: the file is the truth again. */
  revert(path: string): void {
    if (this.unsaved.delete(path)) this.pending.push({ path, kind: 'changed' });
  }

  /** A rename, as file watchers report one: the old path deleted, the new one created. */
  rename(from: string, to: string): void {
    const file = this.files.get(from);
    if (!file) return;
    this.files.delete(from);
    this.files.set(to, file);
    this.pending.push({ path: from, kind: 'deleted' }, { path: to, kind: 'created' });
  }

  /** Reports the changes queued since the last flush, as one batch. */
  flush(): NoteChange[] {
    const batch = this.pending;
    this.pending = [];
    if (batch.length > 0) this.listeners.forEach(listener => listener(batch));
    return batch;
  }

  async list(): Promise<NoteFileInfo[]> {
    return this.paths.map(path => this.info(path)).filter((info): info is NoteFileInfo => info !== undefined);
  }

  async stat(path: string): Promise<NoteFileInfo | undefined> {
    return this.info(path);
  }

  async read(path: string): Promise<Uint8Array> {
    const bytes = this.unsaved.get(path) ?? this.files.get(path)?.bytes;
    if (!bytes) throw new Error(`ENOENT: ${path}`);
    this.reads.set(path, (this.reads.get(path) ?? 0) + 1);
    return bytes;
  }

  async readHead(path: string, length: number): Promise<Uint8Array> {
    const file = this.files.get(path);
    if (!file) throw new Error(`ENOENT: ${path}`);
    return file.bytes.subarray(0, length);
  }

  onDidChange(listener: (changes: readonly NoteChange[]) => void): { dispose(): void } {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  private info(path: string): NoteFileInfo | undefined {
    const unsaved = this.unsaved.get(path);
    if (unsaved) return { path, mtime: 0, size: unsaved.length, unsaved: true };
    const file = this.files.get(path);
    return file && { path, mtime: file.mtime, size: file.bytes.length };
  }
}

function toBytes(content: string | Uint8Array): Uint8Array {
  return typeof content === 'string' ? new TextEncoder().encode(content) : content;
}
