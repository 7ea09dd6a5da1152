import { bytesDeclareGrowthNote, isEncryptedNote, MAX_FRONTMATTER_BYTES, NoteSummary, QuestionScript, READER_WARM_UP, summarizeNote } from '../note';
import { decodeNoteBytes, msg, problem, Problem, readFailure } from '../base';
import { CachedSummary, MAX_INDEXED_BYTES, NoteChange, NoteFileInfo, NoteSource, now, SkipReasons, SLICE_MS, WorkspaceIndex, yieldToEventLoop } from './workspaceIndex';

/** Whether this process's reader was warmed up (once is enough: what it compiles stays compiled). */
let readerWarm = false;

/** A file the index leaves out, with the problem to report when it claims to be a growth note. */
export interface SkippedFile {
  readonly reason: string;
  readonly problem: Problem;
  /** Its head declares `type: growth-conversation` (unknown when nothing of it could be read). */
  readonly declaresGrowthNote: boolean;
  /**
   * It could not be read or decoded, so whether it is a note cannot be told: it counts as a note that
   * could not be read (a problem in validate, a line in the report and digest).
   */
  readonly unread?: boolean;
}

/**
 * The line said wherever notes are counted when some could not be read: with their paths for the
 * author ("1 note could not be read: a.md"), as a count only in what goes to others (a path names a person).
 */
export function unreadNotesLine(paths: readonly string[], withPaths: boolean): string {
  if (!withPaths) return paths.length === 1 ? msg('unread.oneUncounted') : msg('unread.manyUncounted', paths.length);
  return paths.length === 1 ? msg('unread.one', paths[0]) : msg('unread.many', paths.length, paths.join(', '));
}

/** The files of a build that may be notes and could not be read, by path: said wherever notes are counted. */
export function unreadNotes(skipped: ReadonlyMap<string, SkippedFile>): string[] {
  return [...skipped].filter(([, file]) => file.unread || file.declaresGrowthNote).map(([path]) => path).sort();
}

/** What indexing one file came to. */
export type FileOutcome =
  | { readonly kind: 'note'; readonly path: string; readonly info: NoteFileInfo; readonly summary: NoteSummary; readonly text?: string }
  | { readonly kind: 'skipped'; readonly path: string; readonly skipped: SkippedFile }
  | { readonly kind: 'gone'; readonly path: string };

/** `indexFile`'s answer: an outcome, or the cached summary still good for the file. */
export type IndexOutcome = FileOutcome | { readonly kind: 'reused'; readonly path: string; readonly entry: CachedSummary };

declare const __READER_VERSION__: string | undefined;

/**
 * The version of the note reader that made a summary: the build sets it from the reader's own source
 * (src/core/note), so any change to how a note is read makes every cached summary stale, with nobody
 * having to remember to bump it.
 */
export const READER_VERSION: string = typeof __READER_VERSION__ === 'string' ? __READER_VERSION__ : 'unbuilt';

/**
 * A stable short key of the reader and the question script (with its privacy rules): summaries made by
 * another reader or with another script are not reused.
 */
export function scriptKey(script: QuestionScript, readerVersion = READER_VERSION): string {
  const text = JSON.stringify([readerVersion, script.name, script.questions.map(q => [q.id, q.title, q.records ?? '']), script.privateQuestions ?? [], script.privacyWords ?? []]);
  // FNV-1a: short, stable across sessions, and enough to tell two scripts apart.
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return hash.toString(36);
}

const START = { line: 0, character: 0 };

function skippedFile(reason: string, code: 'file-too-large' | 'not-utf8', message: string, declares: boolean): SkippedFile {
  return { reason, problem: problem({ start: START, end: START }, 'error', code, message), declaresGrowthNote: declares };
}

/**
 * A note kept encrypted (`growth protect`) in a checkout without the key: it counts as a note that
 * could not be read, so a report or digest says it is missing rather than counting without it.
 */
function encryptedFile(): SkippedFile {
  return { reason: SkipReasons.encrypted, problem: problem({ start: START, end: START }, 'error', 'note-encrypted', msg('file.encrypted', IDENTITY_FILE_HINT)),
    declaresGrowthNote: false, unread: true };
}

/** Where the key is looked for, as the message names it (the CLI and the editor look in the same place). */
export const IDENTITY_FILE_HINT = '~/.config/growth-conversations/identity';

/** A file the listing or a read could not open: an error when a note may be missing, else a warning. */
function unreadableFile(reason: string, lost: boolean): SkippedFile {
  const said = problem({ start: START, end: START }, lost ? 'error' : 'warning', lost ? 'unreadable' : 'file-skipped',
    lost ? msg('file.unreadableBecause', reason) : msg('file.skippedBecause', reason));
  return { reason, problem: said, declaresGrowthNote: false, unread: lost };
}

