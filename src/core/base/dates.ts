/** Calendar days as the notes write them: YYYY-MM-DD, in local time. */

/** A local calendar day as YYYY-MM-DD. */
export function isoDay(date: Date): string {
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}

/** Today, as YYYY-MM-DD in local time: what "overdue", "due" and new notes' dates are measured from. */
export function today(): string {
  return isoDay(new Date());
}

/** The day `days` after a YYYY-MM-DD day (before, when negative), in the calendar, whatever the time zone. */
export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return day;
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** Whether a text is written as a day, YYYY-MM-DD: what gives a note its place in a person's chain of notes. */
export function isDayShaped(day: string | undefined): day is string {
  return day !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(day);
}

/** Whether a YYYY-MM-DD text is a real calendar day (not 2026-02-30). */
export function isCalendarDay(day: string | undefined): day is string {
  if (!isDayShaped(day)) return false;
  const date = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === day;
}

/**
 * The day a note's file name gives (`2026-07-07.md`, `2026-07-07-2.md`, `1-1 2026-07-07.md`), when it is a
 * real calendar day; undefined when the name holds none. Only the name is read, never the note.
 */
export function dayInFileName(path: string): string | undefined {
  const found = /(?:^|\D)(\d{4}-\d{2}-\d{2})(?!\d)/.exec(path.split('/').pop() ?? '');
  return found && isCalendarDay(found[1]) ? found[1] : undefined;
}
