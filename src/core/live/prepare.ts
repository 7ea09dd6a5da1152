import { agreedActions, agreedCounts, agreedLine, daysBetween, IndexedNote, notesOfIdentity, openActionItems } from '../workspace';
import { msg, normalizeTheme, personKey } from '../base';
import { QuestionScript } from '../note';
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
  const days = latest.date && /^\d{4}-\d{2}-\d{2}$/.test(latest.date) ? daysBetween(latest.date, input.today) : undefined;
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
  const open = openActionsOldestFirst(notes, input.today);
  if (open.length > 0) {
    out.push(...open.map(a => `- ${a.due && a.due < input.today ? msg('prepare.actionOverdue', a.text, a.firstWritten, a.due) : msg('prepare.action', a.text, a.firstWritten)}`));
  } else out.push(msg('prepare.nothingOpen'));
  out.push('', ...agreedPart(notes, input.today));

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
function agreedPart(notes: readonly IndexedNote[], today: string): string[] {
  const actions = agreedActions(notes, today);
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

interface OpenAction {
  readonly text: string;
  readonly firstWritten: string;
  readonly due?: string;
}

/**
 * The person's open Next-steps items, exactly as the Action Items view lists them (across all their
 * notes, a carried item once), by the date each was first written.
 */
function openActionsOldestFirst(notes: readonly IndexedNote[], today: string): OpenAction[] {
  const byPath = new Map(notes.map(note => [note.path, note]));
  return openActionItems(notes, today).map(item => {
    const note = byPath.get(item.path);
    const carried = note?.tasks.find(t => t.line === item.line)?.carriedFrom;
    return { text: item.text, due: item.due, firstWritten: carried && /^\d{4}-\d{2}-\d{2}$/.test(carried) ? carried : note?.date ?? msg('prepare.undated') };
  }).sort((a, b) => a.firstWritten.localeCompare(b.firstWritten) || a.text.localeCompare(b.text));
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