/**
 * How much older than the cache write a file must be for its cached summary to stand. The cache lives in
 * the editor's own storage on this computer, while the notes may sit on a file share whose clock runs
 * behind this one's: the two times then come from different clocks. Shares that sign in with Kerberos
 * refuse clocks more than five minutes apart, so ten minutes covers the shares people use; a file saved
 * within them of a cache write is simply read again, which costs one read of a note being worked on.
 */
export const FILE_CLOCK_ALLOWANCE_MS = 10 * 60_000;

/**
 * Whether a cached summary can stand for the file without reading it (git's racy-entry rule): same time,
 * size and script, and the file's time older than the cache write that holds it, as the file systems
 * stamped them, by more than `FILE_CLOCK_ALLOWANCE_MS`. The clock of this process is never asked, and a
 * file system that keeps times to a second or two (FAT, SMB, HFS+) cannot make a file saved twice in the
 * same instant look unchanged. A summary never written to the cache file is read again.
 */
export function cachedSummaryHolds(cached: CachedSummary, info: NoteFileInfo, scriptKeyOfFile: string): boolean {
  return !info.unsaved && cached.mtime === info.mtime && cached.size === info.size && cached.script === scriptKeyOfFile
    && cached.writtenAt !== undefined && cached.mtime < cached.writtenAt - FILE_CLOCK_ALLOWANCE_MS;
}

/**
 * The one per-file step, for the first load, every watcher event, every edit of an open note and the
 * CLI: size limit, cached summary (`cachedSummaryHolds`), read, decode, summarise. Never throws.
 */
export async function indexFile(source: NoteSource, path: string, known: NoteFileInfo | undefined, context: IndexContext): Promise<IndexOutcome> {
  const read = await readForIndex(source, path, known, context);
  return read.kind === 'read' ? outcomeOfBytes(path, read.info, read.bytes, context) : read;
}

interface IndexContext {
  readonly script: QuestionScript;
  readonly scriptKey: string;
  readonly cached?: CachedSummary;
  readonly keepText?: boolean;
}

/** A file's bytes, read and waiting to be summarised. */
interface ReadBytes {
  readonly kind: 'read';
  readonly path: string;
  readonly info: NoteFileInfo;
  readonly bytes: Uint8Array;
}

/** `indexFile` up to the summary: the outcome when no summary is needed, or the bytes to summarise. */
async function readForIndex(source: NoteSource, path: string, known: NoteFileInfo | undefined, context: IndexContext): Promise<IndexOutcome | ReadBytes> {
  const info = known ?? await source.stat(path).catch(() => undefined);
  if (!info) return { kind: 'gone', path };
  if (info.unreadable) return { kind: 'skipped', path, skipped: unreadableFile(info.unreadable.reason, info.unreadable.lost) };
  if (info.size > MAX_INDEXED_BYTES) {
    const head = source.readHead ? await source.readHead(path, MAX_FRONTMATTER_BYTES).catch(() => undefined) : undefined;
    return { kind: 'skipped', path, skipped: skippedFile(SkipReasons.tooLarge, 'file-too-large',
      msg('file.tooLarge', MAX_INDEXED_BYTES / 1024 / 1024), head !== undefined && bytesDeclareGrowthNote(head)) };
  }
  const cached = context.cached;
  if (cached && cachedSummaryHolds(cached, info, context.scriptKey)) {
    return { kind: 'reused', path, entry: cached };
  }
  let bytes: Uint8Array;
  try {
    bytes = await source.read(path);
  } catch (error) {
    // Deleted between the listing and the read: its delete event follows, or already came.
    if (!await source.stat(path).catch(() => undefined)) return { kind: 'gone', path };
    return { kind: 'skipped', path, skipped: unreadableFile(readFailure((error as { code?: string } | undefined)?.code), true) };
  }
  return { kind: 'read', path, info, bytes };
}

function outcomeOfBytes(path: string, info: NoteFileInfo, bytes: Uint8Array, context: Pick<IndexContext, 'script' | 'keepText'>): FileOutcome {
  // Checked out without the key: a note that cannot be read here, said once with its own code.
  if (isEncryptedNote(bytes)) return { kind: 'skipped', path, skipped: encryptedFile() };
  const decoded = decodeNoteBytes(bytes);
  if (!('text' in decoded)) {
    return { kind: 'skipped', path, skipped: { reason: SkipReasons.notUtf8, problem: decoded.problem, declaresGrowthNote: bytesDeclareGrowthNote(bytes), unread: true } };
  }
  const summary = detachFromText(summarizeNote(decoded.text, context.script));
  // Only a growth note's text is wanted downstream (diagnostics, report quotes).
  return context.keepText && summary.isGrowthNote ? { kind: 'note', path, info, summary, text: decoded.text } : { kind: 'note', path, info, summary };
}

