import { analyzeNote, ANY_MARKER, mayHoldTheirWords, complexityProblem, declaresGrowthNote, emptyBody, Frontmatter, MIN_ACHIEVEMENTS, NEXT_STEPS_ID, Note, NoteAnalysis, NoteContext, noteFields, NoteSummary, parseFrontmatter, PRIVATE_ID, QuestionScript, SimpleFrontmatter, simpleFrontmatterWithFields, validateNote } from '../note';
import { Document, Node, Pair, Scalar, YAMLMap, YAMLSeq } from 'yaml';
import { NotePipeline } from './notePipeline';
import { LineIndex, Problem } from '../base';

export interface FileProblems {
  readonly path: string;
  readonly problems: Problem[];
}

/**
 * What validation needs of a note. Only one body check (fewer than three achievements) needs the body:
 * the summary counts them and says where the achievements section's heading is. When it cannot say
 * (none counted, so the section may be unanswered; two achievements sections), and for any note with
 * a misspelt marker or a body too odd to summarise, the note model is read in full, so a closed note's
 * problems are the open note's, at the same places. Otherwise the frontmatter alone is read (flat lines
 * without the YAML parser, their problems placed all the same).
 */
export function analysisForValidation(rawText: string, script: QuestionScript, summary: NoteSummary | undefined, summaryOfThisText = false): NoteAnalysis {
  const text = rawText.charCodeAt(0) === 0xfeff ? rawText.slice(1) : rawText;
  // The person's own words can name achievements the summary does not count: the model counts them.
  if (!summary || validationNeedsModel(summary) || mayHoldTheirWords(text)) return analyzeNote(text, script);
  const lines = new LineIndex(text);
  const simple = simpleFrontmatterWithFields(text);
  const split = simple ? { frontmatter: flatFrontmatter(text, simple), bodyOffset: simple.bodyOffset, problems: [] } : parseFrontmatter(text, lines);
  const body = text.slice(split.bodyOffset);
  // A summary made from this very text that counted achievements has scanned its body: it is not too complex.
  const scanned = summaryOfThisText && summary.achievements !== undefined && summary.achievements > 0;
  if ((!scanned && complexityProblem(body)) || hasUnknownMarker(body, script)) return analyzeNote(text, script);
  const data = split.frontmatter?.isMap ? split.frontmatter.data : {};
  const note: Note = {
    isGrowthNote: split.frontmatter?.isMap ? data.type === 'growth-conversation' : declaresGrowthNote(text),
    data,
    ...noteFields(data, script.privacyWords),
    ...emptyBody(),
    unknownMarkers: [],
    achievements: summary.achievements,
    bodyLine: lines.positionAt(split.bodyOffset).line,
    problems: split.problems,
  };
  const fewAchievements = summary.achievements !== undefined && summary.achievements < MIN_ACHIEVEMENTS;
  return { note, text, lines, frontmatter: split.frontmatter, ...(fewAchievements ? { achievementsLine: summary.achievementsLine } : {}) };
}

/**
 * Whether validating a note of this summary reads the full note model: it counted no achievements (the
 * section may be unanswered), or fewer than three without knowing where their one section's heading is.
 */
export function validationNeedsModel(summary: NoteSummary | undefined): boolean {
  if (!summary || summary.achievements === undefined || summary.achievements >= MIN_ACHIEVEMENTS) return !summary;
  return summary.achievements === 0 || summary.achievementsLine === undefined;
}

/** YAML text starts after the opening `---`, as `parseFrontmatter` has it. */
const YAML_OFFSET = 3;

/**
 * The frontmatter of flat lines as the YAML parser would give it: the same data, and a document whose
 * nodes hold the same ranges (offsets into the YAML text), so every problem is placed where the full
 * parse places it. A test holds the two to the same problems, positions included.
 */
