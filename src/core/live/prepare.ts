import { AgreedAction, agreedActions, agreedCounts, agreedLine, daysBetween, IndexedNote, notesOfIdentity } from '../workspace';
import { isDayShaped, msg, normalizeTheme, personKey } from '../base';
import { actionWords, QuestionScript } from '../note';
import { carryOverFrom } from './scaffold';

/**
 * What the organisation answered to a theme, when the collated theme vocabulary has an answer. Returns
 * undefined when there is none; the brief then says nothing about it.
 */
export type OrgResponseLookup = (themeKey: string) => string | undefined;

/** What "Growth: Prepare" reads: the person's notes in the index, and the text of their latest one. */
export interface BriefInput {
  readonly person: string;
  readonly notes: readonly IndexedNote[];
  /** The full text of the latest note, for last time's six-month goals. */
  readonly latestText?: string;
  readonly script: QuestionScript;
  readonly today: string;
  readonly orgResponse?: OrgResponseLookup;
  /** How many earlier conversations the career path and flight risk history shows. */
  readonly historyLength?: number;
}

/** The person's notes, oldest first; same person when the name differs only in case, accents or spacing. */
export function notesOfPerson(notes: readonly IndexedNote[], person: string): IndexedNote[] {
  const key = personKey(person);
  return notes.filter(n => n.person !== undefined && personKey(n.person) === key)
    .sort((a, b) => (a.date ?? '').localeCompare(b.date ?? ''));
}

const DASH = '·';

/** A one-page, read-only brief before a conversation, as Markdown. */
export function prepareBrief(input: BriefInput): string {
  // The person as reports count them: "Samuel Lee" brings the notes written "Sam Lee" in his folder or chain.
  const notes = notesOfIdentity(input.notes, input.person);
  const latest = notes[notes.length - 1];
  const name = latest?.person?.trim() ?? input.person.trim();
  const out = [`# ${msg('prepare.title', name)}`, ''];
  if (!latest) {
    out.push(msg('prepare.noConversations'), '');
    return out.join('\n');
  }
  const days = isDayShaped(latest.date) ? daysBetween(latest.date, input.today) : undefined;
  const since = days === undefined ? msg('prepare.undatedNote') : `${latest.date}, ${daysAgo(days)}`;
  out.push(msg(notes.length === 1 ? 'prepare.lastConversationOnly' : 'prepare.lastConversation', since, notes.length));
  const facts = [latest.team ? msg('prepare.team', latest.team) : '', latest.level ? msg('prepare.level', latest.level) : '', latest.manager ? msg('prepare.manager', latest.manager) : ''].filter(Boolean);
  if (facts.length > 0) out.push(facts.join(` ${DASH} `));
  out.push('');

  out.push(`## ${msg('prepare.goalsHeading')}`, '');
  const carry = input.latestText ? carryOverFrom(input.latestText, '', input.script) : undefined;
  if (carry && carry.goals.length > 0) out.push(...carry.goals.map(goal => `- ${goal}`));
  else out.push(msg('prepare.noGoals'));
  out.push('');

  out.push(`## ${msg('prepare.actionsHeading')}`, '');
  const followed = agreedActions(notes, input.today);
  const open = openActionsOldestFirst(notes, followed);
  if (open.length > 0) out.push(...open.map(action => `- ${openLine(action, input.today)}`));
  else out.push(msg('prepare.nothingOpen'));
  const { dropped } = agreedCounts(followed);
  if (dropped > 0) out.push('', dropped === 1 ? msg('prepare.droppedOne') : msg('prepare.dropped', dropped));
  out.push('', ...agreedPart(followed));

  out.push(`## ${msg('prepare.historyHeading')}`, '', msg('prepare.historyColumns'), '|---|---|---|');
  for (const note of notes.slice(-(input.historyLength ?? 4)).reverse()) {
    out.push(`| ${note.date ?? msg('prepare.undated')} | ${note.careerPath ?? msg('common.notRecorded')} | ${note.flightRisk ?? msg('common.notRecorded')} |`);
  }
  out.push('');

  out.push(`## ${msg('prepare.themesHeading')}`, '');
  const themes = themesRaised(notes);
  if (themes.length === 0) out.push(msg('prepare.noThemes'));
  for (const theme of themes) {
    const response = input.orgResponse?.(theme.key);
    const raised = msg(theme.conversations === 1 ? 'prepare.themeOnce' : 'prepare.theme', theme.name, theme.conversations, theme.last);
    out.push(`- ${raised}${response ? msg('prepare.orgResponse', response) : ''}`);
  }
  out.push('', `_${msg('prepare.readOnly')}_`, '');
  return out.join('\n');
}

