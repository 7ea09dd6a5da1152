import { Dirent, readdirSync, readFileSync, Stats, statSync } from 'fs';
import { open, readdir, readFile, stat } from 'fs/promises';
import { join, resolve, sep } from 'path';
import { isSkippedFolder } from '../core/base';
import { mapInChunks, NoteFileInfo, NoteSource } from '../core/workspace';

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
      // Each listing is taken in as it arrives, so no single step walks a whole level of a large tree.
      const top = resolve(root);
      const cut = top.endsWith(sep) ? top.length : top.length + 1;
      let folders = [top];
      while (folders.length > 0) {
        const next: string[] = [];
        await mapInChunks(folders, 64, async folder => {
          const prefix = folder === top ? '' : `${folder.slice(cut).split(sep).join('/')}/`;
          for (const entry of await io.readdir(folder)) {
            if (entry.isDirectory()) {
              if (!isSkippedFolder(entry.name)) next.push(join(folder, entry.name));
            } else if (entry.isFile() && entry.name.toLowerCase().endsWith('.md')) paths.push(prefix + entry.name);
          }
        });
        folders = next;
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
