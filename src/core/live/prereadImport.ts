import { fillPlaceholders, msg, MESSAGES } from '../base';
import { analyzeNote, QuestionScript, readReturnedFile, ReturnedFile, simplify, theirWordsBlock, theirWordsIn, theirWordsOffset } from '../note';

/** Markers of the pre-read's parts that are no question: last time's goals and the open actions. */
export const PREREAD_GOALS_ID = 'looking-back';
export const PREREAD_ACTIONS_ID = 'open-actions';

/** One answer of a returned pre-read, placed under a question of the script. */
export interface PlacedAnswer {
  readonly questionId: string;
  readonly answer: string;
  /** How its heading was matched: by its marker, its number, or its words. */
  readonly how: 'marker' | 'number' | 'words';
  /** The heading as the person left it, and its line in the file. */
  readonly heading: string;
  readonly line: number;
}

/** What a returned pre-read holds, matched to the script. */
export interface PrereadMatch {
  readonly placed: readonly PlacedAnswer[];
  /** Headings with an answer that no question matches. */
  readonly unplaced: readonly { readonly heading: string; readonly line: number }[];
  /** Something written before the first heading that is not ours. */
  readonly textBeforeFirst: boolean;
  readonly skipped?: string;
}

/** The paragraphs the pre-read itself writes, in English and in the language shown: no answer. */
export function prereadOwnText(script: QuestionScript): (simplified: string) => boolean {
  const goalsQuestion = goalReviewNumber(script);
  const english = [MESSAGES['preread.intro'], MESSAGES['preread.whatHappens'], MESSAGES['preread.achievementsPrompt'], fillPlaceholders(MESSAGES['preread.goalsIntro'], [goalsQuestion])];
  const shown = [msg('preread.intro'), msg('preread.whatHappens'), msg('preread.achievementsPrompt'), msg('preread.goalsIntro', goalsQuestion)];
  const texts = new Set([...english, ...shown].map(simplify));
  return words => texts.has(words);
}

/** The question number the pre-read points last time's goals to: the one reviewing goals, else 4. */
export function goalReviewNumber(script: QuestionScript): number {
  const index = script.questions.findIndex(q => q.records === 'goalReview');
  return index === -1 ? Math.min(4, script.questions.length) : index + 1;
}

/** Reads a returned pre-read and matches each answer to a question: by marker, then number, then words. */
export function matchReturnedPreread(text: string, script: QuestionScript): PrereadMatch {
  return matchHeadings(readReturnedFile(text, prereadOwnText(script)), script);
}

export function matchHeadings(file: ReturnedFile, script: QuestionScript): PrereadMatch {
  const info = new Set([PREREAD_GOALS_ID, PREREAD_ACTIONS_ID]);
  const infoHeadings = new Set([MESSAGES['preread.goalsHeading'], MESSAGES['preread.actionsHeading'], msg('preread.goalsHeading'), msg('preread.actionsHeading')].map(simplify));
  const headings = file.headings.filter(h => h.answer.trim() !== '' && !(h.marker !== undefined && info.has(h.marker)) && !infoHeadings.has(simplify(h.text)));
  const found = new Map<number, { id: string; how: PlacedAnswer['how'] }>();
  headings.forEach((h, i) => {
    const byMarker = script.questions.find(q => q.id === h.marker);
    if (byMarker) found.set(i, { id: byMarker.id, how: 'marker' });
  });
  headings.forEach((h, i) => {
    const byNumber = h.number === undefined ? undefined : script.questions[h.number - 1];
    if (!found.has(i) && h.marker === undefined && byNumber) found.set(i, { id: byNumber.id, how: 'number' });
  });
  const taken = new Set([...found.values()].map(f => f.id));
  headings.forEach((h, i) => {
    if (found.has(i)) return;
    const byWords = closestQuestion(h.text, script, taken);
    if (byWords) {
      found.set(i, { id: byWords, how: 'words' });
      taken.add(byWords);
    }
  });
  const placed = new Map<string, PlacedAnswer>();
  const unplaced: { heading: string; line: number }[] = [];
  headings.forEach((h, i) => {
    const match = found.get(i);
    if (!match) {
      unplaced.push({ heading: h.text, line: h.line });
      return;
    }
    // Two headings for one question: both answers, in the file's order.
    const before = placed.get(match.id);
    placed.set(match.id, before ? { ...before, answer: `${before.answer}\n\n${h.answer}` } : { questionId: match.id, answer: h.answer, how: match.how, heading: h.text, line: h.line });
  });
  const order = script.questions.map(q => q.id);
  return {
    placed: [...placed.values()].sort((a, b) => order.indexOf(a.questionId) - order.indexOf(b.questionId)),
    unplaced, textBeforeFirst: file.beforeFirst.trim() !== '', ...(file.skipped ? { skipped: file.skipped } : {}),
  };
}

