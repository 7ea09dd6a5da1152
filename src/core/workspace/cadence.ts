import { addDays, isCalendarDay, personKey } from '../base';
import type { IndexedNote } from './indexedNote';
import { CONVERSATION_INTERVAL_DAYS } from './crossNoteViews';

/** A person whose next conversation is close or past. */
export interface DueConversation {
  readonly person: string;
  /** YYYY-MM-DD: `nextConversation` of their latest note, or six months after it. */
  readonly day: string;
  readonly overdue: boolean;
}

/** Who is due for a conversation within `days` of `today` (both YYYY-MM-DD), or overdue; soonest first. */
export function conversationsDue(notes: readonly IndexedNote[], today: string, days: number): DueConversation[] {
  const latest = new Map<string, IndexedNote>();
  for (const note of notes) {
    if (!note.person?.trim() || !isCalendarDay(note.date)) continue;
    const key = personKey(note.person);
    const seen = latest.get(key);
    if (!seen || (seen.date ?? '') < note.date) latest.set(key, note);
  }
  const limit = addDays(today, days);
  return [...latest.values()].map(note => {
    const planned = isCalendarDay(note.nextConversation) ? note.nextConversation : undefined;
    const day = planned ?? addDays(note.date ?? today, CONVERSATION_INTERVAL_DAYS);
    return { person: note.person?.trim() ?? '', day, overdue: day < today };
  }).filter(due => due.day <= limit).sort((a, b) => a.day.localeCompare(b.day) || a.person.localeCompare(b.person));
}
