// How the privacy word lists are found in a block's folded text (for the classifier): one compiled
// alternation for the words every note shares, and word by word for the note's own "not for <person>".
import { BREAK } from './visibleBlockText';

export const LONGEST_FIRST = (a: string, b: string) => b.length - a.length;
/** Letters of scripts written without spaces between words: a phrase in them has no word edges to look for. */
export const NO_SPACES = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;

/**
 * The word lists are matched on keyed text: the folded text with every character that is not a letter,
 * a digit or `BREAK` replaced one for one by a space (spacing: space, tab, no-break space) or by
 * `OTHER` (anything else). Positions stay the same, and the word-list pattern needs no Unicode class:
 * with `\p{L}` in every phrase (hundreds of them), compiling it took about a second, the editor's
 * longest pause at start, and again for a person whose "not for <name>" met another phrase.
 */
const OTHER = '\u0002';
// eslint-disable-next-line no-control-regex -- BREAK (U+0001) is the reader's own mark between blocks, kept as it is
const KEYED_NOT_LETTER = /[^\p{L}\p{N}\u0001]/gu;
export const KEYED_NOT_WORD = '[ \\u0002]+';
export const KEYED_EDGE_BEFORE = '(?<![^ \\u0001\\u0002])';
export const KEYED_EDGE_AFTER = '(?![^ \\u0001\\u0002])';

export function keyedText(folded: string): string {
  return folded.replace(KEYED_NOT_LETTER, found => (found === ' ' || found === '\t' || found === '\u00a0' ? ' ' : OTHER.repeat(found.length)));
}
/** One phrase of a word list: its words, its pattern (the words joined by any run of what is not a letter) and its stem. */
export interface Phrase {
  readonly words: readonly string[];
  readonly pattern: string;
  readonly stem: string;
}

/** A match of the privacy words: where it starts in the text and how long it is. */
export interface PhraseMatch {
  readonly index: number;
  readonly length: number;
}

/**
 * The privacy words as one alternation would find them, longest pattern first, but in two parts: the
 * words every note shares (the built-in lists and the configuration's), compiled once, and the few
 * "not for <person>" phrases of each note's person, matched word by word without a pattern. A pattern
 * per person cost about half a second to compile on every new person (each of its Unicode classes is
 * built anew), which made indexing a workspace of a thousand people take minutes. Where both parts
 * match at the same place, which is rare ("not for her" with a person named Her), the one alternation
 * of both is compiled and decides.
 */
export class PhraseMatcher {
  private joined: RegExp | undefined;
  private lastText: string | undefined;
  private lastKeyed = '';

  constructor(private readonly common: RegExp, private readonly own: WordSequences | undefined, private readonly all: () => RegExp) {}

  /** The first match at or after `from`, as the one alternation of every phrase would give it. */
  exec(text: string, from = 0): PhraseMatch | undefined {
    const keyed = this.keyed(text);
    const common = execAt(this.common, keyed, from);
    const own = this.own?.exec(text, from);
    if (!own) return common;
    if (!common || own.index < common.index) return own;
    if (common.index < own.index) return common;
    return execAt(this.oneAlternation(), keyed, from);
  }

  /** `keyedText` of the text, kept for the next call (matches walk one text call after call). */
  private keyed(text: string): string {
    if (text !== this.lastText) {
      this.lastKeyed = keyedText(text);
      this.lastText = text;
    }
    return this.lastKeyed;
  }

  /** Every phrase in one alternation: compiled only when asked for. */
  oneAlternation(): RegExp {
    this.joined ??= this.all();
    return this.joined;
  }

  test(text: string): boolean {
    return this.exec(text) !== undefined;
  }

  /** Every match, left to right, as a global regular expression finds them. */
  *matches(text: string): Generator<PhraseMatch> {
    for (let found = this.exec(text); found; found = this.exec(text, found.index + found.length)) yield found;
  }

  /** The text with every match replaced. */
  replace(text: string, by: () => string): string {
    let out = '';
    let last = 0;
    for (const found of this.matches(text)) {
      out += text.slice(last, found.index) + by();
      last = found.index + found.length;
    }
    return out + text.slice(last);
  }
}

/** A word of folded text and whether a phrase may go on past it (nothing but punctuation and spacing before the next word). */
interface Word {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly joinsNext: boolean;
}

const WORD = /[\p{L}\p{N}]+/gu;

/**
 * Phrases found word by word, as their pattern (words joined by `KEYED_NOT_WORD`, between `KEYED_EDGE_BEFORE`
 * and `KEYED_EDGE_AFTER`, the longest pattern first) finds them: a match starts and ends on whole
 * words, and the words are joined by runs of anything but a letter, a digit or `BREAK`.
 */
export class WordSequences {
  private readonly phrases: readonly Phrase[];
  private lastText: string | undefined;
  private lastWords: Word[] = [];

  constructor(phrases: readonly Phrase[]) {
    this.phrases = [...phrases].sort((a, b) => LONGEST_FIRST(a.pattern, b.pattern));
  }

  exec(text: string, from: number): PhraseMatch | undefined {
    const words = this.wordsOf(text);
    for (let at = 0; at < words.length; at++) {
      if (words[at].start < from) continue;
      for (const phrase of this.phrases) {
        const last = at + phrase.words.length - 1;
        if (last < words.length && phrase.words.every((word, k) => sameWord(words[at + k].text, word, k === phrase.words.length - 1) && (k === 0 || words[at + k - 1].joinsNext))) {
          // A name that runs on ("田中さん") ends where the phrase's last word does, as its pattern ends.
          return { index: words[at].start, length: words[last].start + phrase.words[phrase.words.length - 1].length - words[at].start };
        }
      }
    }
    return undefined;
  }

  private wordsOf(text: string): Word[] {
    if (text !== this.lastText) {
      const found = [...text.matchAll(WORD)];
      this.lastWords = found.map((match, i) => {
        const end = match.index + match[0].length;
        return { start: match.index, end, text: match[0], joinsNext: i + 1 < found.length && !text.slice(end, found[i + 1].index).includes(BREAK) };
      });
      this.lastText = text;
    }
    return this.lastWords;
  }
}

/**
 * A written word and a phrase's word. In scripts written without spaces a name runs on into what
 * follows it ("田中さん", "田中には"): the phrase's last word may begin the written one, as its pattern
 * (no word edge after it) finds it.
 */
function sameWord(written: string, word: string, last: boolean): boolean {
  return written === word || (last && NO_SPACES.test(word) && written.startsWith(word));
}

export function execAt(pattern: RegExp, text: string, from: number): PhraseMatch | undefined {
  pattern.lastIndex = from;
  const found = pattern.exec(text);
  return found ? { index: found.index, length: found[0].length } : undefined;
}
