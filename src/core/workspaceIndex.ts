import { decodeNoteBytes } from './problem';
import { NoteSummary, summarizeNote } from './noteSummary';
import { QuestionScript } from './questionScript';
import { compareUsage, normalizeTheme, spellingUsage, ThemeUsage } from './themes';

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
  /** How often each spelling of each theme is used, kept up to date note by note. */
  private readonly spellings = new Map<string, Map<string, number>>();
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
    this.forget(path);
    if (summary.isGrowthNote) {
      const note = { ...summary, path };
      this.notes.set(path, note);
      this.countSpellings(note, 1);
    }
    this.changed();
  }

  delete(path: string): void {
    if (this.forget(path)) this.changed();
  }

  /** Theme usage across the index, most used first, each in its most used spelling. */
  themeUsage(): ThemeUsage[] {
    return [...this.spellings.entries()].map(([key, counts]) => spellingUsage(key, counts)).sort(compareUsage);
  }

  /** The most used spelling of a theme key. */
  preferredSpelling(key: string): string | undefined {
    const counts = this.spellings.get(key);
    return counts ? spellingUsage(key, counts).name : undefined;
  }

  private forget(path: string): boolean {
    const old = this.notes.get(path);
    if (!old) return false;
    this.countSpellings(old, -1);
    this.notes.delete(path);
    return true;
  }

  private countSpellings(note: IndexedNote, delta: 1 | -1) {
    for (const spelling of [...note.themes, ...note.tags.map(tag => tag.name)]) {
      const key = normalizeTheme(spelling);
      if (!key) continue;
      const counts = this.spellings.get(key) ?? new Map<string, number>();
      const count = (counts.get(spelling) ?? 0) + delta;
      if (count > 0) counts.set(spelling, count);
      else counts.delete(spelling);
      if (counts.size > 0) this.spellings.set(key, counts);
      else this.spellings.delete(key);
    }
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
    this.beginUpdate();
    try {
      return work();
    } finally {
      this.endUpdate();
    }
  }

  /** Holds change events until the matching `endUpdate`, also across awaits. */
  beginUpdate(): void {
    this.batchDepth++;
  }

  endUpdate(): void {
    if (--this.batchDepth === 0 && this.changedInBatch) {
      this.changedInBatch = false;
      this.listeners.forEach(listener => listener());
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
  /**
   * Summaries from an earlier run, by path; entries whose mtime and size match are reused unparsed.
   * May be a promise, so reading the cache overlaps with listing the files.
   */
  readonly cache?: ReadonlyMap<string, CachedSummary> | Promise<ReadonlyMap<string, CachedSummary>>;
  /** Longest stretch of work before yielding to the event loop. */
  readonly sliceMs?: number;
  readonly onProgress?: (done: number, total: number) => void;
  /** Files read at once. */
  readonly concurrency?: number;
  /** Told about each file left out, and why (never its content). */
  readonly onSkip?: (path: string, reason: string) => void;
}

/** Notes larger than this are not read into the index: no conversation is that long. */
export const MAX_INDEXED_BYTES = 4 * 1024 * 1024;

/** Why a file is left out of the index, as told to `onSkip` and shown to the manager. */
export const SkipReasons = {
  tooLarge: `larger than ${MAX_INDEXED_BYTES / 1024 / 1024} MB`,
  notUtf8: 'not valid UTF-8 text',
  unreadable: 'could not be read',
} as const;

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
  const [files, previous] = await Promise.all([source.list(), options.cache]);
  const cache = new Map<string, CachedSummary>();
  const toRead: NoteFileInfo[] = [];
  let reused = 0;
  let sliceStart = now();
  const slice = async (done: number) => {
    if (now() - sliceStart < sliceMs) return;
    options.onProgress?.(done, files.length);
    await yieldToEventLoop();
    sliceStart = now();
  };
  // Views see the finished index once, not every slice of it.
  index.beginUpdate();
  try {
    for (const file of files) {
      const cached = previous?.get(file.path);
      if (file.size > MAX_INDEXED_BYTES) {
        options.onSkip?.(file.path, SkipReasons.tooLarge);
        index.delete(file.path);
      } else if (cached && cached.mtime === file.mtime && cached.size === file.size) {
        cache.set(file.path, cached);
        index.set(file.path, cached.summary);
        await slice(++reused);
      } else toRead.push(file);
    }

    const concurrency = options.concurrency ?? 32;
    const readChunk = (start: number) => Promise.all(toRead.slice(start, start + concurrency).map(file => source.read(file.path).catch(() => undefined)));
    let next = toRead.length > 0 ? readChunk(0) : undefined;
    for (let start = 0; next; start += concurrency) {
      const contents = await next;
      // Read the next files while this chunk is parsed: disk and CPU overlap.
      next = start + concurrency < toRead.length ? readChunk(start + concurrency) : undefined;
      const chunk = toRead.slice(start, start + concurrency);
      chunk.forEach((file, i) => {
        const bytes = contents[i];
        const decoded = bytes && decodeNoteBytes(bytes);
        if (!decoded || !('text' in decoded)) {
          options.onSkip?.(file.path, bytes ? SkipReasons.notUtf8 : SkipReasons.unreadable);
          index.delete(file.path);
          return;
        }
        const summary = summarizeNote(decoded.text, options.script);
        cache.set(file.path, { mtime: file.mtime, size: file.size, summary });
        index.set(file.path, summary);
      });
      await slice(reused + start + chunk.length);
    }
  } finally {
    index.endUpdate();
  }
  options.onProgress?.(files.length, files.length);
  return { parsed: toRead.length, reused, cache };
}

