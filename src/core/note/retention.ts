/**
 * Retention and legal hold, from a note's frontmatter and the configuration's `retention.keepMonths`:
 * a note is past retention once `keepMonths` have passed since its date, unless `retainUntil` names a
 * later day or a `legalHold` is set.
 */

/** What a note's frontmatter says about keeping it. */
export interface KeepingFields {
  readonly date?: string;
  readonly retainUntil?: string;
  readonly legalHold?: string;
}

/** The frontmatter fields that decide retention, each only when it has the right type. */
export function keepingFields(data: Readonly<Record<string, unknown>>): KeepingFields {
  const text = (key: string) => (typeof data[key] === 'string' && (data[key] as string).trim() !== '' ? (data[key] as string).trim() : undefined);
  return { date: text('date'), retainUntil: text('retainUntil'), legalHold: text('legalHold') };
}

/** The day `months` calendar months after a YYYY-MM-DD day (the last day of the month when it is shorter). */
export function addMonths(day: string, months: number): string {
  const [year, month, date] = day.split('-').map(Number);
  const total = year * 12 + (month - 1) + months;
  const last = new Date(Date.UTC(Math.floor(total / 12), (total % 12) + 1, 0)).getUTCDate();
  return `${String(Math.floor(total / 12)).padStart(4, '0')}-${String((total % 12) + 1).padStart(2, '0')}-${String(Math.min(date, last)).padStart(2, '0')}`;
}

/** The day from which the note may be removed; undefined while it is held or has no readable date. */
export function keepUntil(fields: KeepingFields, keepMonths: number): string | undefined {
  if (fields.legalHold || !fields.date || !/^\d{4}-\d{2}-\d{2}$/.test(fields.date)) return undefined;
  const byRule = addMonths(fields.date, keepMonths);
  return fields.retainUntil && /^\d{4}-\d{2}-\d{2}$/.test(fields.retainUntil) && fields.retainUntil > byRule ? fields.retainUntil : byRule;
}

/** Whether the note is kept past its retention on `today` (YYYY-MM-DD). */
export function isPastRetention(fields: KeepingFields, keepMonths: number, today: string): boolean {
  const until = keepUntil(fields, keepMonths);
  return until !== undefined && until < today;
}