/**
 * Makes a fresh summary's strings hold their own characters, in place (the values stay equal). A
 * string cut from a note's text (a task, a theme, a name) can keep the whole text alive in V8: 10,000
 * notes kept about 90 MB of texts nobody reads. Concatenating and cutting again makes a flat copy;
 * V8 copies strings this short anyway.
 */
export function detachFromText<T extends object>(value: T): T {
  const fields = value as Record<string, unknown>;
  for (const key in fields) {
    const field = fields[key];
    if (typeof field === 'string') {
      if (field.length > 12) fields[key] = ` ${field}`.slice(1);
    } else if (field !== null && typeof field === 'object') detachFromText(field);
  }
  return value;
}

export interface PipelineOptions {
  readonly script: QuestionScript;
  /** Summaries from an earlier session, by path; may be a promise, so loading it overlaps the listing. */
  readonly cache?: ReadonlyMap<string, CachedSummary> | Promise<ReadonlyMap<string, CachedSummary>>;
  /** Longest stretch of work before yielding to the event loop (`SLICE_MS`); Infinity where nobody waits (the CLI). */
  readonly sliceMs?: number;
  /** Files read at once. */
  readonly concurrency?: number;
  /** Hand the text of every file read to the update listeners (for diagnostics), so none is read twice. */
  readonly keepTexts?: boolean;
  readonly onProgress?: (done: number, total: number) => void;
}

/** What one build or one batch of changes did to the index. */
export interface PipelineUpdate {
  /** Growth notes added or changed. */
  readonly changed: readonly string[];
  /** Paths no longer in the index: deleted, left out, or no longer a growth note. */
  readonly removed: readonly string[];
  /** Files left out in this update (see `NotePipeline.skipped` for why). */
  readonly skipped: readonly string[];
  /** The text of each file read for this update, when `keepTexts` is on. */
  readonly texts: ReadonlyMap<string, string>;
  /** The whole source was listed (first build, rebuild, new script). */
  readonly full: boolean;
  /** Files read from the source, and files whose cached summary was reused. */
  readonly parsed: number;
  readonly reused: number;
}

/** A `PipelineUpdate` while one run builds it. */
interface RunUpdate extends PipelineUpdate {
  readonly changed: string[];
  readonly removed: string[];
  readonly skipped: string[];
  readonly texts: Map<string, string>;
  parsed: number;
  reused: number;
}

/**
 * Every growth note of a source, kept in a `WorkspaceIndex` by one per-file path: `build()` lists the
 * source (reusing cached summaries), and each batch of changes the source reports goes through
 * `indexFile` too. Builds and batches run one at a time, in order.
 */
export class NotePipeline {
  readonly index = new WorkspaceIndex();
  /** Files left out of the index, and why: shown to the manager, never silently dropped. */
  readonly skipped = new Map<string, SkippedFile>();
  private cache = new Map<string, CachedSummary>();
  private initialCache: PipelineOptions['cache'];
  private script: QuestionScript;
  private key: string;
  /** Folders with their own script (multi-root), longest prefix first; other paths take `script`. */
  private folderScripts: readonly { readonly prefix: string; readonly script: QuestionScript; readonly key: string }[] = [];
  private queue: Promise<unknown> = Promise.resolve();
  private readonly listeners = new Set<(update: PipelineUpdate) => void>();
  private readonly subscription: { dispose(): void } | undefined;
  private disposed = false;

  constructor(private readonly source: NoteSource, private readonly options: PipelineOptions) {
    this.script = options.script;
    this.key = scriptKey(options.script);
    this.initialCache = options.cache;
    this.subscription = source.onDidChange?.(changes => void this.apply(changes));
  }

  get questionScript(): QuestionScript {
    return this.script;
  }

  /** The cache to keep for next time: one entry per file read from disk. */
  get cacheEntries(): ReadonlyMap<string, CachedSummary> {
    return this.cache;
  }

  /**
   * The cache file holding these entries was written, and its file system stamped it `writtenAt`: an
   * entry still current, whose file is older than that, may from now on stand for its file.
   */
  cacheWritten(entries: ReadonlyMap<string, CachedSummary>, writtenAt: number): void {
    for (const [path, entry] of entries) {
      if (this.cache.get(path) === entry) this.cache.set(path, { ...entry, writtenAt });
    }
  }

