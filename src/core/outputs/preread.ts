import { toString } from 'mdast-util-to-string';
import { msg } from '../base';
import { analyzeNote, bodyTree, QuestionScript } from '../note';
import { answersTo, goalReviewNumber, notesOfPerson, PREREAD_ACTIONS_ID, PREREAD_GOALS_ID } from '../live';
import { AgreedAction, agreedActions, IndexedNote } from '../workspace';
import { markdownToHtml } from './html';
import { shareableCopy, ShareOptions } from './share';

/** What the person's pre-read is made from. */
export interface PrereadInput {
  readonly person: string;
  readonly script: QuestionScript;
  /** Every note in the index; the person's are picked out. */
  readonly notes: readonly IndexedNote[];
  /** A note's full text by its path, for the privacy gate. */
  readonly textOf: (path: string) => string | undefined;
  readonly share: Omit<ShareOptions, 'script'>;
  readonly today: string;
}

/** The pre-read, and what was kept out of it (for the manager, never in the file). */
export interface Preread {
  readonly markdown: string;
  readonly title: string;
  readonly goals: readonly string[];
  readonly actions: readonly string[];
  readonly leftOut: readonly string[];
}

/**
 * A short Markdown file for the person to fill in before the conversation: the script's questions,
 * each with its marker and room to answer, last time's six-month goals, the open actions, and what
 * happens to their answers. Whatever comes from a note passes the privacy gate: a goal or an action is
 * written only when the shareable copy of its note shows it, and a note the copy refuses gives nothing.
 */
export function prereadFor(input: PrereadInput): Preread {
  const notes = notesOfPerson(input.notes, input.person);
  const name = notes[notes.length - 1]?.person?.trim() ?? input.person.trim();
  const gate = new SharedTextGate(input);
  const goals = lastGoals(notes, input, gate);
  // Open as "What we agreed" follows them: still unticked in the latest note (one left out unticked is dropped, not open).
  const actions = agreedActions(notes, input.today)
    .filter(action => action.status === 'open' && !action.private && gate.shows(action.path, action.text)).map(actionLine);
  const title = msg('preread.title', name);
  const out = [`# ${title}`, '', msg('preread.intro'), '', msg('preread.whatHappens'), ''];
  if (goals.length > 0) {
    out.push(`## ${msg('preread.goalsHeading')} <!-- growth:${PREREAD_GOALS_ID} -->`, '', msg('preread.goalsIntro', goalReviewNumber(input.script)), '', ...goals.map(g => `- ${inline(g)}`), '');
  }
  if (actions.length > 0) out.push(`## ${msg('preread.actionsHeading')} <!-- growth:${PREREAD_ACTIONS_ID} -->`, '', ...actions.map(a => `- ${inline(a)}`), '');
  input.script.questions.forEach((question, index) => {
    out.push(`## ${index + 1}. ${question.title} <!-- growth:${question.id} -->`, '');
    if (question.records === 'achievements') out.push(`_${msg('preread.achievementsPrompt')}_`, '');
    out.push('', '');
  });
  return { markdown: `${out.join('\n').replace(/\n{4,}/g, '\n\n\n').trimEnd()}\n`, title, goals, actions, leftOut: gate.leftOut() };
}

/** An action in the person's words, not the notes' syntax: "Book a slot (@alex, due 2026-07-15)". */
function actionLine(action: AgreedAction): string {
  if (action.owner && action.due) return msg('preread.actionOwnerDue', action.text, action.owner, action.due);
  if (action.owner) return msg('preread.actionOwner', action.text, action.owner);
  return action.due ? msg('preread.actionDue', action.text, action.due) : action.text;
}

/** The pre-read as a page that prints well and loads nothing. */
export function prereadHtml(preread: Preread): string {
  return markdownToHtml(preread.markdown, preread.title);
}

/** The six-month goals of the person's latest note with an answer: the one their next conversation reviews. */
function lastGoals(notes: readonly IndexedNote[], input: PrereadInput, gate: SharedTextGate): string[] {
  for (const note of [...notes].reverse()) {
    const text = input.textOf(note.path);
    if (text === undefined) continue;
    const read = analyzeNote(text, input.script).note;
    if (!read.sections.some(s => s.kind === 'question' && s.answered)) continue;
    return answersTo(read, 'sixMonthGoals').filter(goal => !/\(private\)$/.test(goal) && gate.shows(note.path, goal));
  }
  return [];
}

/** Which text the shareable copy of a note shows: each note's copy made once. */
class SharedTextGate {
  private readonly shown = new Map<string, string | undefined>();
  private readonly refused: string[] = [];
  private dropped = 0;

  constructor(private readonly input: PrereadInput) {}

  shows(path: string, text: string): boolean {
    if (!this.shown.has(path)) this.shown.set(path, this.visibleCopy(path));
    const copy = this.shown.get(path);
    // A note whose copy is refused is named once, in place of its items.
    if (copy === undefined) return false;
    const ok = copy.includes(flat(text));
    if (!ok) this.dropped++;
    return ok;
  }

  leftOut(): string[] {
    return [...this.refused, ...(this.dropped > 0 ? [msg('preread.leftOut', this.dropped)] : [])];
  }

  private visibleCopy(path: string): string | undefined {
    const text = this.input.textOf(path);
    if (text === undefined) return undefined;
    const copy = shareableCopy(text, { ...this.input.share, script: this.input.script });
    if ('refused' in copy) {
      this.refused.push(msg('preread.noteLeftOut', path, copy.refused));
      return undefined;
    }
    const tree = bodyTree(copy.text, 0, 0);
    return 'skipped' in tree ? undefined : flat(tree.tree.children.map(node => toString(node, { includeHtml: false })).join(' '));
  }
}

function flat(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** A goal or an action as it was read (visible text), written so that nothing in it opens HTML or a comment. */
function inline(text: string): string {
  return text.replace(/[<\\]/g, c => `\\${c}`);
}
