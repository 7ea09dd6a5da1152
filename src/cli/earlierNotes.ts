import { existsSync, statSync } from 'fs';
import { basename, dirname, join, resolve } from 'path';
import { decodeNoteBytes, personKey } from '../core/base';
import { QuestionScript, simpleFrontmatter, summarizeNote } from '../core/note';
import { IndexedNote, NotePipeline, NoteSource, unreadNotes, unreadNotesLine } from '../core/workspace';
import type { CliIo, CliRules } from './io';
import { nodeNoteSource } from './nodeNoteSource';

/**
 * The folder whose notes the editor would hold for this note: the configuration's notes folder, else
 * the nearest folder up from the note named like the notes folder (growth-notes), else the note's own.
 */
export function notesRootOf(notePath: string, found: CliRules): string {
  const isFolder = (path: string) => existsSync(path) && statSync(path).isDirectory();
  const configured = join(found.base, found.rules.notesFolder);
  if (found.file) return isFolder(configured) ? configured : found.base;
  const name = basename(found.rules.notesFolder);
  for (let folder = dirname(resolve(notePath)); ; folder = dirname(folder)) {
    if (basename(folder) === name) return folder;
    if (existsSync(join(folder, '.git')) || dirname(folder) === folder) return dirname(resolve(notePath));
  }
}

/**
 * The person's notes dated before this one, read through the same pipeline as every walk, for "What
 * we agreed last time". A note whose flat frontmatter names someone else, or a later day, is passed
 * over unread: a folder of many people costs what the person's own notes cost. A note whose
 * frontmatter is not flat is read in full and judged by the index, as in the editor.
 */
export async function earlierNotesOf(root: string, noteText: string, io: CliIo, script: QuestionScript): Promise<IndexedNote[]> {
  const current = summarizeNote(noteText, script);
  if (!current.person || !current.date) return [];
  const person = personKey(current.person);
  const date = current.date;
  const source = nodeNoteSource(root, { blocking: true });
  const mayBeEarlier = (bytes: Uint8Array) => {
    const decoded = decodeNoteBytes(bytes);
    const data = 'text' in decoded ? simpleFrontmatter(decoded.text)?.data : undefined;
    if (!data) return true;
    return typeof data.person === 'string' && personKey(data.person) === person && typeof data.date === 'string' && data.date < date;
  };
  const earlierOnly: NoteSource = {
    list: () => source.list(),
    stat: path => source.stat(path),
    read: async path => {
      const bytes = await source.read(path);
      return mayBeEarlier(bytes) ? bytes : new Uint8Array();
    },
  };
  const pipeline = new NotePipeline(earlierOnly, { script, sliceMs: Infinity, concurrency: 64, keepTexts: false });
  await pipeline.build();
  const unread = unreadNotes(pipeline.skipped);
  if (unread.length > 0) io.printError(unreadNotesLine(unread, true));
  return pipeline.index.all();
}
