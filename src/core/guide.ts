import { NEXT_STEPS_ID, PRIVATE_ID, Section } from './body';
import { Note } from './note';
import { Question, QuestionScript } from './questionScript';
import { fieldEnum } from './schema';
import { MIN_ACHIEVEMENTS } from './validate';

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

/** A value of a frontmatter enum as the guide offers it in a pick. */
export interface EnumChoice {
  readonly value: string;
  readonly label: string;
  readonly detail: string;
}

// The values come from the schema; these are only the words shown beside them.
const CAREER_PATH_WORDS: Readonly<Record<string, Omit<EnumChoice, 'value'>>> = {
  'technical-specialist': { label: 'Technical specialist', detail: 'Deep expertise in one area; the go-to person for it.' },
  'architect-consultant': { label: 'Architect / consultant', detail: 'Shapes systems across teams; advises more than builds.' },
  'product-strategy': { label: 'Product and strategy', detail: 'Shapes what gets built and why; the path towards CTO.' },
  'people-management': { label: 'People management', detail: 'Grows a team; results through other people.' },
  undecided: { label: 'Undecided', detail: 'No path chosen yet; revisit next time.' },
};

const FLIGHT_RISK_WORDS: Readonly<Record<string, Omit<EnumChoice, 'value'>>> = {
  low: { label: 'Low', detail: '"If this changed, or I could no longer do Y": worth knowing, no rush.' },
  medium: { label: 'Medium', detail: '"If another job offered X": follow up soon.' },
  high: { label: 'High', detail: 'Several reasons, named quickly: follow up directly, this week.' },
  'not-assessed': { label: 'Not assessed', detail: 'The question was not asked or the answer was unclear.' },
};

/** The schema's values for `key`, each with its words (a value the words do not know shows as itself). */
function enumChoices(key: string, words: Readonly<Record<string, Omit<EnumChoice, 'value'>>>): readonly EnumChoice[] {
  return fieldEnum(key).map(value => ({ value, ...(words[value] ?? { label: value, detail: '' }) }));
}

export const CAREER_PATHS: readonly EnumChoice[] = enumChoices('careerPath', CAREER_PATH_WORDS);
export const FLIGHT_RISKS: readonly EnumChoice[] = enumChoices('flightRisk', FLIGHT_RISK_WORDS);

/** Where the manager is in the script, what is answered, and what needs a second look. */
export function guideState(note: Note, script: QuestionScript, cursorLine?: number): GuideState {
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
      hints: hintsFor(question, section, note),
    };
  });
  return {
    questions,
    answeredCount: questions.filter(q => q.answered).length,
    currentIndex: questions.findIndex(q => q.current),
  };
}

function hintsFor(question: Question, section: Section | undefined, note: Note): string[] {
  const hints: string[] = [];
  switch (question.records) {
    case 'achievements':
      if (section?.answered && (note.achievements ?? 0) < MIN_ACHIEVEMENTS) {
        hints.push(`Only ${note.achievements ?? 0} of ${MIN_ACHIEVEMENTS} achievements: worth a gentle follow-up.`);
      }
      break;
    case 'goalReview': {
      const open = note.tasks.filter(t => t.questionId === question.id && t.untouchedCarry).length;
      if (open > 0) hints.push(`${open} goal${open === 1 ? '' : 's'} from last time not yet reviewed.`);
      break;
    }
    case 'careerPath':
      if (section?.answered && (!note.careerPath || note.careerPath === 'undecided')) hints.push('No career path recorded yet.');
      break;
    case 'flightRisk':
      if (section?.answered && (!note.flightRisk || note.flightRisk === 'not-assessed')) hints.push('Answered, but flight risk is still not assessed.');
      if ((note.flightRisk === 'high' || note.flightRisk === 'medium')
        && !note.tasks.some(t => t.sectionKind === 'next-steps' && !t.done && t.carriedFrom === undefined)) {
        hints.push(`Flight risk is ${note.flightRisk}, and Next steps has no new action item.`);
      }
      break;
    default:
      break;
  }
  return hints;
}

/**
 * Where a deleted question section goes back, and its text: before the next question that still has a
 * section, else before Next steps or Private notes, else at the end.
 */
export function missingSectionInsertion(note: Note, script: QuestionScript, questionId: string, lineCount: number): { line: number; text: string } | undefined {
  const index = script.questions.findIndex(q => q.id === questionId);
  if (index === -1) return undefined;
  const question = script.questions[index];
  const later = script.questions.slice(index + 1).map(q => note.sections.find(s => s.questionId === q.id)).find(s => s !== undefined);
  const closing = note.sections.find(s => s.kind === 'next-steps' || s.kind === 'private');
  const line = later?.headingLine ?? closing?.headingLine ?? lineCount;
  // The heading, a fresh line for the answer and a blank line before what follows: one edit, so one undo.
  const text = `## ${index + 1}. ${question.title} <!-- growth:${question.id} -->\n\n\n`;
  return { line, text: line >= lineCount ? `\n${text}` : text };
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