const STOP_WORDS = new Set(['the', 'and', 'you', 'your', 'are', 'what', 'which', 'how', 'would', 'from', 'for', 'with', 'that', 'this', 'have', 'were', 'was', 'our', 'about', 'look', 'like', 'want', 'question', 'still', 'here', 'most', 'one', 'job']);

/** A word's first five letters: "proudest" and "proud", "achievement" and "achievements" compare equal. */
function stems(text: string): Set<string> {
  return new Set(simplify(text).split(' ').filter(word => word.length > 2 && !STOP_WORDS.has(word) && !/^\d+$/.test(word)).map(word => word.slice(0, 5)));
}

/**
 * The question whose words a heading shares most (counted against the heading's own words), when
 * it shares at least half of them and no other question shares as many.
 */
function closestQuestion(heading: string, script: QuestionScript, taken: ReadonlySet<string>): string | undefined {
  const words = stems(heading);
  if (words.size === 0) return undefined;
  const scored = script.questions.filter(q => !taken.has(q.id)).map(q => {
    const theirs = new Set([...stems(q.title), ...stems(q.id.replace(/-/g, ' '))]);
    return { id: q.id, score: [...words].filter(w => theirs.has(w)).length / words.size };
  }).sort((a, b) => b.score - a.score);
  const [best, second] = scored;
  return best && best.score >= 0.5 && (!second || second.score < best.score) ? best.id : undefined;
}

/** What the manager is told about the returned file itself: why it could not be read, text before the first question, headings no question matches. */
export function unplacedNotes(match: PrereadMatch): string[] {
  return [
    ...(match.skipped ? [match.skipped] : []),
    ...(match.textBeforeFirst ? [msg('preread.beforeFirst')] : []),
    ...match.unplaced.map(u => msg('preread.unplaced', u.heading, u.line)),
  ];
}

/** One insertion into a note: their words for one question. */
export interface TheirWordsInsertion {
  readonly questionId: string;
  readonly offset: number;
  readonly text: string;
}

export interface TheirWordsPlan {
  readonly insertions: readonly TheirWordsInsertion[];
  /** What was not placed, and why, in words for the manager. */
  readonly notes: readonly string[];
  /** Why nothing can be placed in this note at all. */
  readonly refused?: string;
}

/**
 * Where each answer goes in a note: under its question's heading (and the comments right after it),
 * above whatever the manager wrote there. Insertions only: nothing already in the note moves or
 * changes. A question that already holds their words, or that the note has no single section for, is
 * left out and named. The plan is checked by reading the result again: each answer must then be
 * read as their words under its own question, with the note's sections as they were.
 */
export function planTheirWords(noteText: string, answers: readonly PlacedAnswer[], script: QuestionScript): TheirWordsPlan {
  const analysis = analyzeNote(noteText, script);
  if (!analysis.note.isGrowthNote) return { insertions: [], notes: [], refused: msg('share.notGrowthNote') };
  if (analysis.note.problems.some(p => p.code === 'body-too-complex')) return { insertions: [], notes: [], refused: msg('share.tooComplex') };
  const bom = noteText.length - analysis.text.length;
  const existing = theirWordsIn(analysis);
  const insertions: TheirWordsInsertion[] = [];
  const notes: string[] = [];
  for (const answer of answers) {
    const title = script.questions.find(q => q.id === answer.questionId)?.title ?? answer.questionId;
    const sections = analysis.note.sections.flatMap((s, i) => (s.questionId === answer.questionId ? [i] : []));
    if (sections.length !== 1) notes.push(msg('preread.noSection', title));
    else if (existing.has(answer.questionId)) notes.push(msg('preread.already', title));
    else {
      const offset = theirWordsOffset(analysis, sections[0]);
      const lead = offset === analysis.text.length && !analysis.text.endsWith('\n') ? '\n' : '';
      insertions.push({ questionId: answer.questionId, offset: offset + bom, text: `${lead}${theirWordsBlock(answer.answer)}\n` });
    }
  }
  const check = verify(noteText, insertions, script, analysis.note.sections.length);
  return check ? { insertions: [], notes, refused: check } : { insertions, notes };
}

/** The note's text with the insertions made. */
export function withInsertions(text: string, insertions: readonly TheirWordsInsertion[]): string {
  let out = text;
  for (const insertion of [...insertions].sort((a, b) => b.offset - a.offset)) out = out.slice(0, insertion.offset) + insertion.text + out.slice(insertion.offset);
  return out;
}

function verify(noteText: string, insertions: readonly TheirWordsInsertion[], script: QuestionScript, sectionCount: number): string | undefined {
  if (insertions.length === 0) return undefined;
  const after = analyzeNote(withInsertions(noteText, insertions), script);
  const found = theirWordsIn(after);
  const fine = after.note.sections.length === sectionCount && insertions.every(i => found.has(i.questionId));
  return fine ? undefined : msg('preread.unsafe');
}
