import { NoteSummary } from '../note';
import type { IndexedNote } from './indexedNote';
import { ThemeTallies, ThemeTally } from './themeMentions';
import { msg, SpellingCounts, ThemeUsage } from '../base';

/** One file as the source lists it; mtime and size decide whether a cached summary is still good. */
export interface NoteFileInfo {
  readonly path: string;
  readonly mtime: number;
  readonly size: number;
  /** The text is an open document's unsaved edits, not the file: index it, never cache it. */
  readonly unsaved?: boolean;
  /**
   * The listing found this entry but it is not read: why. `lost` when it may hold a note that is then
   * missing (a pipe or device named `.md`, a link to nothing, a name that is not UTF-8, a folder that
   * could not be opened); not lost when nothing is missing (deleted while the folder was read, a folder
   * link leading back to a folder already read).
   */
  readonly unreadable?: { readonly reason: string; readonly lost: boolean };
}

/** What happened to one file, as a source reports it. */
export interface NoteChange {
  readonly path: string;
  readonly kind: 'created' | 'changed' | 'deleted';
}

/**
 * Where notes come from: the editor's file system, Node's in the CLI and the benchmark, or memory in
 * the unit tests. The core reads only through this, and learns of changes only from its batches.
 */
export interface NoteSource {
  list(): Promise<NoteFileInfo[]>;
  /** Size and time of one file; undefined when it does not exist (any more). */
  stat(path: string): Promise<NoteFileInfo | undefined>;
  /** The file's bytes; only a regular file is read (never a pipe or a device, which could block). */
  read(path: string): Promise<Uint8Array>;
  /** The first `length` bytes, without reading the rest (to say whether a huge file is a note). */
  readHead?(path: string, length: number): Promise<Uint8Array>;
  /** Changes in batches: a burst of events (a checkout, a sync) arrives as one. */
  onDidChange?(listener: (changes: readonly NoteChange[]) => void): { dispose(): void };
}

/**
 * A summary kept across sessions; reused only while mtime, size and the question script match, and
 * only when the file's time is older than the cache write that holds it (`writtenAt`).
 */
export interface CachedSummary {
  readonly mtime: number;
  readonly size: number;
  /**
   * The time of the cache file this entry was written to, as its file system stamped it (git's rule for
   * racy index entries): an entry whose file time is not older than it may hide a change made in the same
   * instant, so it is read again. Undefined until the entry has been written, so it is then read again too.
   * Taken from the file system, never from the clock: a share whose clock runs behind stamps both alike.
   */
  readonly writtenAt?: number;
  /** `scriptKey()` of the question script the summary was made with: sections depend on it. */
  readonly script: string;
  readonly summary: NoteSummary;
}

/** Every growth note of a workspace, kept up to date one file at a time. */
export class WorkspaceIndex {
  private readonly notes = new Map<string, IndexedNote>();
  /** How often each spelling of each theme is used, kept up to date note by note. */
  private readonly spellings = new SpellingCounts();
  /**
   * People, notes and months per theme across every note (the unfiltered theme tree): counted when
   * first asked for, so a build that nobody views costs nothing more, then kept up to date note by note.
   */
  private tallies: ThemeTallies | undefined;
  private readonly listeners = new Set<() => void>();
  private readonly noteListeners = new Set<(path: string, note: IndexedNote | undefined) => void>();
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
      // Counted before it is kept: a note that cannot be counted never half-enters the index.
      this.countSpellings(note, 1);
      this.tallies?.count(note, 1, undefined, false);
      this.notes.set(path, note);
    }
    this.noteListeners.forEach(listener => listener(path, this.notes.get(path)));
    this.changed();
  }

  delete(path: string): void {
    if (!this.forget(path)) return;
    this.noteListeners.forEach(listener => listener(path, undefined));
    this.changed();
  }

  /** Theme usage across the index, most used first, each in its most used spelling. */
  themeUsage(): ThemeUsage[] {
    return this.spellings.usage();
  }

  /** Every theme mentioned in the index, by key: its people, notes and months. Live: read, do not keep. */
  themeTallies(): ReadonlyMap<string, Readonly<ThemeTally>> {
    if (!this.tallies) {
      this.tallies = new ThemeTallies();
      for (const note of this.notes.values()) this.tallies.count(note, 1, undefined, false);
    }
    return this.tallies.byKey;
  }

  /** The most used spelling of a theme key. */
  preferredSpelling(key: string): string | undefined {
    return this.spellings.preferred(key);
  }

  private forget(path: string): boolean {
    const old = this.notes.get(path);
    if (!old) return false;
    this.countSpellings(old, -1);
    this.tallies?.count(old, -1, undefined, false);
    this.notes.delete(path);
    return true;
  }

  private countSpellings(note: IndexedNote, delta: 1 | -1) {
    for (const spelling of note.themes) this.spellings.add(spelling, delta);
    for (const tag of note.tags) this.spellings.add(tag.name, delta);
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

  /**
   * Each note as it is set or removed (undefined: gone, or no longer a growth note), at once and
   * also inside a batch: for what is derived note by note and must be current when `onDidChange` fires.
   */
  onDidChangeNote(listener: (path: string, note: IndexedNote | undefined) => void): { dispose(): void } {
    this.noteListeners.add(listener);
    return { dispose: () => this.noteListeners.delete(listener) };
  }

  private changed() {
    if (this.batchDepth > 0) this.changedInBatch = true;
    else this.listeners.forEach(listener => listener());
  }
}