/**
 * Every action agreed with the person and what became of it (done, open, dropped), counted and
 * listed as of today. The brief is the manager's own: a private action is listed, marked private.
 */
function agreedPart(actions: readonly AgreedAction[]): string[] {
  const out = [`## ${msg('prepare.agreedHeading')}`, ''];
  if (actions.length === 0) return [...out, msg('prepare.nothingAgreed'), ''];
  const { done, open, dropped } = agreedCounts(actions);
  out.push(msg('prepare.agreedCounts', done, open, dropped), '');
  out.push(...actions.map(action => `- ${action.private ? msg('agreed.private', agreedLine(action)) : agreedLine(action)}`), '');
  return out;
}

/** "today", "yesterday", "N days ago". */
export function daysAgo(days: number): string {
  if (days === 0) return msg('days.today');
  if (days === 1) return msg('days.yesterday');
  if (days < 0) return msg(days === -1 ? 'days.inOneDay' : 'days.inDays', -days);
  return msg('days.ago', days);
}

type OpenAction = Pick<AgreedAction, 'text' | 'owner' | 'due' | 'firstWritten' | 'private'>;

/**
 * The person's open actions, oldest first, from the same following of the chain as "What we agreed"
 * (and the People view): an action still unticked in the latest note. One that disappeared from the
 * chain without being ticked is dropped, not open. An undated note has no place in the chain; its
 * items are listed as open rather than lost, unless the chain already follows them or one of the
 * undated notes ticks them (as the Action Items view counts them).
 */
function openActionsOldestFirst(notes: readonly IndexedNote[], followed: readonly AgreedAction[]): OpenAction[] {
  const known = new Set(followed.map(action => action.text.toLowerCase()));
  const undatedNotes = notes.filter(n => !isDayShaped(n.date));
  for (const note of undatedNotes) {
    for (const task of note.tasks) if (task.sectionKind === 'next-steps' && task.done) known.add(actionWords(task.text).toLowerCase());
  }
  const undated: OpenAction[] = [];
  for (const note of undatedNotes) {
    for (const task of note.tasks) {
      const text = actionWords(task.text);
      if (task.sectionKind !== 'next-steps' || !text || known.has(text.toLowerCase())) continue;
      known.add(text.toLowerCase());
      undated.push({ text, owner: task.owner, due: task.due, firstWritten: msg('prepare.undated'), private: task.private });
    }
  }
  return [...followed.filter(action => action.status === 'open'), ...undated]
    .sort((a, b) => a.firstWritten.localeCompare(b.firstWritten) || a.text.localeCompare(b.text));
}

/** "Words (@owner): written DAY, overdue since DAY." — the brief is the manager's own, so a private action is listed, marked. */
function openLine(action: OpenAction, today: string): string {
  const what = action.owner ? msg('agreed.owner', action.text, action.owner) : action.text;
  const line = !action.due ? msg('prepare.action', what, action.firstWritten)
    : action.due < today ? msg('prepare.actionOverdue', what, action.firstWritten, action.due)
      : msg('prepare.actionDue', what, action.firstWritten, action.due);
  return action.private ? msg('agreed.private', line) : line;
}

function themesRaised(notes: readonly IndexedNote[]): { key: string; name: string; conversations: number; last: string }[] {
  const themes = new Map<string, { key: string; name: string; conversations: number; last: string }>();
  for (const note of notes) {
    const names = new Map<string, string>();
    for (const theme of note.themes) names.set(normalizeTheme(theme), theme);
    for (const tag of note.tags) names.set(tag.key, tag.name);
    for (const [key, name] of names) {
      if (!key) continue;
      const seen = themes.get(key);
      themes.set(key, { key, name: seen?.name ?? name, conversations: (seen?.conversations ?? 0) + 1, last: note.date ?? seen?.last ?? msg('prepare.undated') });
    }
  }
  return [...themes.values()].sort((a, b) => b.conversations - a.conversations || b.last.localeCompare(a.last) || a.key.localeCompare(b.key));
}
