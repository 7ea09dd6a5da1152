import { Dirent, readdirSync, readFileSync, Stats, statSync } from 'fs';
import { open, readdir, readFile, stat } from 'fs/promises';
import { join, relative, sep } from 'path';
import { mapInChunks, NoteFileInfo, NoteSource } from '../core/workspaceIndex';

const SKIPPED_FOLDERS = new Set(['node_modules', '.git', '.vscode-test', 'dist', 'out']);

/** How the source reaches the disk. */
export interface NodeNoteSourceOptions {
  /**
   * Read with Node's blocking calls: where no event loop has anyone to serve (the CLI), they cost a
   * fraction of the promise-based ones (no file handle objects, no round trips through the thread pool).
   */
  readonly blocking?: boolean;
}

/** Every Markdown file under a folder, through Node's file system; paths relative to the folder, with `/`. */
export function nodeNoteSource(root: string, options: NodeNoteSourceOptions = {}): NoteSource {
  const io = options.blocking
    ? {
      stat: async (full: string): Promise<Stats> => statSync(full),
      readdir: async (folder: string): Promise<Dirent[]> => readdirSync(folder, { withFileTypes: true }),
      read: async (full: string): Promise<Uint8Array> => readFileSync(full),
    }
    : { stat, readdir: (folder: string) => readdir(folder, { withFileTypes: true }), read: (full: string): Promise<Uint8Array> => readFile(full) };
  const infoOf = async (path: string): Promise<NoteFileInfo> => {
    const info = await io.stat(join(root, path));
    return { path, mtime: info.mtimeMs, size: info.size };
  };
  return {
    async list() {
      const paths: string[] = [];
      // Breadth first, a level of folders at a time, in chunks: fast on wide trees, and never a burst.
      let folders = [root];
      while (folders.length > 0) {
        const listings = await mapInChunks(folders, 64, async folder => ({ folder, entries: await io.readdir(folder) }));
        folders = [];
        for (const { folder, entries } of listings) {
          for (const entry of entries) {
            const full = join(folder, entry.name);
            if (entry.isDirectory()) {
              if (!SKIPPED_FOLDERS.has(entry.name) && !entry.name.startsWith('.')) folders.push(full);
            } else if (entry.isFile() && entry.name.toLowerCase().endsWith('.md')) paths.push(relative(root, full).split(sep).join('/'));
          }
        }
      }
      const files = await mapInChunks(paths, 64, infoOf);
      return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    },
    stat: path => infoOf(path).catch(() => undefined),
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