const LINES_PER_PART = 200;
const BYTES_PER_SLICE = 256 * 1024;

/**
 * The cache as UTF-8 bytes, one JSON line per note. Built a few hundred lines at a time with yields
 * in between: one JSON.stringify or one encode of a large workspace's cache would freeze the editor.
 */
export async function cacheToBytes(cache: ReadonlyMap<string, CachedSummary>, sliceMs = 20): Promise<Uint8Array> {
  const encoder = new TextEncoder();
  const parts: Uint8Array[] = [];
  let lines: string[] = [];
  let sliceStart = now();
  for (const entry of cache) {
    lines.push(JSON.stringify(entry));
    if (lines.length >= LINES_PER_PART) {
      parts.push(encoder.encode(`${lines.join('\n')}\n`));
      lines = [];
      if (now() - sliceStart >= sliceMs) {
        await yieldToEventLoop();
        sliceStart = now();
      }
    }
  }
  if (lines.length > 0) parts.push(encoder.encode(`${lines.join('\n')}\n`));
  const bytes = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    bytes.set(part, offset);
    offset += part.length;
  }
  return bytes;
}

/** Reads `cacheToBytes` back in slices; a damaged line is skipped (that note is simply read again). */
export async function cacheFromBytes(bytes: Uint8Array, sliceMs = 20): Promise<Map<string, CachedSummary>> {
  const decoder = new TextDecoder();
  const cache = new Map<string, CachedSummary>();
  let sliceStart = now();
  for (let start = 0; start < bytes.length;) {
    // Cut at a line end, so no character is split between slices.
    let end = Math.min(start + BYTES_PER_SLICE, bytes.length);
    while (end < bytes.length && bytes[end - 1] !== 10) end++;
    for (const line of decoder.decode(bytes.subarray(start, end)).split('\n')) {
      if (!line) continue;
      try {
        const [path, entry] = JSON.parse(line) as [string, CachedSummary];
        if (typeof path === 'string' && entry && typeof entry.mtime === 'number') cache.set(path, entry);
      } catch {
        // skip it
      }
    }
    start = end;
    if (now() - sliceStart >= sliceMs) {
      await yieldToEventLoop();
      sliceStart = now();
    }
  }
  return cache;
}

/**
 * Runs an async step over items a chunk at a time. Starting thousands of file operations at once
 * makes their completions arrive in one burst that blocks the event loop; chunks keep it responsive.
 */
export async function mapInChunks<T, R>(items: readonly T[], size: number, step: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  for (let start = 0; start < items.length; start += size) results.push(...await Promise.all(items.slice(start, start + size).map(step)));
  return results;
}

function now(): number {
  return performance.now();
}

function yieldToEventLoop(): Promise<void> {
  return new Promise(resolve => setImmediate(resolve));
}
