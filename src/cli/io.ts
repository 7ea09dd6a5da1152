import { BUILT_IN_SCRIPT } from '../core/note';
import { NotePipeline, unreadNotes, unreadNotesLine, WorkspaceIndex } from '../core/workspace';
import { nodeNoteSource } from './nodeNoteSource';
import { UsageError } from './usageError';

/** Where a command prints, and what it knows of the terminal: every command's one way out. */
export interface CliIo {
  print(text: string): void;
  printError(text: string): void;
  /** Whether stderr is a terminal: progress lines go there only then. */
  readonly errorIsTerminal?: boolean;
  readonly today?: string;
}

const PROGRESS_FROM_FILES = 2000;
// Only to show the progress line on a terminal; otherwise the CLI never yields.
const PROGRESS_SLICE_MS = 250;

/**
 * Reads a folder through the editor's per-file pipeline, without its yielding (nobody is typing
 * here) and with blocking reads; with `keepTexts` the texts read are kept, so nothing is read twice.
 */
export async function readFolder(root: string, io: CliIo, keepTexts: boolean) {
  let lastShown = 0;
  const pipeline = new NotePipeline(nodeNoteSource(root, { blocking: true }), {
    script: BUILT_IN_SCRIPT,
    sliceMs: io.errorIsTerminal ? PROGRESS_SLICE_MS : Infinity,
    concurrency: 64,
    keepTexts,
    onProgress: (done, total) => {
      if (!io.errorIsTerminal || total < PROGRESS_FROM_FILES || done - lastShown < 1000) return;
      lastShown = done;
      io.printError(`Reading notes: ${done} of ${total}`);
    },
  });
  const { texts } = await pipeline.build();
  return { pipeline, texts, unread: unreadNotes(pipeline.skipped) };
}

/**
 * Reads a folder's notes; a folder without any growth note is a usage error (exit 2). Notes that could
 * not be read are named on stderr ("1 note could not be read: a.md"), never dropped without a word.
 */
export async function readNotesFolder(root: string, io: CliIo, keepTexts = false) {
  const folder = await readFolder(root, io, keepTexts);
  const unread = unreadNotes(folder.pipeline.skipped);
  if (unread.length > 0) io.printError(unreadNotesLine(unread, true));
  if (folder.pipeline.index.size === 0) throw new UsageError(`No growth notes in "${root}". A growth note is a Markdown file whose frontmatter says type: growth-conversation.`);
  return folder;
}

/** Indexes a folder's notes; a folder without any growth note is a usage error (exit 2). */
export async function indexFolder(root: string, io: CliIo): Promise<WorkspaceIndex> {
  return (await readNotesFolder(root, io)).pipeline.index;
}
