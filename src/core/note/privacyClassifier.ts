import { LABEL_WORDS, NOT_FOR, ORDINARY_AFTER_PRIVATE, PRIVACY_PHRASES, PRIVATE_CALLOUT_TYPES, PRIVATE_SYMBOLS, PRIVATE_WORDS, TYPO_TARGETS } from './privacyWords';
import { closeTypo, mayHoldTypo, TypoIndex, typoIndex } from './privacyTypos';
import { BREAK, decodeEscapesAndEntities, FoldedText, foldPlain, foldWithMap, hideCodeAndMarkup, INLINE_TAG, withoutLineMarkers } from './visibleBlockText';

/**
 * The one place that decides what in a note is the manager's only. Every block of a note gets one
 * class: `shared` (may leave in a copy or count in a report), `private` (marked as such on purpose) or
 * `uncertain` (it holds a privacy word without being a marker: left out too, and named so the
 * manager can reword it). The rules read a block as a person sees it: escapes and character
 * references decoded, emphasis, invisible characters, width, accents and look-alike letters folded,
 * while code spans, HTML comments and tags, and link targets are never read as text.
 */

/** The privacy class of one block of a note. */
export type PrivacyClass = 'shared' | 'private' | 'uncertain';

/** A block's class and why. */
export interface Classification {
  readonly privacy: PrivacyClass;
  /** The words that decided it, as written, for the "Left out" message. */
  readonly because?: string;
}

/** What a notes repository adds to the built-in rules. */
export interface ClassifierOptions {
  /** Extra words from the configuration file (share.privacyWords). */
  readonly extraWords?: readonly string[];
  /** The note's person: "not for Priya". */
  readonly person?: string;
}

const SHARED: Classification = { privacy: 'shared' };
const WORD_EDGE_BEFORE = '(?<![\\p{L}\\p{N}])';
const WORD_EDGE_AFTER = '(?![\\p{L}\\p{N}])';

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
const KEYED_NOT_WORD = '[ \\u0002]+';
const KEYED_EDGE_BEFORE = '(?<![^ \\u0001\\u0002])';
const KEYED_EDGE_AFTER = '(?![^ \\u0001\\u0002])';

function keyedText(folded: string): string {
  return folded.replace(KEYED_NOT_LETTER, found => (found === ' ' || found === '\t' || found === '\u00a0' ? ' ' : OTHER.repeat(found.length)));
}
const LONGEST_FIRST = (a: string, b: string) => b.length - a.length;
const FAMILY = [...new Set(PRIVATE_WORDS.map(foldPlain))].sort(LONGEST_FIRST).map(escapeRegExp).join('|');
const LOCK = new RegExp(PRIVATE_SYMBOLS.map(escapeRegExp).join('|'), 'u');
const LABEL_SET = new Set(LABEL_WORDS.map(foldPlain));
const MAX_LABEL_WORDS = 8;
const MAX_BECAUSE = 60;

