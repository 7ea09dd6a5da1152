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
  readonly shortest: number;
  readonly longest: number;
  /**
   * The first three letters of every string in `near`, as a table of letter codes (see `opening`): a
   * string one edit from a target starts, once at most one of its first four letters is taken out, with
   * one of these. Four table reads spare the string's every deletion for almost every word, and lose
   * nothing the full look finds.
   */
  readonly openings: Uint8Array;
  /** The same table for the strings read backwards: their last three letters, last first. */
  readonly endings: Uint8Array;
}

/** `targets`: the privacy words and phrases folded, their words run together, in ASCII letters and digits. */
export function typoIndex(targets: readonly string[]): TypoIndex {
  const near = new Set<string>();
  for (const target of targets) {
    near.add(target);
    for (let i = 0; i < target.length; i++) near.add(target.slice(0, i) + target.slice(i + 1));
  }
  const lengths = targets.map(target => target.length);
  return { near, shortest: Math.min(...lengths) - 1, longest: Math.max(...lengths) + 1, openings: openingTable(near), endings: openingTable([...near].map(text => [...text].reverse().join(''))) };
}

/** A letter or digit's code (see stemSet.ts), or END past a string's end: three make one index of an opening table. */
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
 * Whether a string whose first four letters have the codes `c0` to `c3` (END past its end), or the string with one
 * letter taken out, may start like a string of the table: its first three letters, or those left when
 * one of its first three is taken out (a letter taken out later leaves them as they are).
 */
function mayOpen(table: Uint8Array, c0: number, c1: number, c2: number, c3: number): boolean {
  return table[(c0 * CODES + c1) * CODES + c2] === 1 || table[(c1 * CODES + c2) * CODES + c3] === 1
    || table[(c0 * CODES + c2) * CODES + c3] === 1 || table[(c0 * CODES + c1) * CODES + c3] === 1;
}

function isNear(text: string, index: TypoIndex): boolean {
  if (text.length < index.shortest || text.length > index.longest) return false;
  if (index.near.has(text)) return true;
  for (let i = 0; i < text.length; i++) if (index.near.has(text.slice(0, i) + text.slice(i + 1))) return true;
  return false;
}

/** The classifier runs at most this many words together. */
const PHRASE_WORDS = MAX_WINDOW;

/**
 * The cheap first look: whether a run of one to four words of `source` (ASCII letters and digits, read
 * as the classifier reads words) may be one typo away from a target, as `closeTypo` compares them: a
 * typo may fall in any word of a phrase, its first too ("dp not share"), or split a word ("d o not
 * share"). Two strings one edit apart always share a string with at most one letter taken out of each.
 * Words are found by their codes in one pass; a string is made only for a run whose length and opening
 * may fit.
 */
export function mayHoldTypo(source: string, index: TypoIndex): boolean {
  if (index.near.size === 0) return false;
  // The bounds of the last four words, in turn.
  const starts = new Int32Array(PHRASE_WORDS);
  const ends = new Int32Array(PHRASE_WORDS);
  // Whether the runs from each of those words may open like a target: 1 or 0, -1 until asked. Once a
  // run holds four letters, every longer run from the same word opens the same.
  const opens = new Int8Array(PHRASE_WORDS);
  let words = 0;
  // Whether the runs ending at the latest word may end like a target (read backwards, as they open):
  // one answer for every run of four letters or more, so a word whose ending fits none skips them all.
  const mayEnd = (words: number) => {
    const code = (k: number) => codeFromEnd(source, starts, ends, Math.max(0, words - PHRASE_WORDS), words, k);
    return mayOpen(index.endings, code(0), code(1), code(2), code(3));
  };
  for (let i = 0; i < source.length;) {
    while (i < source.length && symbolOf(source.charCodeAt(i)) < 0) i++;
    const start = i;
    while (i < source.length && symbolOf(source.charCodeAt(i)) >= 0) i++;
    if (i === start) break;
    starts[words % PHRASE_WORDS] = start;
    ends[words % PHRASE_WORDS] = i;
    opens[words % PHRASE_WORDS] = -1;
    words++;
    // The runs of words ending at this one, the shortest first.
    let length = 0;
    let ending = -1;
    for (let first = words - 1; first >= Math.max(0, words - PHRASE_WORDS); first--) {
      length += ends[first % PHRASE_WORDS] - starts[first % PHRASE_WORDS];
      if (length > index.longest) break;
      if (length < index.shortest) continue;
      if (length >= 4) {
        if (ending === -1) ending = mayEnd(words) ? 1 : 0;
        if (ending === 0) break;
      }
      const slot = first % PHRASE_WORDS;
      let open = opens[slot];
      if (open === -1 || length < 4) {
        const code = (k: number) => codeInRun(source, starts, ends, first, words, k);
        open = mayOpen(index.openings, code(0), code(1), code(2), code(3)) ? 1 : 0;
        if (length >= 4) opens[slot] = open;
      }
      if (open === 0) continue;
      let joined = '';
      for (let w = first; w < words; w++) joined += source.slice(starts[w % PHRASE_WORDS], ends[w % PHRASE_WORDS]);
      if (isNear(joined.toLowerCase(), index)) return true;
    }
  }
  return false;
}

/** The code of the `k`th letter of the words `first` to `last` (excluded) run together, or END past their end. */
function codeInRun(source: string, starts: Int32Array, ends: Int32Array, first: number, last: number, k: number): number {
  for (let w = first; w < last; w++) {
    const start = starts[w % PHRASE_WORDS];
    const length = ends[w % PHRASE_WORDS] - start;
    if (k < length) return symbolOf(source.charCodeAt(start + k));
    k -= length;
  }
  return END;
}

/** The code of the `k`th letter from the end of the words `first` to `last` (excluded) run together, or END before their start. */
function codeFromEnd(source: string, starts: Int32Array, ends: Int32Array, first: number, last: number, k: number): number {
  for (let w = last - 1; w >= first; w--) {
    const end = ends[w % PHRASE_WORDS];
    const length = end - starts[w % PHRASE_WORDS];
    if (k < length) return symbolOf(source.charCodeAt(end - 1 - k));
    k -= length;
  }
  return END;
}
