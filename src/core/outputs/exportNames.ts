import { dayInFileName, isCalendarDay } from '../base';
import { personSlug } from '../live';

/**
 * The name a shareable copy is offered under, without extension: the person and the day of the
 * conversation (`alex-morgan-2026-05-12-shared`), so two people's copies made the same day never share
 * a name. What the note does not say is taken from its file name, else left out.
 */
export function shareableCopyName(person: string | undefined, date: string | undefined, noteFileName: string): string {
  const stem = noteFileName.replace(/\.md$/i, '');
  const day = isCalendarDay(date) ? date : dayInFileName(noteFileName);
  const who = person?.trim() ? personSlug(person) : undefined;
  if (who && day) return `${who}-${day}-shared`;
  return `${who ? `${who}-` : ''}${stem}-shared`;
}

/**
 * The name a themes report is offered under: the period it covers (`themes-report-2026-06-06-to-2026-12-06`,
 * `themes-report-all-to-2026-12-06`), so reports of two periods never share a name.
 */
export function themesReportName(since: string | undefined, until: string): string {
  return `themes-report-${since ?? 'all'}-to-${until}`;
}
