import { decodeNamedCharacterReference } from 'decode-named-character-reference';

/**
 * Stands where code, a comment, an HTML tag or a link's target was: it separates words, and no
 * privacy phrase reads across it, so code never completes a phrase and hidden text never joins two
 * halves of a word.
 */
export const BREAK = '\u0001';

/** A block's text with what a reader never sees taken out. */
export interface HiddenParts {
  /** The text with code spans, comments, tags and link targets replaced by BREAK. */
  readonly text: string;
  /** The contents of HTML and `%% … %%` comments, as written. */
  readonly comments: readonly string[];
  /** Whether the block holds a code span: a label is never written with code. */
  readonly hadCode: boolean;
}

/** Where something hidden may start: a backtick run, a comment, Obsidian's `%%`, an HTML tag, a link's target. */
const HIDDEN_START = /`+|<!--|%%|<\/?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?\/?>|\]\(/g;
const LINK_TARGET = /\]\((?:<[^>\n]*>|[^\s()]*(?:\([^\s()]*\)[^\s()]*)*)(?:\s+(?:"([^"]*)"|'([^']*)'|\(([^)]*)\)))?\s*\)/y;
/**
 * Tags that only style text inside a line: a reader sees "<b>Priv</b>ate" as one word, so they are
 * taken out without separating words. Any other tag separates words.
 */
const INLINE_ELEMENT = /^<\/?(?:a|abbr|b|bdi|bdo|big|cite|data|dfn|em|font|i|ins|kbd|mark|q|s|samp|small|span|strike|strong|sub|sup|time|tt|u|var|del)(?=[\s/>])/i;
/** An HTML tag as the hidden-text scanner reads one. */
export const INLINE_TAG = /<\/?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?\/?>/g;

/**
 * Takes code spans (any backtick run length, closed by a run of the same length), HTML and `%%`
 * comments, HTML tags and inline link targets out of a block, left to right as CommonMark reads
 * them: an arrow or a comment inside a code span is ordinary code, a backtick inside a comment is
 * part of the comment. A comment never closed hides the rest of the block.
 */
export function hideCodeAndMarkup(source: string): HiddenParts {
  let text = '';
  let at = 0;
  let hadCode = false;
  const comments: string[] = [];
  const hide = (start: number, end: number, keep = '', separate = true) => {
    text += source.slice(at, start) + keep + (separate ? BREAK : '');
    at = end;
    HIDDEN_START.lastIndex = end;
  };
  HIDDEN_START.lastIndex = 0;
  for (let m = HIDDEN_START.exec(source); m; m = HIDDEN_START.exec(source)) {
    const start = m.index;
    if (isEscaped(source, start)) { HIDDEN_START.lastIndex = start + 1; continue; }
    const token = m[0];
    if (token.startsWith('`')) {
      const end = closingRun(source, start + token.length, token.length);
      if (end === undefined) continue;
      hadCode = true;
      hide(start, end);
    } else if (token === '<!--' || token === '%%') {
      const [contentEnd, end] = commentEnd(source, start, token);
      comments.push(source.slice(start + token.length, contentEnd));
      hide(start, end);
    } else if (token === '](') {
      LINK_TARGET.lastIndex = start;
      const target = LINK_TARGET.exec(source);
      // A link's title shows when the pointer rests on it, and in a saved page: it is read as text.
      const title = target ? target[1] ?? target[2] ?? target[3] : undefined;
      if (target) hide(start, start + target[0].length, title ? `]${BREAK}${title}` : ']');
      else HIDDEN_START.lastIndex = start + 2;
    } else {
      hide(start, start + token.length, '', !INLINE_ELEMENT.test(token));
    }
  }
  return { text: text + source.slice(at), comments, hadCode };
}

function isEscaped(source: string, index: number): boolean {
  let backslashes = 0;
  for (let i = index - 1; i >= 0 && source[i] === '\\'; i--) backslashes++;
  return backslashes % 2 === 1;
}

/** The end of the backtick run of exactly `length` that closes a code span, if any. */
function closingRun(source: string, from: number, length: number): number | undefined {
  const run = new RegExp(`(?<!\`)\`{${length}}(?!\`)`, 'g');
  run.lastIndex = from;
  const found = run.exec(source);
  return found ? found.index + length : undefined;
}

/** Where a comment's content ends and where the comment ends; an unclosed one runs to the end. */
function commentEnd(source: string, start: number, token: string): [number, number] {
  const from = start + token.length;
  if (token === '<!--' && source.startsWith('>', from)) return [from, from + 1];
  if (token === '<!--' && source.startsWith('->', from)) return [from, from + 2];
  const close = token === '<!--' ? '-->' : '%%';
  const end = source.indexOf(close, from);
  return end < 0 ? [source.length, source.length] : [end, end + close.length];
}

