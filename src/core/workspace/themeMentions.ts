import { normalizeTheme, personKey } from '../base';
import type { IndexedNote } from './indexedNote';

// Notes are replaced, never changed, when their file changes: what is derived from one can be kept with it.
const mentionsByNote = new WeakMap<IndexedNote, Map<string, Map<string, number[]>>>();

/** The theme keys a note mentions (under one question, or anywhere), each with its mention lines (none for the frontmatter list). */
export function noteMentions(note: IndexedNote, questionId: string | undefined): Map<string, number[]> {
  let perQuestion = mentionsByNote.get(note);
  if (!perQuestion) mentionsByNote.set(note, perQuestion = new Map());
  let keys = perQuestion.get(questionId ?? '');
  if (!keys) perQuestion.set(questionId ?? '', keys = collectMentions(note, questionId));
  return keys;
}

function collectMentions(note: IndexedNote, questionId: string | undefined): Map<string, number[]> {
  const keys = new Map<string, number[]>();
  const add = (key: string, line?: number) => {
    if (!key) return;
    // A mention of a/b is also a mention of a.
    for (let cut = key.indexOf('/'); ; cut = key.indexOf('/', cut + 1)) {
      const prefix = cut === -1 ? key : key.slice(0, cut);
      const lines = keys.get(prefix) ?? [];
      if (line !== undefined) lines.push(line);
      keys.set(prefix, lines);
      if (cut === -1) break;
    }
  };
  if (!questionId) for (const theme of note.themes) add(normalizeTheme(theme));
  for (const tag of note.tags) if (!questionId || tag.questionId === questionId) add(tag.key, tag.line);
  return keys;
}

/** One person: the note's identity when it has one (`personIdentities`), else the folded name (as the people picker matches). */
export function personOf(note: IndexedNote): string {
  return note.personId ?? ((note.person && personKey(note.person)) || '(no person)');
}

/** One theme across every note of an index: who raised it (with how many of their notes), in how many notes, per month. */
export interface ThemeTally {
  /** Person key → notes of that person that mention the theme. */
  readonly people: Map<string, number>;
  conversations: number;
  /** YYYY-MM → notes of that month that mention the theme. */
  readonly byMonth: Map<string, number>;
}

/**
 * Per-theme counts over every note, kept up to date one note at a time, so a change to one note
 * costs that note's themes, not a walk over the workspace.
 */
export class ThemeTallies {
  readonly byKey = new Map<string, ThemeTally>();

  /**
   * Counts a note in (1) or out (-1); with a question, only its tags under that question. `remember`
   * keeps the note's mentions for the next walk (a filtered view); the index's own counts do not, so
   * every note in memory does not carry them.
   */
  count(note: IndexedNote, delta: 1 | -1, questionId?: string, remember = true): void {
    const person = personOf(note);
    const month = note.date?.slice(0, 7);
    for (const key of (remember ? noteMentions(note, questionId) : collectMentions(note, questionId)).keys()) {
      let tally = this.byKey.get(key);
      if (!tally) this.byKey.set(key, tally = { people: new Map(), conversations: 0, byMonth: new Map() });
      tally.conversations += delta;
      addCount(tally.people, person, delta);
      if (month) addCount(tally.byMonth, month, delta);
      if (tally.conversations === 0) this.byKey.delete(key);
    }
  }
}

function addCount(counts: Map<string, number>, key: string, delta: number) {
  const count = (counts.get(key) ?? 0) + delta;
  if (count > 0) counts.set(key, count);
  else counts.delete(key);
}
