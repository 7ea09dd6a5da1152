import { Dirent, readdirSync, Stats, statSync } from 'fs';
import { lstat, open, readdir, stat } from 'fs/promises';
import { join, resolve, sep } from 'path';
import { isSkippedFolder, msg, readFailure } from '../core/base';
import { mapInChunks, MAX_INDEXED_BYTES, NoteFileInfo, NoteSource } from '../core/workspace';
import { readRegularFile, readRegularFileSync } from './regularFile';

/** How the source reaches the disk. */
export interface NodeNoteSourceOptions {
  /**
   * Read with Node's blocking calls: where no event loop has anyone to serve (the CLI), they cost a
   * fraction of the promise-based ones (no file handle objects, no round trips through the thread pool).
   */
  readonly blocking?: boolean;
  /** Replaces some of the file system calls (the tests use it to make a file vanish between the listing and its stat). */
  readonly io?: Partial<SourceIo>;
}

/** The file system calls the source makes; folder entries come with their names as bytes (a name may not be UTF-8). */
export interface SourceIo {
  stat(full: string): Promise<Stats>;
  readdir(folder: string): Promise<Dirent<Buffer>[]>;
  read(full: string): Promise<Uint8Array>;
}

const UTF8_NAME = new TextDecoder('utf-8', { fatal: true });

function sourceIo(blocking: boolean | undefined): SourceIo {
  return blocking
    ? {
      stat: async full => statSync(full),
      readdir: async folder => readdirSync(folder, { withFileTypes: true, encoding: 'buffer' }),
      read: async full => readRegularFileSync(full, MAX_INDEXED_BYTES),
    }
    : { stat, readdir: folder => readdir(folder, { withFileTypes: true, encoding: 'buffer' }), read: full => readRegularFile(full, MAX_INDEXED_BYTES) };
}

/**
 * Every Markdown file under a folder, through Node's file system; paths relative to the folder, with `/`.
 * The walk never stops on one entry: what it cannot read (a pipe named `.md`, a link to nothing, a name
 * that is not UTF-8, a folder it may not open, a file deleted meanwhile, a folder link back into a
 * folder already read) is listed with the reason, so it is reported rather than dropped.
 */
export function nodeNoteSource(root: string, options: NodeNoteSourceOptions = {}): NoteSource {
  const io = { ...sourceIo(options.blocking), ...options.io };
  const infoOf = async (path: string): Promise<NoteFileInfo> => {
    try {
      const info = await io.stat(join(root, path));
      if (!info.isFile()) return skippedEntry(path, msg('skip.special'), true);
      return { path, mtime: info.mtimeMs, size: info.size };
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      // A link whose target is gone is an ENOENT too, but its name is still there: a note may be missing.
      if (code === 'ENOENT' && await isLink(join(root, path))) return skippedEntry(path, msg('skip.brokenLink'), true);
      return skippedEntry(path, readFailure(code), code !== 'ENOENT');
    }
  };
  return {
    async list() {
      const { paths, skipped } = await walk(resolve(root), io);
      const files = [...await mapInChunks(paths, 64, infoOf), ...skipped];
      return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    },
    async stat(path) {
      const info = await infoOf(path);
      // Gone is not a problem here: the caller asked about one file, and it is simply not there.
      return info.unreadable && !info.unreadable.lost ? undefined : info;
    },
    read: path => io.read(join(root, path)),
    async readHead(path, length) {
      const file = await open(join(root, path), 'r');
      try {
        const head = Buffer.alloc(length);
        const { bytesRead } = await file.read(head, 0, length, 0);
        return head.subarray(0, bytesRead);
      } finally {
        await file.close();
      }
    },
  };
}

async function isLink(full: string): Promise<boolean> {
  try {
    return (await lstat(full)).isSymbolicLink();
  } catch {
    return false;
  }
}

/** What the walk found: Markdown paths to stat, and entries it could not read, each with its reason. */
interface Walked {
  readonly paths: string[];
  readonly skipped: NoteFileInfo[];
}

/**
 * Breadth first, a level of folders at a time, in chunks: fast on wide trees, and never a burst. Each
 * listing is taken in as it arrives, so no single step walks a whole level of a large tree. Folder links
 * are followed as VS Code's search follows them, each real folder once (by device and inode).
 */