const ESCAPE_OR_REFERENCE = /\\([!-/:-@[-`{-~])|&(#(?:\d{1,7}|[xX][\da-fA-F]{1,6})|[\da-zA-Z]{1,31});/g;

/** Backslash escapes and character references read as a person sees them (`\(`, `&#112;`, `&shy;`). */
export function decodeEscapesAndEntities(text: string): string {
  return text.replace(ESCAPE_OR_REFERENCE, (whole, escaped: string | undefined, reference: string | undefined) => {
    if (escaped) return escaped;
    const name = reference ?? '';
    if (name.startsWith('#')) {
      const hex = name[1] === 'x' || name[1] === 'X';
      const code = Number.parseInt(name.slice(hex ? 2 : 1), hex ? 16 : 10);
      const valid = code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff);
      return valid ? String.fromCodePoint(code) : '\ufffd';
    }
    const named = decodeNamedCharacterReference(name);
    return named === false ? whole : named;
  });
}

/**
 * The markers in front of a line's text (quote `>`, list bullet or number, task box, heading `#`s,
 * a footnote's `[^1]:`), so "- Private: …" and "## Private" read like "Private: …".
 */
const LINE_MARKERS = /^[ \t]*(?:>[ \t]?)*[ \t]*(?:[-*+][ \t]+|\d{1,9}[.)](?:[ \t]+|$))?(?:\[[ xX]\](?:[ \t]+|$))?(?:#{1,6}(?=[ \t]|$))?(?:[ \t]*\[\^[^\]\n]+\]:)?/gm;

export function withoutLineMarkers(source: string): string {
  return source.replace(LINE_MARKERS, ' ');
}

/** A word written one letter at a time: "P R I V A T E", "p-r-i-v-a-t-e", "c.o.n.f". */
const LETTER_SPACED = /(?<![\p{L}\p{N}])\p{L}(?:[ .-]\p{L}){3,}(?![\p{L}\p{N}])/gu;

/** A word broken at a line's end by a hyphen, going on in lower case on the next line. */
const HYPHENATED = /(\p{L})-[ \t]*\n[ \t]*(?=\p{Ll})/gu;

/**
 * The words of a text as a reader sees them: `*` emphasis, strike-through and highlight taken out (they
 * work inside a word: pri**vate**), `_` between words (it never works inside one: do_not_share), and a
 * letter-spaced word joined, and a word hyphenated at a line's end ("confi-" then "dential"). The
 * classifier and its cheap look both read words so.
 */
export function wordsAsRead(text: string): string {
  return text.replace(/[*~]|==/g, '').replace(/_/g, ' ').replace(LETTER_SPACED, spaced => spaced.replace(/[ .-]/g, ''))
    .replace(HYPHENATED, '$1');
}

// Letters from other scripts that look like Latin ones: "(рrivate)" with a Cyrillic р still means private.
const LOOK_ALIKES: Readonly<Record<string, string>> = {
  'р': 'p', 'а': 'a', 'е': 'e', 'і': 'i', 'о': 'o', 'с': 'c', 'т': 't', 'ѕ': 's', 'ј': 'j', 'һ': 'h', 'у': 'y',
  'х': 'x', 'ԁ': 'd', 'ν': 'v', 'ο': 'o', 'ρ': 'p', 'α': 'a', 'ι': 'i', 'κ': 'k', 'τ': 't', 'ı': 'i',
  // Small capitals, which compatibility folding leaves as they are: "ᴘʀɪᴠᴀᴛᴇ".
  'ᴀ': 'a', 'ʙ': 'b', 'ᴄ': 'c', 'ᴅ': 'd', 'ᴇ': 'e', 'ꜰ': 'f', 'ɢ': 'g', 'ʜ': 'h', 'ɪ': 'i', 'ᴊ': 'j', 'ᴋ': 'k', 'ʟ': 'l',
  'ᴍ': 'm', 'ɴ': 'n', 'ᴏ': 'o', 'ᴘ': 'p', 'ʀ': 'r', 'ꜱ': 's', 'ᴛ': 't', 'ᴜ': 'u', 'ᴠ': 'v', 'ᴡ': 'w', 'ʏ': 'y', 'ᴢ': 'z',
};

/** Text folded for matching, and for each folded character the index it came from (to quote it as written). */
export interface FoldedText {
  readonly text: string;
  readonly from: readonly number[];
}

/** Lower case, compatibility forms (full width), accents and look-alike letters folded, character by character. */
export function foldWithMap(text: string): FoldedText {
  let out = '';
  const from: number[] = [];
  let index = 0;
  for (const ch of text) {
    const folded = ch < '\u0080' ? ch.toLowerCase() : foldChar(ch);
    for (let k = 0; k < folded.length; k++) from.push(index);
    out += folded;
    index += ch.length;
  }
  from.push(index);
  return { text: out, from };
}

function foldChar(ch: string): string {
  const plain = ch.normalize('NFKC').toLowerCase().normalize('NFD').replace(/\p{M}/gu, '');
  let out = '';
  for (const c of plain) out += LOOK_ALIKES[c] ?? c;
  return out;
}

const FOLDS_TO_ASCII_LETTERS = /^[a-z0-9]*$/;
const NEVER_A_LETTER = /^[\p{P}\p{Z}\p{Cf}]$/u;
const foldedLetters = new Map<string, string | undefined>();
const MAX_FOLDED_LETTERS = 65536;

/**
 * `text` with every letter, digit and mark outside ASCII folded, when each folds to ASCII letters and
 * digits or to nothing (Å, é, ß, a Cyrillic look-alike, an accent); undefined when one does not (a
 * Japanese name, a symbol). Punctuation, spaces and format characters stay as written, so the markup
 * is character for character the markup of `text`.
 */
export function foldedToAscii(text: string): string | undefined {
  let out = '';
  let copied = 0;
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) < 0x80) continue;
    const ch = String.fromCodePoint(text.codePointAt(i) as number);
    let folded = foldedLetters.get(ch);
    if (!foldedLetters.has(ch)) {
      if (NEVER_A_LETTER.test(ch)) folded = ch;
      else {
        const plain = foldChar(ch);
        folded = FOLDS_TO_ASCII_LETTERS.test(plain) ? plain : undefined;
      }
      if (foldedLetters.size < MAX_FOLDED_LETTERS) foldedLetters.set(ch, folded);
    }
    if (folded === undefined) return undefined;
    out += text.slice(copied, i) + folded;
    i += ch.length - 1;
    copied = i + 1;
  }
  return out + text.slice(copied);
}

/** The fold of a word from a list: the same folding as a note's text. */
export function foldPlain(text: string): string {
  return foldWithMap(text).text;
}