  /** Whether the source holds this path (a note, another Markdown file, or one left out). */
  knows(path: string): boolean {
    return this.index.get(path) !== undefined || this.cache.has(path) || this.skipped.has(path);
  }

  /** Another question script: summaries made with the old one are read again at the next build. */
  setScript(script: QuestionScript): boolean {
    return this.setScripts(script, []);
  }

  /**
   * A script per folder (each workspace folder its own), by path prefix, and the script for any other
   * path. True when any changed: summaries made with an old one are read again at the next build.
   */
  setScripts(script: QuestionScript, folders: readonly { readonly prefix: string; readonly script: QuestionScript }[]): boolean {
    const next = [...folders].sort((a, b) => b.prefix.length - a.prefix.length).map(folder => ({ ...folder, key: scriptKey(folder.script) }));
    const key = scriptKey(script);
    const changed = key !== this.key || next.length !== this.folderScripts.length
      || next.some((folder, i) => folder.prefix !== this.folderScripts[i].prefix || folder.key !== this.folderScripts[i].key);
    this.script = script;
    this.key = key;
    this.folderScripts = next;
    return changed;
  }

  /** The question script a file is read with. */
  scriptFor(path: string): QuestionScript {
    return this.folderScripts.find(folder => path.startsWith(folder.prefix))?.script ?? this.script;
  }

  private scriptKeyFor(path: string): string {
    return this.folderScripts.find(folder => path.startsWith(folder.prefix))?.key ?? this.key;
  }

