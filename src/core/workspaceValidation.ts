import { analyzeNote, NoteAnalysis } from './note';
import { Problem } from './problem';
import { BUILT_IN_SCRIPT, QuestionScript } from './questionScript';
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
  const personAt = (path: string) => (analyses.has(path) ? analyses.get(path)?.note.person ?? null : knownFiles.has(path) ? null : undefined);
  for (const [path, analysis] of analyses) {
    results.push({ path, problems: validateNote(analysis, { notePath: path, personAt }) });
  }
  return results.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
