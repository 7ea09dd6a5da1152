import { analyzeNote, Note, NoteAnalysis } from './note';
import { Problem } from './problem';
import { BUILT_IN_SCRIPT, QuestionScript } from './questionScript';
import { themeUsageAcross } from './themes';
import { validateNote } from './validate';

/** A Markdown file as read from disk: its text, or the problem that kept it from being read. */
export type SourceFile =
  | { readonly path: string; readonly text: string }
  | { readonly path: string; readonly unreadable: Problem };

export interface FileProblems {
  readonly path: string;
  readonly problems: Problem[];
}

/**
 * Validates every growth note among the files, checking each `previous` link against the others.
 * Files that are not growth notes are skipped; unreadable files are reported as they are.
 */
export function validateFiles(files: readonly SourceFile[], script: QuestionScript = BUILT_IN_SCRIPT): FileProblems[] {
  const analyses = new Map<string, NoteAnalysis>();
  const results: FileProblems[] = [];
  for (const file of files) {
    if ('unreadable' in file) results.push({ path: file.path, problems: [file.unreadable] });
    else {
      const analysis = analyzeNote(file.text, script);
      if (analysis.note.isGrowthNote) analyses.set(file.path, analysis);
    }
  }
  const knownFiles = new Set(files.map(f => f.path));
  const spellings = preferredSpellings([...analyses.values()].map(a => a.note));
  const personAt = (path: string) => (analyses.has(path) ? analyses.get(path)?.note.person ?? null : knownFiles.has(path) ? null : undefined);
  for (const [path, analysis] of analyses) {
    results.push({ path, problems: validateNote(analysis, { notePath: path, personAt, preferredSpelling: key => spellings.get(key) }) });
  }
  return results.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** Each theme's most used spelling across the notes, by its normalised key. */
export function preferredSpellings(notes: readonly Note[]): Map<string, string> {
  return new Map(themeUsageAcross(notes).map(usage => [usage.key, usage.name]));
}
