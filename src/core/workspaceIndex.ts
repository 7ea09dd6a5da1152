import { decodeNoteBytes } from './problem';
import { NoteSummary, summarizeNote } from './noteSummary';
import { QuestionScript } from './questionScript';

/** A growth note in the index: its summary and where it lives (a URI string or a relative path). */
export interface IndexedNote extends NoteSummary {
  readonly path: string;
}

/** One file as the source lists it; mtime and size decide whether a cached summary is still good. */
export interface NoteFileInfo {
  readonly path: string;
  readonly mtime: number;
  readonly size: number;
}

/** Where notes come from: the editor's file system, or Node's in the CLI and the benchmark. */
export interface NoteSource {
  list(): Promise<NoteFileInfo[]>;
  read(path: string): Promise<Uint8Array>;
}

export interface CachedSummary {
  readonly mtime: number;
  readonly size: number;
  readonly summary: NoteSummary;
}

/** Every growth note of a workspace, kept up to date one file at a time. */
export class WorkspaceIndex {
  private readonly notes = new Map<string, IndexedNote>();
  private readonly listeners = new Set<() => void>();
  private batchDepth = 0;
  private changedInBatch = false;

  get size(): number {
    return this.notes.size;
  }

  all(): IndexedNote[] {
    return [...this.notes.values()];
  }

  get(path: string): IndexedNote | undefined {
    return this.notes.get(path);
  }

  /** Adds or replaces a note; a file that is not a growth note is removed instead. */
  set(path: string, summary: NoteSummary): void {
    if (summary.isGrowthNote) this.notes.set(path, { ...summary, path });
    else this.notes.delete(path);
    this.changed();
  }

  delete(path: string): void {
    if (this.notes.delete(path)) this.changed();
  }

  rename(from: string, to: string): void {
    const note = this.notes.get(from);
    if (!note) return;
    this.notes.delete(from);
    this.notes.set(to, { ...note, path: to });
    this.changed();
  }

  /** Runs several updates as one change, so views refresh once for a burst of files. */
  batch<T>(work: () => T): T {
    this.batchDepth++;
    try {
      return work();
    } finally {
      if (--this.batchDepth === 0 && this.changedInBatch) {
        this.changedInBatch = false;
        this.listeners.forEach(listener => listener());
      }
    }
  }

  onDidChange(listener: () => void): { dispose(): void } {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  private changed() {
    if (this.batchDepth > 0) this.changedInBatch = true;
    else this.listeners.forEach(listener => listener());
  }
}

export interface BuildOptions {
  readonly script: QuestionScript;
  /** Summaries from an earlier run, by path; entries whose mtime and size match are reused unparsed. */
  readonly cache?: ReadonlyMap<string, CachedSummary>;
  /** Longest stretch of work before yielding to the event loop. */
  readonly sliceMs?: number;
  readonly onProgress?: (done: number, total: number) => void;
  /** Files read at once. */
  readonly concurrency?: number;
}

export interface BuildResult {
  readonly parsed: number;
  readonly reused: number;
  /** The cache to keep for next time: one entry per note read. */
  readonly cache: Map<string, CachedSummary>;
}

/**
 * Fills the index from a source, in slices that each stay under `sliceMs` so the editor never freezes.
 * Unchanged files (same mtime and size as in the cache) are not read at all.
 */
export async function buildIndex(index: WorkspaceIndex, source: NoteSource, options: BuildOptions): Promise<BuildResult> {
  const sliceMs = options.sliceMs ?? 20;
  const files = await source.list();
  const cache = new Map<string, CachedSummary>();
  const toRead: NoteFileInfo[] = [];
  let reused = 0;
  index.batch(() => {
    for (const file of files) {
      const cached = options.cache?.get(file.path);
      if (cached && cached.mtime === file.mtime && cached.size === file.size) {
        cache.set(file.path, cached);
        index.set(file.path, cached.summary);
        reused++;
      } else toRead.push(file);
    }
  });
  options.onProgress?.(reused, files.length);

  const concurrency = options.concurrency ?? 16;
  let sliceStart = now();
  for (let start = 0; start < toRead.length; start += concurrency) {
    const chunk = toRead.slice(start, start + concurrency);
    const contents = await Promise.all(chunk.map(file => source.read(file.path).catch(() => undefined)));
    index.batch(() => {
      chunk.forEach((file, i) => {
        const bytes = contents[i];
        const decoded = bytes && decodeNoteBytes(bytes);
        if (!decoded || !('text' in decoded)) return;
        const summary = summarizeNote(decoded.text, options.script);
        cache.set(file.path, { mtime: file.mtime, size: file.size, summary });
        index.set(file.path, summary);
      });
    });
    if (now() - sliceStart >= sliceMs) {
      options.onProgress?.(reused + start + chunk.length, files.length);
      await yieldToEventLoop();
      sliceStart = now();
    }
  }
  options.onProgress?.(files.length, files.length);
  return { parsed: toRead.length, reused, cache };
}

function now(): number {
  return performance.now();
}

function yieldToEventLoop(): Promise<void> {
  return new Promise(resolve => setImmediate(resolve));
}
