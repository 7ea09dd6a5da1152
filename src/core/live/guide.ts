import { MIN_ACHIEVEMENTS, NEXT_STEPS_ID, Note, PRIVATE_ID, Question, QuestionScript, Section } from '../note';
import { fieldEnum, MessageId, msg } from '../base';

/** One question as the guide shows it. */
export interface GuideQuestion {
  readonly question: Question;
  readonly number: number;
  /** The question's section in the note, if it has one. */
  readonly section?: Section;
  readonly answered: boolean;
  readonly current: boolean;
  /** Short, question-specific nudges from what the note says. */
  readonly hints: string[];
}

export interface GuideState {
  readonly questions: GuideQuestion[];
  readonly answeredCount: number;
  /** Index of the question the cursor is in, or -1. */
  readonly currentIndex: number;
}

/** A value of a frontmatter enum as the guide offers it in a pick; its words are read when shown, in the editor's language. */
export interface EnumChoice {
  readonly value: string;
  readonly label: string;
  readonly detail: string;
}

/** The message ids of a value's label and detail. */
type ChoiceWords = Readonly<Record<string, readonly [label: MessageId, detail: MessageId]>>;

// The values come from the schema; these are only the words shown beside them.
const CAREER_PATH_WORDS: ChoiceWords = {
  'technical-specialist': ['careerPath.technicalSpecialist', 'careerPath.technicalSpecialist.detail'],
  'architect-consultant': ['careerPath.architectConsultant', 'careerPath.architectConsultant.detail'],
  'product-strategy': ['careerPath.productStrategy', 'careerPath.productStrategy.detail'],
  'people-management': ['careerPath.peopleManagement', 'careerPath.peopleManagement.detail'],
  undecided: ['careerPath.undecided', 'careerPath.undecided.detail'],
};

const FLIGHT_RISK_WORDS: ChoiceWords = {
  low: ['flightRisk.low', 'flightRisk.low.detail'],
  medium: ['flightRisk.medium', 'flightRisk.medium.detail'],
  high: ['flightRisk.high', 'flightRisk.high.detail'],
  'not-assessed': ['flightRisk.notAssessed', 'flightRisk.notAssessed.detail'],
};

/** The schema's values for `key`, each with its words (a value the words do not know shows as itself). */
function enumChoices(key: string, words: ChoiceWords): readonly EnumChoice[] {
  return fieldEnum(key).map(value => {
    const ids = words[value];
    return { value, get label() { return ids ? msg(ids[0]) : value; }, get detail() { return ids ? msg(ids[1]) : ''; } };
  });
}

export const CAREER_PATHS: readonly EnumChoice[] = enumChoices('careerPath', CAREER_PATH_WORDS);
export const FLIGHT_RISKS: readonly EnumChoice[] = enumChoices('flightRisk', FLIGHT_RISK_WORDS);

/** Where the manager is in the script, what is answered, and what needs a second look. */
export function guideState(note: Note, script: QuestionScript, cursorLine?: number, achievements = note.achievements): GuideState {
  // A section runs until the next one starts, blank lines included: that is where the manager types.
  const containing = cursorLine === undefined ? undefined
    : [...note.sections].sort((a, b) => a.headingLine - b.headingLine).filter(s => s.headingLine <= cursorLine).pop();
  const current = containing?.kind === 'question' ? containing : undefined;
  const questions = script.questions.map((question, index): GuideQuestion => {
    const section = note.sections.find(s => s.questionId === question.id);
    return {
      question,
      number: index + 1,
      section,
      answered: section?.answered ?? false,
      current: current !== undefined && current.questionId === question.id,
      hints: hintsFor(question, section, note, achievements),
    };
  });
  return {
    questions,
    answeredCount: questions.filter(q => q.answered).length,
    currentIndex: questions.findIndex(q => q.current),
  };
}

/** `achievements`: how many the note names, the person's own words (a pre-read) included. */
function hintsFor(question: Question, section: Section | undefined, note: Note, achievements: number | undefined): string[] {
  const hints: string[] = [];
  switch (question.records) {
    case 'achievements':
      if (section?.answered && (achievements ?? 0) < MIN_ACHIEVEMENTS) {
        hints.push(msg('guide.fewAchievements', achievements ?? 0, MIN_ACHIEVEMENTS));
      }
      break;
    case 'goalReview': {
      const open = note.tasks.filter(t => t.questionId === question.id && t.untouchedCarry).length;
      if (open > 0) hints.push(msg(open === 1 ? 'guide.goalNotReviewed' : 'guide.goalsNotReviewed', open));
      break;
    }
    case 'careerPath':
      if (section?.answered && (!note.careerPath || note.careerPath === 'undecided')) hints.push(msg('guide.noCareerPath'));
      break;
    case 'flightRisk':
      if (section?.answered && (!note.flightRisk || note.flightRisk === 'not-assessed')) hints.push(msg('guide.flightRiskNotAssessed'));
      if ((note.flightRisk === 'high' || note.flightRisk === 'medium')
        && !note.tasks.some(t => t.sectionKind === 'next-steps' && !t.done && t.carriedFrom === undefined)) {
        hints.push(msg('guide.flightRiskNoAction', note.flightRisk));
      }
      break;
    default:
      break;
  }
  return hints;
}

/** A deleted section put back: inserted at the start of `line` (at the end of the text when past it). */
export interface SectionInsertion {
  readonly line: number;
  readonly text: string;
  /** Where the answer line starts in `text`: the cursor goes there in the same edit. */
  readonly cursor: number;
}