async function walk(top: string, io: SourceIo): Promise<Walked> {
  const found: Walked = { paths: [], skipped: [] };
  const cut = top.endsWith(sep) ? top.length : top.length + 1;
  const relative = (full: string) => full.slice(cut).split(sep).join('/');
  const seen = new Set<string>([folderId(await io.stat(top))]);
  let folders = [top];
  while (folders.length > 0) {
    const next: string[] = [];
    await mapInChunks(folders, 64, async folder => {
      let entries: Dirent<Buffer>[];
      try {
        entries = await io.readdir(folder);
      } catch (error) {
        if (folder === top) throw error;
        const code = (error as NodeJS.ErrnoException).code;
        found.skipped.push(skippedEntry(`${relative(folder)}/`, msg('skip.folderUnreadable', readFailure(code)), code !== 'ENOENT'));
        return;
      }
      const prefix = folder === top ? '' : `${relative(folder)}/`;
      for (const entry of entries) await takeEntry(entry, folder, prefix, { io, found, seen, next });
    });
    folders = next;
  }
  return found;
}

/** Where the walk puts what it finds in one folder. */
interface WalkState {
  readonly io: SourceIo;
  readonly found: Walked;
  readonly seen: Set<string>;
  readonly next: string[];
}

async function takeEntry(entry: Dirent<Buffer>, folder: string, prefix: string, state: WalkState) {
  let name: string;
  try {
    name = UTF8_NAME.decode(entry.name);
  } catch {
    // Node would hand back a name with U+FFFD in it, which opens nothing: say so, by the name as it reads.
    const shown = new TextDecoder().decode(entry.name);
    if (entry.isDirectory() || shown.toLowerCase().endsWith('.md')) state.found.skipped.push(skippedEntry(prefix + shown + (entry.isDirectory() ? '/' : ''), msg('skip.nameNotUtf8'), true));
    return;
  }
  const full = join(folder, name);
  const markdown = name.toLowerCase().endsWith('.md');
  if (entry.isDirectory()) {
    if (!isSkippedFolder(name)) await takeFolder(full, `${prefix}${name}/`, state);
  } else if (entry.isFile()) {
    if (markdown) state.found.paths.push(prefix + name);
  } else if (entry.isSymbolicLink()) {
    await takeLink(full, prefix + name, markdown, state);
  } else if (markdown) {
    state.found.skipped.push(skippedEntry(prefix + name, msg('skip.special'), true));
  }
}

/** A folder is walked once, however many links lead to it: a second path would count its notes twice. */
async function takeFolder(full: string, shown: string, state: WalkState, viaLink = false) {
  let id: string;
  try {
    id = folderId(await state.io.stat(full));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    state.found.skipped.push(skippedEntry(shown, msg('skip.folderUnreadable', readFailure(code)), code !== 'ENOENT'));
    return;
  }
  if (state.seen.has(id)) {
    if (viaLink) state.found.skipped.push(skippedEntry(shown, msg('skip.loop'), false));
    return;
  }
  state.seen.add(id);
  state.next.push(full);
}

async function takeLink(full: string, shown: string, markdown: boolean, state: WalkState) {
  let target: Stats;
  try {
    target = await state.io.stat(full);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (markdown) state.found.skipped.push(skippedEntry(shown, code === 'ENOENT' ? msg('skip.brokenLink') : readFailure(code), true));
    return;
  }
  if (target.isDirectory()) {
    if (!isSkippedFolder(shown.slice(shown.lastIndexOf('/') + 1))) await takeFolder(full, `${shown}/`, state, true);
  } else if (markdown) {
    if (target.isFile()) state.found.paths.push(shown);
    else state.found.skipped.push(skippedEntry(shown, msg('skip.special'), true));
  }
}

function folderId(stats: Stats): string {
  return `${stats.dev}:${stats.ino}`;
}

function skippedEntry(path: string, reason: string, lost: boolean): NoteFileInfo {
  return { path, mtime: 0, size: 0, unreadable: { reason, lost } };
}
