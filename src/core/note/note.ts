import { Body, emptyBody, parseBody } from './body';
import { Block, HiddenSpan, TagMention, TaskItem, UnknownMarker } from './blocks';
import { ClassifierOptions, classifyBlock, mayBePrivate } from './privacyClassifier';
import { Section } from './sections';
import { declaresGrowthNote, Frontmatter, parseFrontmatter } from './frontmatter';
import { LineIndex, msg, problem, Problem, randomHex } from '../base';
import { BUILT_IN_SCRIPT, QuestionScript } from './questionScript';

/** The frontmatter values a note's views read, each present only when it has the right type. */
export interface NoteFields {
  readonly person?: string;
  readonly date?: string;
  readonly manager?: string;
  readonly team?: string;
  readonly level?: string;
  readonly previous?: string;
  readonly careerPath?: string;
  readonly flightRisk?: string;
  readonly nextConversation?: string;
  readonly sharedOn?: string;
  /** Frontmatter `themes`, as written. */
  readonly themes: readonly string[];
  /** Frontmatter `personId`: the person's stable id (`p-` and 16 hex digits), when well formed. */
  readonly stablePersonId?: string;
}

/** What one growth note says, as plain data. Lines are zero-based. */
export interface Note extends NoteFields {
  /** The frontmatter declares `type: growth-conversation`. */
  readonly isGrowthNote: boolean;
  /** Frontmatter values; empty when the frontmatter could not be read. */
  readonly data: Readonly<Record<string, unknown>>;
  readonly sections: readonly Section[];
  readonly tasks: readonly TaskItem[];
  readonly tags: readonly TagMention[];
  /** Every block of the body, in document order, each with its one privacy class. */
  readonly blocks: readonly Block[];
  /** Stretches of the body never shown to anyone else (comments, raw HTML, what hidden HTML holds). */
  readonly hidden: readonly HiddenSpan[];
  /** Where a comment opens that never closes: nothing from there on is shown to anyone else. */
  readonly unclosedComment?: number;
  readonly achievements?: number;
  /** First line of the Markdown body. */
  readonly bodyLine: number;
  /** Problems found while reading (frontmatter syntax, unreadable body); validation adds the rest. */
  readonly problems: readonly Problem[];
  /** Growth marker comments that name no known section. */
  readonly unknownMarkers: readonly UnknownMarker[];
}

/** A note with what editing and validation need beyond the plain data. */
export interface NoteAnalysis {
  readonly note: Note;
  readonly text: string;
  readonly lines: LineIndex;
  readonly frontmatter?: Frontmatter;
  /**
   * Set when the body was summarised rather than read into the model (validation's quick path): the
   * heading line of the achievements section the summary counted in, as the model would place it.
   */
  readonly achievementsLine?: number;
}

/** Reads a note's text. Never throws and never runs anything found in the note. */
export function analyzeNote(rawText: string, script: QuestionScript = BUILT_IN_SCRIPT): NoteAnalysis {
  // Editors drop the byte-order mark too, so positions agree with VS Code's.
  const text = rawText.charCodeAt(0) === 0xfeff ? rawText.slice(1) : rawText;
  const lines = new LineIndex(text);
  const split = parseFrontmatter(text, lines);
  const data = split.frontmatter?.isMap ? split.frontmatter.data : {};
  const bodyLine = lines.positionAt(split.bodyOffset).line;
  const isGrowthNote = split.frontmatter?.isMap ? data.type === 'growth-conversation' : declaresGrowthNote(text);
  // Only a growth note's body is parsed: any other Markdown file in the workspace costs no more than its frontmatter.
  const body: Body = isGrowthNote || declaresGrowthNote(text) ? parseBody(text, split.bodyOffset, bodyLine, script, optionalText(data.person)) : emptyBody();
  const problems = [...split.problems];
  if (body.skipped) {
    problems.push(problem(lines.lineRange(bodyLine), 'warning', 'body-too-complex',
      msg('body.notAnalysed', body.skipped)));
  }
  const note: Note = {
    isGrowthNote,
    data,
    ...noteFields(data, script.privacyWords),
    sections: body.sections,
    tasks: body.tasks,
    tags: body.tags,
    blocks: body.blocks,
    hidden: body.hidden,
    unclosedComment: body.unclosedComment,
    achievements: body.achievements,
    bodyLine,
    problems,
    unknownMarkers: body.unknownMarkers ?? [],
  };
  return { note, text, lines, frontmatter: split.frontmatter };
}