  onDidUpdate(listener: (update: PipelineUpdate) => void): { dispose(): void } {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  /** Lists the source and indexes every file; paths no longer listed leave the index. */
  build(): Promise<PipelineUpdate> {
    return this.serially(() => this.buildNow());
  }

  /** Applies a batch of changes as one update of the index (views refresh once). */
  apply(changes: readonly NoteChange[]): Promise<PipelineUpdate> {
    return this.serially(() => this.applyNow(changes));
  }

  /** Reads one file's text through the source (for a diagnostic of a note whose summary came from the cache). */
  async readText(path: string): Promise<string | undefined> {
    const info = await this.source.stat(path).catch(() => undefined);
    if (!info || info.size > MAX_INDEXED_BYTES) return undefined;
    try {
      const decoded = decodeNoteBytes(await this.source.read(path));
      return 'text' in decoded ? decoded.text : undefined;
    } catch {
      return undefined;
    }
  }

  dispose(): void {
    this.disposed = true;
    this.subscription?.dispose();
    this.listeners.clear();
  }

  private serially<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(work, work);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async buildNow(): Promise<PipelineUpdate> {
    const [listing, previous] = await Promise.all([this.source.list(), this.takeInitialCache(), this.warmUp()]);
    // A listing may leave out what it cannot list (VS Code's file search skips pipes): a file left out
    // before that is still there, and still not readable, stays named with its reason.
    const inListing = new Set(listing.map(file => file.path));
    const unlisted = [...this.skipped.keys()].filter(path => !inListing.has(path));
    const stillOdd = (await Promise.all(unlisted.map(path => this.source.stat(path).catch(() => undefined))))
      .filter((info): info is NoteFileInfo => info?.unreadable !== undefined);
    const files = [...listing, ...stillOdd];
    const listed = new Set(files.map(file => file.path));
    const gone = [...new Set([...this.index.all().map(note => note.path), ...this.skipped.keys(), ...this.cache.keys()])].filter(path => !listed.has(path));
    // One change for the views: the files read and the files gone together.
    this.index.beginUpdate();
    try {
      const result = await this.run(files.map(file => ({ path: file.path, info: file })), previous ?? this.cache, true);
      gone.forEach(path => this.forget(path));
      return this.announce({ ...result, removed: [...result.removed, ...gone] });
    } finally {
      this.index.endUpdate();
    }
  }

  private async applyNow(changes: readonly NoteChange[]): Promise<PipelineUpdate> {
    const latest = new Map<string, NoteChange>();
    for (const change of changes) latest.set(change.path, change);
    const deleted = [...latest.values()].filter(change => change.kind === 'deleted').map(change => change.path);
    const toIndex = [...latest.values()].filter(change => change.kind !== 'deleted').map(change => ({ path: change.path, info: undefined }));
    this.index.beginUpdate();
    try {
      deleted.forEach(path => this.forget(path));
      const result = await this.run(toIndex, this.cache, false);
      return this.announce({ ...result, removed: [...result.removed, ...deleted] });
    } finally {
      this.index.endUpdate();
    }
  }

  /**
   * Where the event loop is shared (the editor), the reader is warmed up while the files are listed,
   * a step per turn, so the first notes read do not compile its patterns all in one slice.
   */
  private async warmUp(): Promise<void> {
    if (readerWarm || !Number.isFinite(this.options.sliceMs ?? SLICE_MS)) return;
    readerWarm = true;
    for (const step of READER_WARM_UP) {
      step(this.options.script);
      await yieldToEventLoop();
    }
  }

  private async takeInitialCache(): Promise<ReadonlyMap<string, CachedSummary> | undefined> {
    const initial = this.initialCache;
    this.initialCache = undefined;
    return initial;
  }

  /**
   * Indexes files a chunk at a time, reading the next chunk while this one is summarised. Notes are
   * summarised one at a time between the slices, so the first notes (read while the code is still cold,
   * several milliseconds each) never hold the event loop for a whole chunk.
   */
  private async run(files: readonly { path: string; info: NoteFileInfo | undefined }[], previous: ReadonlyMap<string, CachedSummary>, full: boolean)
    : Promise<RunUpdate> {
    const sliceMs = this.options.sliceMs ?? SLICE_MS;
    const concurrency = this.options.concurrency ?? 32;
    const keepText = this.options.keepTexts;
    const update: RunUpdate = { changed: [], removed: [], skipped: [], texts: new Map(), full, parsed: 0, reused: 0 };
    const cache = full ? new Map<string, CachedSummary>() : this.cache;
    let sliceStart = now();
    const contextFor = (path: string) => ({ script: this.scriptFor(path), scriptKey: this.scriptKeyFor(path), keepText, cached: previous.get(path) });
    const indexChunk = (start: number) => Promise.all(files.slice(start, start + concurrency).map(file => readForIndex(this.source, file.path, file.info, contextFor(file.path))));
    // Views see the finished update once, not every slice of it.
    this.index.beginUpdate();
    try {
      let next = files.length > 0 ? indexChunk(0) : undefined;
      for (let start = 0; next; start += concurrency) {
        const outcomes = await next;
        if (this.disposed) break;
        next = start + concurrency < files.length ? indexChunk(start + concurrency) : undefined;
        for (const [offset, read] of outcomes.entries()) {
          this.take(read.kind === 'read' ? outcomeOfBytes(read.path, read.info, read.bytes, contextFor(read.path)) : read, cache, update);
          if (now() - sliceStart >= sliceMs) {
            this.options.onProgress?.(start + offset + 1, files.length);
            await yieldToEventLoop();
            if (this.disposed) return update;
            sliceStart = now();
          }
        }
      }
    } finally {
      this.index.endUpdate();
    }
    if (full) {
      this.cache = cache;
      this.options.onProgress?.(files.length, files.length);
    }
    return update;
  }

  /** Puts one file's outcome into the index, the cache and the update being built. */
  private take(outcome: IndexOutcome, cache: Map<string, CachedSummary>, update: RunUpdate): void {
    const wasNote = this.index.get(outcome.path) !== undefined;
    if (outcome.kind === 'reused') {
      update.reused++;
      cache.set(outcome.path, outcome.entry);
      this.skipped.delete(outcome.path);
      this.index.set(outcome.path, outcome.entry.summary);
    } else if (outcome.kind === 'note') {
      update.parsed++;
      if (!outcome.info.unsaved) cache.set(outcome.path, { mtime: outcome.info.mtime, size: outcome.info.size, script: this.scriptKeyFor(outcome.path), summary: outcome.summary });
      if (outcome.text !== undefined) update.texts.set(outcome.path, outcome.text);
      this.skipped.delete(outcome.path);
      this.index.set(outcome.path, outcome.summary);
    } else {
      this.forget(outcome.path);
      // Listed, then gone before it could be read: said once (the CLI prints it), and forgotten at the next listing or its delete event.
      if (outcome.kind === 'gone' && update.full) this.skipped.set(outcome.path, unreadableFile(msg('skip.vanished'), false));
      if (outcome.kind === 'skipped') {
        this.skipped.set(outcome.path, outcome.skipped);
        update.skipped.push(outcome.path);
      }
    }
    if (this.index.get(outcome.path) !== undefined) update.changed.push(outcome.path);
    else if (wasNote) update.removed.push(outcome.path);
  }

  private forget(path: string) {
    this.index.delete(path);
    this.cache.delete(path);
    this.skipped.delete(path);
  }

  private announce(update: PipelineUpdate): PipelineUpdate {
    this.listeners.forEach(listener => listener(update));
    return update;
  }
}
