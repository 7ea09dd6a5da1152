import { complexityProblem } from './body';
import { declaresGrowthNote, parseFrontmatter } from './frontmatter';
import { analyzeNote, Note, NoteAnalysis, noteFields } from './note';
import { NotePipeline } from './notePipeline';
import { NoteSummary } from './noteSummary';
import { LineIndex, Problem } from './problem';
import { QuestionScript } from './questionScript';
import { MIN_ACHIEVEMENTS, NoteContext, validateNote } from './validate';

export interface FileProblems {
  readonly path: string;
  readonly problems: Problem[];
}

/**
 * What validation needs of a note. The remark parse of the body runs only when the summary says a
 * body check needs it (fewer than three achievements, or a body too odd to analyse); every other
 * check reads the frontmatter alone. A differential test holds this to the full analysis.
 */
export function analysisForValidation(rawText: string, script: QuestionScript, summary: NoteSummary | undefined): NoteAnalysis {
  const text = rawText.charCodeAt(0) === 0xfeff ? rawText.slice(1) : rawText;
  if (!summary || (summary.achievements !== undefined && summary.achievements < MIN_ACHIEVEMENTS)) return analyzeNote(text, script);
  const lines = new LineIndex(text);
  const split = parseFrontmatter(text, lines);
  if (complexityProblem(text.slice(split.bodyOffset))) return analyzeNote(text, script);
  const data = split.frontmatter?.isMap ? split.frontmatter.data : {};
  const note: Note = {
    isGrowthNote: split.frontmatter?.isMap ? data.type === 'growth-conversation' : declaresGrowthNote(text),
    data,
    ...noteFields(data),
    sections: [],
    tasks: [],
    tags: [],
    achievements: summary.achievements,
    bodyLine: lines.positionAt(split.bodyOffset).line,
    problems: split.problems,
  };
  return { note, text, lines, frontmatter: split.frontmatter };
}

/** The one validator of a note in its workspace, for the editor's diagnostics and the CLI alike. */
export function validateNoteText(text: string, summary: NoteSummary | undefined, script: QuestionScript, context: NoteContext): Problem[] {
  return validateNote(analysisForValidation(text, script, summary), context);
}

/**
 * Answers validation's questions about other notes from the index: who a `previous` note is with
 * (no extra read), and each theme's usual spelling. `keyOf` turns a resolved path into an index key.
 */
export function indexContext(pipeline: NotePipeline, notePath: string, keyOf: (path: string) => string = path => path): NoteContext {
  return {
    notePath,
    personAt: path => {
      const key = keyOf(path);
      const note = pipeline.index.get(key);
      if (note) return note.person ?? null;
      return pipeline.knows(key) ? null : undefined;
    },
    preferredSpelling: key => pipeline.index.preferredSpelling(key),
  };
}

/**
 * Every problem of a source whose pipeline was built with `keepTexts`: each growth note read, and
 * each file left out that says it is a growth note. Sorted by path.
 */
export function validateBuiltSource(pipeline: NotePipeline, texts: ReadonlyMap<string, string>): FileProblems[] {
  const results: FileProblems[] = [];
  for (const [path, skipped] of pipeline.skipped) {
    if (skipped.declaresGrowthNote) results.push({ path, problems: [skipped.problem] });
  }
  for (const note of pipeline.index.all()) {
    const text = texts.get(note.path);
    if (text === undefined) continue;
    results.push({ path: note.path, problems: validateNoteText(text, note, pipeline.questionScript, indexContext(pipeline, note.path)) });
  }
  return results.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
