import { closeSync, openSync, readdirSync, readFileSync, readSync, statSync } from 'fs';
import { join, relative, sep } from 'path';
import { bytesDeclareGrowthNote, MAX_FRONTMATTER_BYTES } from '../core/frontmatter';
import { decodeNoteBytes, problem } from '../core/problem';
import { SourceFile } from '../core/workspaceValidation';

/** Files larger than this are not notes; they are reported, not read. */
const MAX_FILE_BYTES = 4 * 1024 * 1024;
const SKIPPED_FOLDERS = new Set(['node_modules', '.git', '.vscode-test', 'dist', 'out']);

/** Every Markdown file under `root`, read as text; paths relative to `root` with `/`. */
export function readMarkdownFiles(root: string): SourceFile[] {
  const files: SourceFile[] = [];
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const full = join(folder, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED_FOLDERS.has(entry.name) && !entry.name.startsWith('.')) walk(full);
      } else if (entry.isFile() && entry.name.toLowerCase().endsWith('.md')) {
        const file = readMarkdownFile(full, relative(root, full).split(sep).join('/'));
        if (file) files.push(file);
      }
    }
  };
  walk(root);
  return files;
}

function readMarkdownFile(full: string, path: string): SourceFile | undefined {
  const start = { line: 0, character: 0 };
  if (statSync(full).size > MAX_FILE_BYTES) {
    return bytesDeclareGrowthNote(readHead(full))
      ? { path, unreadable: problem({ start, end: start }, 'error', 'file-too-large', `This note is larger than ${MAX_FILE_BYTES / 1024 / 1024} MB, so it was not read.`) }
      : undefined;
  }
  const bytes = readFileSync(full);
  const decoded = decodeNoteBytes(bytes);
  if ('problem' in decoded) return bytesDeclareGrowthNote(bytes) ? { path, unreadable: decoded.problem } : undefined;
  return { path, text: decoded.text };
}

/** The first bytes of a file, without reading the rest of it. */
function readHead(full: string): Uint8Array {
  const head = Buffer.alloc(MAX_FRONTMATTER_BYTES);
  const descriptor = openSync(full, 'r');
  try {
    return head.subarray(0, readSync(descriptor, head, 0, head.length, 0));
  } finally {
    closeSync(descriptor);
  }
}