/** Markers meant as such, read on the folded text with emphasis taken out. */
const EXPLICIT: readonly RegExp[] = [
  // (private), [privat], {privé}, ( private ), (priv), (private: HR case 4411), (private - do not share)
  new RegExp(`[([{]\\s*(?:${FAMILY}|priv)(?:\\s*[)\\]}]|\\s*[:;,|/–—][^)\\]}]{0,40}[)\\]}]?|\\s+-[^)\\]}]{0,40}[)\\]}]?)`, 'u'),
  // "private:" as a lead-in, anywhere a word may start ("NB private: …", "Private: …", "PRIV: …")
  new RegExp(`${WORD_EDGE_BEFORE}(?:${FAMILY}|priv)\\s*:`, 'u'),
  // "Private — …", "Private - …" opening the block
  new RegExp(`^[^\\p{L}\\p{N}]*(?:${FAMILY})\\s*(?:[–—]|-(?=\\s))`, 'u'),
  // a #private tag (or #private/hr), not #private-cloud
  new RegExp(`(?<![\\p{L}\\p{N}_&#/\\\\])#(?:${FAMILY})(?![\\p{L}\\p{N}_-])`, 'u'),
];
/** `**Private**`, `_private_`, `**Private:**`: the word alone in its own emphasis, read before emphasis is removed. */
const EMPHASISED = new RegExp(`(?<![*_\\p{L}\\p{N}])(\\*{1,3}|_{1,3})[\\s([{]*(?:${FAMILY})[\\s:)\\]}.!]*\\1(?![*_\\p{L}\\p{N}])`, 'u');
const FAMILY_WORD = new RegExp(`${WORD_EDGE_BEFORE}(?:${FAMILY})${WORD_EDGE_AFTER}`, 'u');
const ONLY_FAMILY = new RegExp(`^(?:${FAMILY})$`, 'u');
const STARTS_PRIVATE = /^[^\p{L}\p{N}]*private/u;
const TAG = /(?<![\p{L}\p{N}_&#/\\])#([\p{L}\p{N}_][\p{L}\p{N}_/-]*)/gu;
/** Letters of scripts written without spaces between words: a phrase in them has no word edges to look for. */
const NO_SPACES = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
/** After a "private" word, only spaces then one of these nouns: an ordinary adjective ("private beta"). */
const ORDINARY_NOUN = `(?! +(?:${ORDINARY_AFTER_PRIVATE.map(w => escapeRegExp(foldPlain(w))).join('|')})${KEYED_EDGE_AFTER})`;
const PRIVATE_ADJECTIVES = new Set([...PRIVATE_WORDS, 'privately'].map(foldPlain));
const CALLOUT_TYPES = new Set(PRIVATE_CALLOUT_TYPES.map(foldPlain));
const CALLOUT = /^[ \t]*(?:>[ \t]?)*[ \t]*\[!([^\]\n]+)\][+-]?[ \t]*([^\n]*)/;
/** Anything that may turn into a letter of a privacy word once folded or decoded: the cheap look gives up on it. */
const MAY_FOLD = /[^\p{ASCII}\p{P}\p{Z}\p{Cf}]|&(?:#|[a-z][a-z0-9]*;)/iu;

/** The word lists of one set of options, compiled once. */
interface Matchers {
  /** Every privacy word and phrase, on folded text. */
  readonly words: PhraseMatcher;
  /** Every privacy word's ASCII letters and digits, for the cheap look on the raw text's letters and digits. */
  readonly stems: readonly { test(letters: string): boolean }[];
  /** The privacy words a one-letter typo still means, for the cheap look. */
  readonly typos: TypoIndex;
}

/** One phrase of a word list: its words, its pattern (the words joined by any run of what is not a letter) and its stem. */
interface Phrase {
  readonly words: readonly string[];
  readonly pattern: string;
  readonly stem: string;
}

/** A match of the privacy words: where it starts in the text and how long it is. */
interface PhraseMatch {
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
class PhraseMatcher {
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

/**
 * Every match of the privacy words in folded text, as the classifier finds them, or (`oneAlternation`)
 * as one alternation of every phrase finds them: a test holds the two to the same answers.
 */
export function privacyWordMatches(folded: string, options?: ClassifierOptions, oneAlternation = false): PhraseMatch[] {
  const { words } = matchersFor(options);
  if (!oneAlternation) return [...words.matches(folded)];
  const all = words.oneAlternation();
  const keyed = keyedText(folded);
  const found: PhraseMatch[] = [];
  for (let next = execAt(all, keyed, 0); next; next = execAt(all, keyed, next.index + next.length)) found.push(next);
  return found;
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
class WordSequences {
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
        if (last < words.length && phrase.words.every((word, k) => words[at + k].text === word && (k === 0 || words[at + k - 1].joinsNext))) {
          return { index: words[at].start, length: words[last].end - words[at].start };
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

function execAt(pattern: RegExp, text: string, from: number): PhraseMatch | undefined {
  pattern.lastIndex = from;
  const found = pattern.exec(text);
  return found ? { index: found.index, length: found[0].length } : undefined;
}

const commonCache = new Map<string, { phrases: Phrase[]; words: RegExp; stems: RegExp }>();
const matcherCache = new Map<string, Matchers>();

/** The typo targets folded and run together, and the cheap look's pattern for them. */
const TYPO_SPLIT = TYPO_TARGETS.map(w => foldPlain(w).split(/[^\p{L}\p{N}]+/u).filter(Boolean));
const TYPO_WORDS: readonly string[] = [...new Set(TYPO_SPLIT.map(words => words.join('')))];
const TYPO_INDEX = typoIndex(TYPO_SPLIT.map(words => ({ joined: words.join(''), first: words[0], words: words.length })).filter(t => !/[^a-z0-9]/.test(t.joined)));

const MAX_EXTRA_WORDS = 200;
const MAX_WORD_LENGTH = 120;

function matchersFor(options: ClassifierOptions | undefined): Matchers {
  const key = JSON.stringify([options?.person ?? '', options?.extraWords ?? []]);
  let found = matcherCache.get(key);
  if (!found) {
    if (matcherCache.size > 1024) matcherCache.clear();
    found = buildMatchers(options);
    matcherCache.set(key, found);
  }
  return found;
}

function buildMatchers(options: ClassifierOptions | undefined): Matchers {
  const common = commonPhrases(options?.extraWords ?? []);
  const own = personPhrases(options);
  if (own.length === 0) return { words: new PhraseMatcher(common.words, undefined, () => common.words), stems: [common.stems], typos: TYPO_INDEX };
  const ownStems = [...new Set(own.map(p => p.stem).filter(Boolean))];
  return {
    // In one alternation the person's phrases come after the common ones of the same length (a stable sort).
    words: new PhraseMatcher(common.words, new WordSequences(own), () => wordsPatternOf(options)),
    // Stems are ASCII letters and digits in lower case, looked for in ASCII letters and digits whatever their case.
    stems: ownStems.length ? [common.stems, { test: (letters: string) => { const lower = letters.toLowerCase(); return ownStems.some(stem => lower.includes(stem)); } }] : [common.stems],
    typos: TYPO_INDEX,
  };
}

/** The one alternation of every phrase of these options. */
function wordsPatternOf(options: ClassifierOptions | undefined): RegExp {
  return wordsPattern([...commonPhrases(options?.extraWords ?? []).phrases, ...personPhrases(options)]);
}

/** "Not for <the person>" in each language, with their full name and each part of it. */
function personPhrases(options: ClassifierOptions | undefined): Phrase[] {
  const own: Phrase[] = [];
  const person = options?.person !== undefined && options.person.length <= MAX_WORD_LENGTH ? options.person : undefined;
  for (const name of personNames(person)) for (const lead of NOT_FOR) addPhrase(own, `${lead} ${name}`);
  return own;
}

/** The built-in words and the configuration's, compiled once per list of extra words. */
function commonPhrases(extraWords: readonly string[]): { phrases: Phrase[]; words: RegExp; stems: RegExp } {
  const key = JSON.stringify(extraWords);
  let found = commonCache.get(key);
  if (!found) {
    const phrases: Phrase[] = [];
    for (const word of PRIVATE_WORDS) addPhrase(phrases, word);
    for (const entry of Object.values(PRIVACY_PHRASES).flat()) {
      if (typeof entry === 'string') addPhrase(phrases, entry);
      else addPhrase(phrases, entry.phrase, entry.unlessFollowedBy);
    }
    // Bounded, so a hostile word list cannot make a pattern too large to compile.
    for (const word of extraWords.slice(0, MAX_EXTRA_WORDS)) if (word.length <= MAX_WORD_LENGTH) addPhrase(phrases, word);
    const stems = [...new Set(['priv', ...phrases.map(p => p.stem).filter(Boolean)])];
    if (commonCache.size > 64) commonCache.clear();
    found = { phrases, words: wordsPattern(phrases), stems: new RegExp(stems.join('|'), 'i') };
    commonCache.set(key, found);
  }
  return found;
}

function addPhrase(phrases: Phrase[], phrase: string, unless: readonly string[] = []) {
  const words = foldPlain(phrase).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  if (words.length === 0) return;
  let guard = unless.length ? `(?!${KEYED_NOT_WORD}(?:${unless.map(w => escapeRegExp(foldPlain(w))).join('|')})${KEYED_EDGE_AFTER})` : '';
  // "private beta", "private cloud": the adjective before an ordinary noun says nothing private.
  if (words.length === 1 && PRIVATE_ADJECTIVES.has(words[0])) guard += ORDINARY_NOUN;
  const body = words.map(escapeRegExp).join(KEYED_NOT_WORD) + guard;
  // Scripts written without spaces have no word edges to look for.
  phrases.push({ words, pattern: NO_SPACES.test(phrase) ? body : `${KEYED_EDGE_BEFORE}(?:${body})${KEYED_EDGE_AFTER}`, stem: stemOf(words.join(' ')) });
}

/** One alternation of phrases, the longest pattern first (the sort is stable: equal lengths keep their order). */
function wordsPattern(phrases: readonly Phrase[]): RegExp {
  const sorted = [...phrases].sort((a, b) => LONGEST_FIRST(a.pattern, b.pattern));
  return new RegExp(sorted.map(p => p.pattern).join('|'), 'gu');
}

/** The person's full name and each of its words: "not for Priya", "not for Priya Nair". */
function personNames(person: string | undefined): string[] {
  const full = person?.trim() ?? '';
  if (!full) return [];
  return [...new Set([full, ...full.split(/\s+/).filter(part => part.replace(/[^\p{L}]/gu, '').length >= 2)])];
}

/**
 * A phrase's ASCII letters and digits run together: what the raw text's letters and digits must hold
 * for the phrase to show once folded, since escapes, emphasis, invisible characters and spacing only
 * ever take other characters away, and what hides letters (code, comments, tags) also breaks words.
 * A letter outside ASCII needs MAY_FOLD anyway.
 */
function stemOf(folded: string): string {
  return /[^\p{ASCII}]/u.test(folded) ? '' : folded.replace(/[^a-z0-9]/g, '');
}

/** One block read for classifying. */
interface ReadBlock {
  /** Folded visible text: emphasis out, spaced letters joined. */
  readonly visible: FoldedText;
  readonly visibleSource: string;
  /** Folded text with emphasis still in, for `**Private**`. */
  readonly marked: FoldedText;
  readonly markedSource: string;
  readonly comments: readonly string[];
  readonly hadCode: boolean;
}

function readBlock(source: string, matchers: Matchers): ReadBlock {
  const hidden = hideCodeAndMarkup(withoutLineMarkers(source));
  const decoded = decodeEscapesAndEntities(hidden.text).replace(/\p{Cf}/gu, '');
  const markedSource = decoded.replace(TAG, (tag, name: string) => keptTag(tag, name, matchers));
  // `*` emphasis works inside a word (pri**vate**); `_` never does, so it separates words (do_not_share).
  const visibleSource = markedSource.replace(/[*~]|==/g, '').replace(/_/g, ' ')
    .replace(/(?<![\p{L}\p{N}])\p{L}(?:[ .-]\p{L}){3,}(?![\p{L}\p{N}])/gu, spaced => spaced.replace(/[ .-]/g, ''));
  return {
    visible: foldWithMap(visibleSource), visibleSource, marked: foldWithMap(markedSource), markedSource,
    comments: hidden.comments, hadCode: hidden.hadCode,
  };
}

/**
 * A tag stays only when it says private: `#private` (or `#private/hr`) as a marker, `#confidential` or
 * `#manager-only` as words; any other tag, `#private-cloud` or `#privacy-review`, is a theme and no text.
 */
function keptTag(tag: string, name: string, matchers: Matchers): string {
  const folded = foldPlain(name);
  if (ONLY_FAMILY.test(folded.split('/')[0])) return tag;
  const spoken = folded.replace(/[-_/]+/g, ' ');
  return wholeMatch(spoken, matchers.words) ? ` ${name} ` : BREAK;
}

function wholeMatch(text: string, words: PhraseMatcher): boolean {
  for (const found of words.matches(text)) if (found.index === 0 && found.length === text.length) return true;
  return false;
}

/** The class of one block from its own Markdown source as written (a paragraph, a list item's first block, a table row, a heading's text, a quote line). */
export function classifyBlock(source: string, options?: ClassifierOptions): Classification {
  const matchers = matchersFor(options);
  if (!mayBePrivateWith(source, matchers)) return SHARED;
  const block = readBlock(source, matchers);
  return explicitMarker(block) ?? commentMarker(block.comments, matchers) ?? privacyWords(block, matchers) ?? typo(block) ?? SHARED;
}

/** A privacy word with a one-letter typo ("prviate", "confidental", "do not shrae"): uncertain, so the manager rewords it. */
function typo(block: ReadBlock): Classification | undefined {
  const found = closeTypo(block.visible.text, TYPO_WORDS);
  if (!found) return undefined;
  const start = block.visible.from[found.start];
  const end = block.visible.from[found.end] ?? block.visibleSource.length;
  return { privacy: 'uncertain', because: short(block.visibleSource.slice(start, end).replaceAll(BREAK, ' ')) };
}

function explicitMarker(block: ReadBlock): Classification | undefined {
  const lock = LOCK.exec(block.markedSource);
  if (lock) return { privacy: 'private', because: lock[0] };
  const emphasised = EMPHASISED.exec(block.marked.text);
  if (emphasised) return { privacy: 'private', because: quote(block.markedSource, block.marked, { index: emphasised.index, length: emphasised[0].length }) };
  for (const rule of EXPLICIT) {
    const found = rule.exec(block.visible.text);
    if (found) return { privacy: 'private', because: quote(block.visibleSource, block.visible, { index: found.index, length: found[0].length }) };
  }
  return undefined;
}

/** `<!-- private -->`, `<!-- growth:private -->`, `%% private %%` inside the block: a marker; other privacy words in a comment: uncertain. */
function commentMarker(comments: readonly string[], matchers: Matchers): Classification | undefined {
  let uncertain: Classification | undefined;
  for (const comment of comments) {
    const folded = foldPlain(decodeEscapesAndEntities(comment).replace(/\p{Cf}/gu, ''));
    const because = short(`<!--${comment}-->`);
    if (FAMILY_WORD.test(folded)) return { privacy: 'private', because };
    if (!uncertain && matchers.words.test(folded)) uncertain = { privacy: 'uncertain', because };
  }
  return uncertain;
}

function privacyWords(block: ReadBlock, matchers: Matchers): Classification | undefined {
  const found = matchers.words.exec(block.visible.text);
  return found ? { privacy: 'uncertain', because: quote(block.visibleSource, block.visible, found) } : undefined;
}

/** The matched words as they were written (before folding). */
function quote(source: string, folded: FoldedText, found: PhraseMatch): string {
  const start = folded.from[found.index];
  const end = folded.from[found.index + found.length] ?? source.length;
  return short(source.slice(start, end).replaceAll(BREAK, ' '));
}

function short(text: string): string {
  const tidy = text.replace(/\s+/g, ' ').trim();
  return tidy.length > MAX_BECAUSE ? `${tidy.slice(0, MAX_BECAUSE - 1)}…` : tidy;
}

/** A block that is only a label making what follows private: "**Private notes**", "Private notes:", "Private", "🔒 Private", "Confidential:", "Manager only", "Privé", "Vertraulich"... */
export function isPrivateLabel(source: string, options?: ClassifierOptions): boolean {
  const matchers = matchersFor(options);
  if (!mayBePrivateWith(source, matchers)) return false;
  const block = readBlock(source, matchers);
  if (block.hadCode) return false;
  if (!/[\p{L}\p{N}]/u.test(block.visible.text.replace(LOCK, ''))) {
    if (LOCK.test(block.visible.text)) return true;
    return block.comments.length > 0 && block.comments.every(c => isLabelText(foldPlain(c).replace(/^\s*growth\s*:/, ''), matchers));
  }
  return isLabelText(block.visible.text, matchers);
}

/** Only privacy words (at least one), the lock, and words that name a section ("notes", "aside", "my"…). */
function isLabelText(folded: string, matchers: Matchers): boolean {
  const all = folded.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  if (all.length > MAX_LABEL_WORDS) return false;
  let said = LOCK.test(folded);
  let rest = matchers.words.replace(folded, () => { said = true; return ' '; });
  for (let found = closeTypo(rest, TYPO_WORDS); found; found = closeTypo(rest, TYPO_WORDS)) {
    said = true;
    rest = `${rest.slice(0, found.start)} ${rest.slice(found.end)}`;
  }
  return said && rest.split(/[^\p{L}\p{N}]+/u).filter(Boolean).every(word => LABEL_SET.has(word));
}

/** A heading (any level; its text as written, markers and comments included) that makes its section or sub-section private. */
export function isPrivateHeading(source: string, options?: ClassifierOptions): boolean {
  const matchers = matchersFor(options);
  if (!mayBePrivateWith(source, matchers)) return false;
  if (classifyBlock(source, options).privacy !== 'shared') return true;
  return STARTS_PRIVATE.test(readBlock(source, matchers).visible.text);
}

/** An Obsidian-style callout's first line ("[!private]", "[!note]- Private", "[!warning]+ Confidential") that makes the callout private. */
export function isPrivateCallout(firstLine: string, options?: ClassifierOptions): boolean {
  const callout = CALLOUT.exec(firstLine);
  if (!callout) return false;
  const matchers = matchersFor(options);
  const type = foldPlain(callout[1]).replace(/[-_]+/g, ' ');
  if (matchers.words.test(type) || STARTS_PRIVATE.test(type) || LOCK.test(type) || CALLOUT_TYPES.has(type.trim())) return true;
  return isPrivateHeading(callout[2], options);
}

/** A cheap first look for hot paths: false guarantees classifyBlock is 'shared' and the three is… functions are false for any block inside `source`. Must be fast (one regex test or one scan), as it runs on whole note bodies. */
export function mayBePrivate(source: string, options?: ClassifierOptions): boolean {
  return mayBePrivateWith(source, matchersFor(options));
}

function mayBePrivateWith(source: string, matchers: Matchers): boolean {
  if (MAY_FOLD.test(source)) return true;
  const letters = source.replace(/[^a-zA-Z0-9]+/g, '');
  // Inline HTML tags join the halves of a word ("<b>Priv</b>ate"): the letters are also looked at without them.
  const untagged = source.includes('<') ? source.replace(INLINE_TAG, '').replace(/[^a-zA-Z0-9]+/g, '') : letters;
  if (matchers.stems.some(stems => stems.test(letters) || (untagged !== letters && stems.test(untagged)))) return true;
  return mayHoldTypo(source, matchers.typos) || (untagged !== letters && mayHoldTypo(source.replace(INLINE_TAG, ''), matchers.typos));
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