/** Notes larger than this are not read into the index: no conversation is that long. */
export const MAX_INDEXED_BYTES = 4 * 1024 * 1024;

/** Why a file is left out of the index, as shown to the manager. */
export const SkipReasons = {
  get tooLarge(): string { return msg('skip.tooLarge', MAX_INDEXED_BYTES / 1024 / 1024); },
  get notUtf8(): string { return msg('skip.notUtf8'); },
  get unreadable(): string { return msg('skip.unreadable'); },
  get encrypted(): string { return msg('skip.encrypted'); },
} as const;

const LINES_PER_PART = 200;
const BYTES_PER_SLICE = 256 * 1024;

/**
 * The cache as UTF-8 bytes, one JSON line per note. Built a few hundred lines at a time with yields
 * in between: one JSON.stringify or one encode of a large workspace's cache would freeze the editor.
 */
export async function cacheToBytes(cache: ReadonlyMap<string, CachedSummary>, sliceMs = SLICE_MS): Promise<Uint8Array> {
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

const SUMMARY_TEXTS = ['person', 'date', 'manager', 'team', 'level', 'previous', 'careerPath', 'flightRisk', 'nextConversation', 'sharedOn'] as const;

/**
 * An entry of the shape this version writes. Anything else (a damaged line, another version's entry)
 * is left out, so that note is read again from its file: a bad cache never reaches the index.
 */
function isCachedSummary(value: unknown): value is CachedSummary {
  const entry = value as Partial<CachedSummary> | null;
  const summary = entry?.summary as Partial<Record<string, unknown>> & Partial<NoteSummary> | undefined;
  const isText = (text: unknown) => typeof text === 'string';
  return typeof entry?.mtime === 'number' && typeof entry.size === 'number' && typeof entry.script === 'string'
    && typeof summary?.isGrowthNote === 'boolean'
    && SUMMARY_TEXTS.every(key => summary[key] === undefined || isText(summary[key]))
    && Array.isArray(summary.themes) && summary.themes.every(isText)
    && Array.isArray(summary.tags) && summary.tags.every(tag => isText(tag?.name) && isText(tag.key) && typeof tag.line === 'number' && typeof tag.private === 'boolean')
    && Array.isArray(summary.tasks) && summary.tasks.every(task => isText(task?.text) && typeof task.line === 'number' && typeof task.done === 'boolean' && typeof task.private === 'boolean');
}

/** Reads `cacheToBytes` back in slices; a damaged line is skipped (that note is simply read again). */
export async function cacheFromBytes(bytes: Uint8Array, sliceMs = SLICE_MS): Promise<Map<string, CachedSummary>> {
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
        if (typeof path === 'string' && isCachedSummary(entry)) cache.set(path, entry);
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

/**
 * The longest stretch of work, in milliseconds, before the editor's index yields to the event loop.
 * Short enough that a garbage collection pause on top of one (20-25 ms at 10,000 notes) still keeps
 * the editor under 50 ms; a yield costs microseconds.
 */
export const SLICE_MS = 10;

export function now(): number {
  return performance.now();
}

type YieldPort = { onmessage: (() => void) | null; postMessage(value: unknown): void; close(): void };

/**
 * Lets other work run before going on. Node has `setImmediate`; a browser's web worker (vscode.dev)
 * has not, and a message the worker sends itself gives the same turn without `setTimeout`'s 4 ms floor.
 */
export function yieldToEventLoop(): Promise<void> {
  if (typeof setImmediate === 'function') return new Promise(resolve => setImmediate(resolve));
  const Channel = (globalThis as unknown as { MessageChannel?: new () => { port1: YieldPort; port2: YieldPort } }).MessageChannel;
  if (!Channel) return new Promise(resolve => setTimeout(resolve, 0));
  return new Promise(resolve => {
    const { port1, port2 } = new Channel();
    port1.onmessage = () => {
      port1.close();
      resolve();
    };
    port2.postMessage(undefined);
  });
}
