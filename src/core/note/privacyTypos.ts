import { symbolOf, SYMBOLS } from './stemSet';
import { BREAK } from './visibleBlockText';

/**
 * Privacy words typed in a hurry: one letter left out, added or changed, or two letters swapped
 * ("prviate", "privte", "confidental", "do not shrae"). A phrase is compared with its words run
 * together, so a typo in any of its words counts, and so does a space in the middle of a word
 * ("pri vate").
 */

/** Where in a folded text a typo of a privacy word was found. */
export interface TypoSpan {
  readonly start: number;
  readonly end: number;
}

/** The longest phrase, in words, that a run of words is compared with. */
const MAX_WINDOW = 4;
const WORD = /[\p{L}\p{N}]+/gu;
/** What never lies inside a phrase: the mark left where code, a comment or a tag was, or the end of a line. */
const PHRASE_BREAK = new RegExp(`[${BREAK}\n]`);

/**
 * The first run of up to four words in `folded` that is one typo away from a target (targets are
 * folded, without spaces). A single word equal to a target is not a typo: the word lists judge it.
 */
export function closeTypo(folded: string, targets: readonly string[]): TypoSpan | undefined {
  const words = [...folded.matchAll(WORD)].map(m => ({ start: m.index, end: m.index + m[0].length, text: m[0] }));
  for (let i = 0; i < words.length; i++) {
    let joined = '';
    for (let j = i; j < words.length && j < i + MAX_WINDOW; j++) {
      if (j > i && PHRASE_BREAK.test(folded.slice(words[j - 1].end, words[j].start))) break;
      joined += words[j].text;
      for (const target of targets) {
        if (j === i && joined === target) continue;
        if (Math.abs(joined.length - target.length) <= 1 && withinOneEdit(joined, target)) return { start: words[i].start, end: words[j].end };
      }
      if (joined.length > 40) break;
    }
  }
  return undefined;
}

/** Whether two strings are at most one edit apart (a letter left out, added or changed, or two neighbours swapped). */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

/** The targets and every string one letter shorter, for the cheap look. */
export interface TypoIndex {
  readonly near: ReadonlySet<string>;
  /** The first words of the phrases: only after one of them are words run together. */
  readonly phraseStarts: ReadonlySet<string>;
  readonly shortest: number;
  readonly longest: number;
  /**
   * The first three letters of every string in `near`, as a table of letter codes (see `opening`): a
   * word one edit from a target starts, once at most one of its first four letters is taken out, with
   * one of these. Four table reads spare the word's every deletion for almost every word, and lose
   * nothing the full look finds.
   */
  readonly openings: Uint8Array;
  /** The same table for the first words of the phrases. */
  readonly startOpenings: Uint8Array;
}

export function typoIndex(targets: readonly { readonly joined: string; readonly first: string; readonly words: number }[]): TypoIndex {
  const near = new Set<string>();
  const phraseStarts = new Set<string>();
  for (const target of targets) {
    near.add(target.joined);
    for (let i = 0; i < target.joined.length; i++) near.add(target.joined.slice(0, i) + target.joined.slice(i + 1));
    // A typo in a phrase's first word ("dp not share") is not looked for: the cheap look stays cheap.
    if (target.words > 1) phraseStarts.add(target.first);
  }
  const lengths = targets.map(t => t.joined.length);
  return { near, phraseStarts, shortest: Math.min(...lengths) - 1, longest: Math.max(...lengths) + 1, openings: openingTable(near), startOpenings: openingTable(phraseStarts) };
}

/** A letter or digit's code (see stemSet.ts), or END past a word's end: three make one index of an opening table. */
const END = SYMBOLS;
const CODES = SYMBOLS + 1;

function openingTable(strings: Iterable<string>): Uint8Array {
  const table = new Uint8Array(CODES ** 3);
  for (const text of strings) {
    const codes = [0, 1, 2].map(k => (k < text.length ? symbolOf(text.charCodeAt(k)) : END));
    if (codes.every(code => code >= 0)) table[(codes[0] * CODES + codes[1]) * CODES + codes[2]] = 1;
  }
  return table;
}

/**
 * Whether the word `source[start, end)`, or the word with one letter taken out, may start like a
 * string of the table: its first three letters, or those left when one of its first three is taken
 * out (a letter taken out later leaves them as they are).
 */
function mayOpen(table: Uint8Array, source: string, start: number, end: number): boolean {
  const at = (k: number) => (start + k < end ? symbolOf(source.charCodeAt(start + k)) : END);
  const [c0, c1, c2, c3] = [at(0), at(1), at(2), at(3)];
  const has = (a: number, b: number, c: number) => table[(a * CODES + b) * CODES + c] === 1;
  return has(c0, c1, c2) || has(c1, c2, c3) || has(c0, c2, c3) || has(c0, c1, c3);
}

function isNear(text: string, index: TypoIndex): boolean {
  if (text.length < index.shortest || text.length > index.longest) return false;
  if (index.near.has(text)) return true;
  for (let i = 0; i < text.length; i++) if (index.near.has(text.slice(0, i) + text.slice(i + 1))) return true;
  return false;
}

/**
 * The cheap first look: whether an ASCII word of `source`, or words run together after a phrase's
 * first word, may be one typo away from a target. Two strings one edit apart always share a string
 * with at most one letter taken out of each. Words are runs of ASCII letters and digits, found by
 * their codes; a string is made only for a word whose length and opening may fit.
 */
export function mayHoldTypo(source: string, index: TypoIndex): boolean {
  if (index.near.size === 0) return false;
  const words: [number, number][] = [];
  for (let i = 0; i < source.length;) {
    while (i < source.length && symbolOf(source.charCodeAt(i)) < 0) i++;
    const start = i;
    while (i < source.length && symbolOf(source.charCodeAt(i)) >= 0) i++;
    if (i > start) words.push([start, i]);
  }
  const text = (w: number) => source.slice(words[w][0], words[w][1]).toLowerCase();
  for (let w = 0; w < words.length; w++) {
    const [start, end] = words[w];
    const length = end - start;
    if (length >= index.shortest && length <= index.longest && mayOpen(index.openings, source, start, end) && isNear(text(w), index)) return true;
    if (!mayOpen(index.startOpenings, source, start, end) || !index.phraseStarts.has(text(w))) continue;
    let joined = text(w);
    for (let j = w + 1; j < words.length && j < w + 4; j++) {
      joined += text(j);
      if (joined.length > index.longest) break;
      if (mayOpen(index.openings, joined, 0, joined.length) && isNear(joined, index)) return true;
    }
  }
  return false;
}

