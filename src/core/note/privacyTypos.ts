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
   * The first three letters of every string in `near`: a word one edit from a target starts, once at
   * most one of its first four letters is taken out, with one of these. Four set lookups spare the
   * word's every deletion for almost every word, and lose nothing the full look finds.
   */
  readonly openings: ReadonlySet<string>;
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
  const openings = new Set([...near].map(text => text.slice(0, OPENING)));
  return { near, phraseStarts, shortest: Math.min(...lengths) - 1, longest: Math.max(...lengths) + 1, openings };
}

/** How many letters `openings` keeps. */
const OPENING = 3;

function isNear(text: string, index: TypoIndex): boolean {
  if (text.length < index.shortest || text.length > index.longest) return false;
  if (!mayOpenNear(text, index.openings)) return false;
  if (index.near.has(text)) return true;
  for (let i = 0; i < text.length; i++) if (index.near.has(text.slice(0, i) + text.slice(i + 1))) return true;
  return false;
}

/**
 * Whether `text`, or `text` with one letter taken out, may start like a string of `near`: its first
 * three letters, or those left when one of its first three is taken out (a letter taken out later
 * leaves them as they are).
 */
function mayOpenNear(text: string, openings: ReadonlySet<string>): boolean {
  const four = text.slice(0, OPENING + 1);
  if (openings.has(four.slice(0, OPENING))) return true;
  for (let i = 0; i < OPENING; i++) if (openings.has(four.slice(0, i) + four.slice(i + 1))) return true;
  return false;
}

/**
 * The cheap first look: whether an ASCII word of `source`, or words run together after a phrase's
 * first word, may be one typo away from a target. Two strings one edit apart always share a string
 * with at most one letter taken out of each.
 */
export function mayHoldTypo(source: string, index: TypoIndex): boolean {
  if (index.near.size === 0) return false;
  const words = source.toLowerCase().split(/[^a-z0-9]+/);
  for (let i = 0; i < words.length; i++) {
    const word = words[i];
    if (isNear(word, index)) return true;
    if (!index.phraseStarts.has(word)) continue;
    let joined = word;
    for (let j = i + 1; j < words.length && j < i + 4; j++) {
      joined += words[j];
      if (joined.length > index.longest) break;
      if (isNear(joined, index)) return true;
    }
  }
  return false;
}