/** A person's stable id as the schema allows it: random, so it never spells a name. */
export const STABLE_PERSON_ID = /^p-[0-9a-f]{16}$/;

/** A new stable id for a person: 64 random bits, so it says nothing of who they are. */
export function newStablePersonId(): string {
  return `p-${randomHex(8)}`;
}

export function noteFields(data: Readonly<Record<string, unknown>>, privacyWords?: readonly string[]): NoteFields {
  const words = { extraWords: privacyWords, person: optionalText(data.person) };
  return {
    person: optionalText(data.person),
    date: optionalText(data.date),
    manager: sharedText(data.manager, words),
    team: sharedText(data.team, words),
    level: sharedText(data.level, words),
    previous: optionalText(data.previous),
    careerPath: optionalText(data.careerPath),
    flightRisk: optionalText(data.flightRisk),
    nextConversation: optionalText(data.nextConversation),
    sharedOn: optionalText(data.sharedOn),
    themes: Array.isArray(data.themes) ? data.themes.filter((t): t is string => typeof t === 'string') : [],
    stablePersonId: typeof data.personId === 'string' && STABLE_PERSON_ID.test(data.personId) ? data.personId : undefined,
  };
}

/**
 * A value that groups people in views and reports (manager, team, level): one that reads as private
 * ("Payments (private) moving to Risk") is treated as not written, so no output counts or prints it.
 */
function sharedText(value: unknown, words: ClassifierOptions): string | undefined {
  const text = optionalText(value);
  // A value over several lines, or holding what reads as a comment, is no name to group people by.
  if (text === undefined || /[\r\n]|\s#/.test(text)) return undefined;
  return mayBePrivate(text, words) && classifyBlock(text, words).privacy !== 'shared' ? undefined : text;
}

function optionalText(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

/**
 * Where an open task is now in a note's text, as the note model reads it: the open item with the
 * same visible text, when there is exactly one (on its recorded line or, when lines moved since it
 * was indexed, elsewhere). Undefined when it is gone, done, or written twice: ticking a guess could
 * tick the wrong promise.
 */
export function locateOpenTask(text: string, task: { readonly line: number; readonly text: string }): { line: number; boxColumn: number } | undefined {
  const lines = new LineIndex(text);
  const split = parseFrontmatter(text, lines);
  const bodyLine = lines.positionAt(split.bodyOffset).line;
  const { tasks } = parseBody(text, split.bodyOffset, bodyLine, BUILT_IN_SCRIPT);
  const same = tasks.filter(t => !t.done && t.text === task.text && t.box !== undefined);
  if (same.length !== 1) return undefined;
  const box = lines.positionAt(same[0].box ?? 0);
  return { line: box.line, boxColumn: box.character };
}

const QUOTABLE = new Set<Block['kind']>(['paragraph', 'item', 'row', 'heading']);

/**
 * What a report may quote from a line of a note: the visible text of the innermost paragraph, item,
 * table row or heading on it, when that block is shared; undefined otherwise. The report never reads
 * a note's raw lines, so a comment, raw HTML or a private word on the line is never quoted.
 */
export function quotableLine(note: Note, line: number): string | undefined {
  let found: Block | undefined;
  // Blocks come in document order, outer before inner: the last one on the line is the innermost.
  for (const block of note.blocks) if (QUOTABLE.has(block.kind) && block.startLine <= line && line <= block.endLine) found = block;
  return found?.privacy === 'shared' && found.text !== '' ? found.text : undefined;
}
