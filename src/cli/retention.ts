import { Problem, today as localToday } from '../core/base';
import { analyzeNote, isPastRetention, keepingFields, keepUntil } from '../core/note';
import { msg } from '../core/base';
import { IndexedNote } from '../core/workspace';

const START = { line: 0, character: 0 };

/** `validate`: a warning on each note kept past the configuration's retention (held notes never are). */
export function retentionProblems(notes: readonly IndexedNote[], texts: ReadonlyMap<string, string>, keepMonths: number | undefined, day = localToday()): { path: string; problem: Problem }[] {
  if (keepMonths === undefined) return [];
  return notes.flatMap(note => {
    // The date alone settles most notes; only one old enough is read for retainUntil and legalHold.
    if (!note.date || !isPastRetention({ date: note.date }, keepMonths, day)) return [];
    const text = texts.get(note.path);
    const fields = keepingFields(text === undefined ? { date: note.date } : analyzeNote(text).note.data);
    if (!isPastRetention(fields, keepMonths, day)) return [];
    const problem: Problem = { range: { start: START, end: START }, severity: 'warning', code: 'past-retention',
      message: msg('store.pastRetention', keepMonths, keepUntil(fields, keepMonths) ?? '') };
    return [{ path: note.path, problem }];
  });
}
