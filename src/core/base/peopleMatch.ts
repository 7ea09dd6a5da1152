/** Matching a typed name against the people who already have notes: the picker never guesses a new person. */
import { editDistance } from './themes';
import { foldName } from './nameFolding';

/** A name reduced to what makes it the same person: case, accents, letters typed without their marks (ł, ø, ß) and spacing do not count. */
export function personKey(name: string): string {
  return foldName(name).replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/** How a typed name relates to one existing person. */
export type NameMatch = 'same' | 'prefix' | 'close' | 'none';

/**
 * `same`: the same name once case, accents and spacing are ignored. `prefix`: the typed text starts
 * the name or one of its words ("alex", "morg", "alex m"). `close`: a likely typo or shortening of the
 * name ("Alex Morgen", "Chloe M"). Otherwise `none`.
 */
export function matchName(typed: string, existing: string): NameMatch {
  const a = personKey(typed);
  const b = personKey(existing);
  if (!a || !b) return 'none';
  if (a === b) return 'same';
  const typedWords = a.split(' ');
  const words = b.split(' ');
  if (b.startsWith(a) || words.some(word => word.startsWith(a))) return 'prefix';
  // Every typed word starts a word of the name, in order: "chloe m" for "Chloé Martin".
  if (wordsStartInOrder(typedWords, words)) return 'close';
  // Same first name, and the rest starts alike: "Sam Leigh" for "Sam Lee", "Alex Morgen" for "Alex Morgan".
  if (typedWords.length > 1 && typedWords[0] === words[0] && typedWords.slice(1).every((word, i) => words[i + 1]?.slice(0, 2) === word.slice(0, 2))) return 'close';
  if (editDistance(a, b, 3) <= (b.length >= 8 ? 2 : 1)) return 'close';
  return 'none';
}

function wordsStartInOrder(typed: readonly string[], words: readonly string[]): boolean {
  let at = 0;
  for (const word of typed) {
    while (at < words.length && !words[at].startsWith(word)) at++;
    if (at === words.length) return false;
    at++;
  }
  return true;
}

/** What Enter on a typed name should do. */
export type TypedNameDecision<T> =
  | { readonly kind: 'existing'; readonly person: T }
  | { readonly kind: 'askFirst'; readonly similar: T }
  | { readonly kind: 'new' };

/**
 * Enter on typed text: the same person or the best partial match is an existing person (people come
 * most recent first, so ties go to the most recent); a name close to someone's asks before creating a
 * new person; anything else is new.
 */
export function decideTypedName<T>(typed: string, people: readonly T[], nameOf: (person: T) => string): TypedNameDecision<T> {
  const ranked = people.map(person => ({ person, match: matchName(typed, nameOf(person)) }));
  const same = ranked.find(r => r.match === 'same');
  if (same) return { kind: 'existing', person: same.person };
  const prefix = ranked.find(r => r.match === 'prefix');
  if (prefix) return { kind: 'existing', person: prefix.person };
  const close = ranked.find(r => r.match === 'close');
  if (close) return { kind: 'askFirst', similar: close.person };
  return { kind: 'new' };
}