/**
 * Where a deleted question section goes back, and its text: before the next question that still has a
 * section, else before Next steps or Private notes, else at the end.
 */
export function missingSectionInsertion(note: Note, script: QuestionScript, questionId: string, lineCount: number): SectionInsertion | undefined {
  const index = script.questions.findIndex(q => q.id === questionId);
  if (index === -1) return undefined;
  const question = script.questions[index];
  const later = script.questions.slice(index + 1).map(q => note.sections.find(s => s.questionId === q.id)).find(s => s !== undefined);
  const closing = note.sections.find(s => s.kind === 'next-steps' || s.kind === 'private');
  const line = later?.headingLine ?? closing?.headingLine ?? lineCount;
  // The heading, a fresh line for the answer and a blank line before what follows: one edit, so one undo.
  const heading = `${line >= lineCount ? '\n' : ''}## ${index + 1}. ${question.title} <!-- growth:${question.id} -->\n`;
  return { line, text: `${heading}\n\n`, cursor: heading.length };
}

/** Where the cursor lands in a section, and the line breaks to insert first so that line is fresh. */
export interface AnswerSpot {
  readonly line: number;
  readonly character: number;
  /** Inserted at the end of `afterLine` before moving there: room for the answer and a blank line before the next heading. */
  readonly insert?: { readonly afterLine: number; readonly text: string };
}

const COMMENT_ONLY = /^\s*<!--.*-->\s*$/;
const EMPTY_LIST_ITEM = /^\s{0,3}(?:[-*+]|\d{1,9}[.)])(?:\s+\[[ xX]\])?\s*$/;

/**
 * Where to type in a section. An answer already there: the end of its last line, to go on with it.
 * Otherwise a fresh line: an empty list item the scaffold left (achievements), else the line after
 * the heading, guidance and carried goals, keeping a blank line before the next heading. When those
 * lines are missing, `insert` says what to add.
 */
export function freshAnswerSpot(section: Section, lineText: (line: number) => string, lineCount: number): AnswerSpot {
  const end = Math.min(section.endLine, lineCount - 1);
  let last = section.headingLine;
  for (let line = section.headingLine + 1; line <= end; line++) {
    const text = lineText(line);
    if (EMPTY_LIST_ITEM.test(text) && !COMMENT_ONLY.test(text)) return { line, character: text.length };
    if (text.trim() !== '') last = line;
  }
  if (section.answered && last > section.headingLine) return { line: last, character: lineText(last).length };
  // A section's last line is its last written one: count the blank lines that follow it up to the next heading.
  let blanksAfter = 0;
  while (last + 1 + blanksAfter < lineCount && lineText(last + 1 + blanksAfter).trim() === '') blanksAfter++;
  // The fresh line, and a blank line after it: before the next heading, or the note's final line break.
  const needed = 2;
  if (blanksAfter >= needed) return { line: last + 1, character: 0 };
  return { line: last + 1, character: 0, insert: { afterLine: last, text: '\n'.repeat(needed - blanksAfter) } };
}

/**
 * Where to type in a note that has none of the script's sections: a line of its own at the end of the
 * body. Never the frontmatter's closing line, even when the text ends on it without a line break.
 */
export function bodyEndSpot(bodyLine: number, lineText: (line: number) => string, lineCount: number): AnswerSpot {
  const last = lineCount - 1;
  if (last >= bodyLine && lineText(last) === '') return { line: last, character: 0 };
  return { line: last + 1, character: 0, insert: { afterLine: last, text: '\n' } };
}

/** The note has a section Next / Previous can go to (a question, Next steps or Private notes). */
export function hasStopSection(note: Note): boolean {
  return note.sections.some(s => s.kind !== 'other');
}

/**
 * Where Next (1) or Previous (-1) goes from the cursor's line: the neighbouring stop, or undefined when
 * there is none that way. Outside every stop (the frontmatter, above the first question, a section of
 * the manager's own) it is the nearest stop in that direction.
 */
export function neighbourStop(note: Note, script: QuestionScript, cursorLine: number, direction: 1 | -1): string | undefined {
  const stops = conversationStops(note, script);
  const here = stopAt(note, cursorLine);
  const at = here === undefined ? -1 : stops.indexOf(here);
  if (at >= 0) return stops[at + direction];
  const below = stops.findIndex(stop => (sectionOfStop(note, stop)?.headingLine ?? -1) > cursorLine);
  if (direction === 1) return below === -1 ? undefined : stops[below];
  return stops[(below === -1 ? stops.length : below) - 1];
}

/** The places Next / Previous Question step through: every question, then Next steps and Private notes. */
export function conversationStops(note: Note, script: QuestionScript): string[] {
  const closing = [NEXT_STEPS_ID, PRIVATE_ID].filter(id => note.sections.some(s => s.kind === id));
  return [...script.questions.map(q => q.id), ...closing];
}

/** The stop the cursor is in (a question id, `next-steps` or `private`), or undefined above the first section. */
export function stopAt(note: Note, cursorLine: number): string | undefined {
  const containing = [...note.sections].sort((a, b) => a.headingLine - b.headingLine).filter(s => s.headingLine <= cursorLine).pop();
  if (!containing) return undefined;
  if (containing.kind === 'question') return containing.questionId;
  return containing.kind === 'next-steps' || containing.kind === 'private' ? containing.kind : undefined;
}

/** The section of a stop, if the note has it. */
export function sectionOfStop(note: Note, stop: string): Section | undefined {
  return note.sections.find(s => (s.kind === 'question' ? s.questionId === stop : s.kind === stop));
}