function flatFrontmatter(text: string, simple: SimpleFrontmatter): Frontmatter {
  const node = <T extends Node>(made: T, start: number, end: number): T => {
    made.range = [start - YAML_OFFSET, end - YAML_OFFSET, end - YAML_OFFSET];
    return made;
  };
  const map = new YAMLMap<Scalar, Node>();
  for (const field of simple.fields) {
    const value = simple.data[field.key];
    let valueNode: Node;
    if (Array.isArray(value)) {
      const seq = new YAMLSeq<Scalar>();
      seq.flow = text[field.valueStart] === '[';
      seq.items = value.map((item, i) => node(new Scalar(item), field.items?.[i]?.[0] ?? field.valueStart, field.items?.[i]?.[1] ?? field.valueStart));
      valueNode = node(seq, field.valueStart, field.valueEnd);
    } else valueNode = node(new Scalar(value), field.valueStart, field.valueEnd);
    map.items.push(new Pair(node(new Scalar(field.key), field.keyStart, field.keyStart + field.key.length), valueNode));
  }
  const fields = simple.fields;
  node(map, fields[0].keyStart, fields[fields.length - 1].valueEnd);
  const document = new Document();
  document.contents = map;
  return { document: document as Document.Parsed, yamlText: text.slice(YAML_OFFSET, simple.close).replace(/\r$/, ''), yamlOffset: YAML_OFFSET, data: simple.data, isMap: true };
}


/** A growth marker naming no section of the script: only the full parse says exactly where, with a suggestion. */
function hasUnknownMarker(body: string, script: QuestionScript): boolean {
  if (!/growth/i.test(body)) return false;
  const known = new Set([...script.questions.map(q => q.id), NEXT_STEPS_ID, PRIVATE_ID]);
  for (const match of body.matchAll(ANY_MARKER)) if (!known.has(match[1].toLowerCase())) return true;
  return false;
}

/** The one validator of a note in its workspace, for the editor's diagnostics and the CLI alike. */
export function validateNoteText(text: string, summary: NoteSummary | undefined, script: QuestionScript, context: NoteContext, summaryOfThisText = false): Problem[] {
  return validateNote(analysisForValidation(text, script, summary, summaryOfThisText), context);
}

/**
 * Answers validation's questions about other notes from the index: who a `previous` note is with
 * (no extra read), and each theme's usual spelling (or the agreed one, when the caller knows a shared
 * vocabulary). `keyOf` turns a resolved path into an index key.
 */
export function indexContext(pipeline: NotePipeline, notePath: string, keyOf: (path: string) => string = path => path,
  preferredSpelling: (key: string) => string | undefined = key => pipeline.index.preferredSpelling(key)): NoteContext {
  return {
    notePath,
    personAt: path => {
      const key = keyOf(path);
      const note = pipeline.index.get(key);
      if (note) return note.person ?? null;
      return pipeline.knows(key) ? null : undefined;
    },
    preferredSpelling,
  };
}

/**
 * Every problem of a source whose pipeline was built with `keepTexts`: each growth note read; each
 * file left out that says it is a growth note or could not be read or decoded (so may be one); and,
 * as warnings, what the walk passed over without losing anything (a file deleted meanwhile, a folder
 * link back into a folder already read). Sorted by path.
 */
export function validateBuiltSource(pipeline: NotePipeline, texts: ReadonlyMap<string, string>): FileProblems[] {
  const results: FileProblems[] = [];
  for (const [path, skipped] of pipeline.skipped) {
    if (skipped.declaresGrowthNote || skipped.unread || skipped.problem.severity !== 'error') results.push({ path, problems: [skipped.problem] });
  }
  for (const note of pipeline.index.all()) {
    const text = texts.get(note.path);
    if (text === undefined) continue;
    // The pipeline kept the text it summarised: the summary is of this very text.
    results.push({ path: note.path, problems: validateNoteText(text, note, pipeline.scriptFor(note.path), indexContext(pipeline, note.path), true) });
  }
  return results.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
