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

/** Whether a text is a day that exists, as YYYY-MM-DD (2026-09-31 is not). */
export function isCalendarDay(text: string | undefined): text is string {
  if (text === undefined || !/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}
