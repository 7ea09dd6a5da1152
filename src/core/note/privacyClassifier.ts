import { LABEL_WORDS, NOT_FOR, ORDINARY_AFTER_PRIVATE, PRIVACY_PHRASES, PRIVATE_CALLOUT_TYPES, PRIVATE_SYMBOLS, PRIVATE_WORDS, TYPO_TARGETS } from './privacyWords';
import { ADDRESSEE_STEMS, labelOrAddressee, mayHoldLabel } from './privacyLabels';
import { closeTypo, mayHoldTypo, TypoIndex, typoIndex } from './privacyTypos';
import { StemSet } from './stemSet';
import { execAt, KEYED_EDGE_AFTER, KEYED_EDGE_BEFORE, KEYED_NOT_WORD, keyedText, LONGEST_FIRST, NO_SPACES, Phrase, PhraseMatch, PhraseMatcher, WordSequences } from './phraseMatcher';
import { BREAK, decodeEscapesAndEntities, FoldedText, foldedToAscii, foldPlain, foldWithMap, hideCodeAndMarkup, INLINE_TAG, withoutLineMarkers, wordsAsRead } from './visibleBlockText';

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
/** After a "private" word, only spaces then one of these nouns: an ordinary adjective ("private beta"). */
const ORDINARY_NOUN = `(?! +(?:${ORDINARY_AFTER_PRIVATE.map(w => escapeRegExp(foldPlain(w))).join('|')})${KEYED_EDGE_AFTER})`;
const PRIVATE_ADJECTIVES = new Set([...PRIVATE_WORDS, 'privately'].map(foldPlain));
const CALLOUT_TYPES = new Set(PRIVATE_CALLOUT_TYPES.map(foldPlain));
const CALLOUT = /^[ \t]*(?:>[ \t]?)*[ \t]*\[!([^\]\n]+)\][+-]?[ \t]*([^\n]*)/;
/** What may turn into a letter of a privacy word once folded: the cheap look reads such a text folded, or gives up on it. */
const MAY_FOLD = /[^\p{ASCII}\p{P}\p{Z}\p{Cf}]/u;
/** A character reference, which may turn into anything once decoded: the cheap look gives up on it. */
const REFERENCE = /&(?:#|[a-z][a-z0-9]*;)/i;

/** The word lists of one set of options, compiled once. */
interface Matchers {
  /** Every privacy word and phrase, on folded text. */
  readonly words: PhraseMatcher;
  /** Every privacy word's ASCII letters and digits, for the cheap look on the raw text's letters and digits. */
  readonly stems: readonly StemSet[];
  /** The privacy words a one-letter typo still means, for the cheap look. */
  readonly typos: TypoIndex;
  /** The note's person's names, folded: "keep from priya" needs no capital. */
  readonly names: ReadonlySet<string>;
  /** Those names' ASCII letters and digits ('' for a name with other letters), for `personMayMatter`. */
  readonly nameStems: readonly string[];
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

const commonCache = new Map<string, { phrases: Phrase[]; words: RegExp; stems: StemSet }>();
const matcherCache = new Map<string, Matchers>();
const matchersByOptions = new WeakMap<ClassifierOptions, Matchers>();

/** The typo targets folded and run together, and the cheap look's pattern for them. */
const TYPO_SPLIT = TYPO_TARGETS.map(w => foldPlain(w).split(/[^\p{L}\p{N}]+/u).filter(Boolean));
const TYPO_WORDS: readonly string[] = [...new Set(TYPO_SPLIT.map(words => words.join('')))];
const TYPO_INDEX = typoIndex(TYPO_WORDS.filter(word => !/[^a-z0-9]/.test(word)));

/** The stems of the "not for" leads; a person's phrase's stem is its lead's and then their name's (see `addPhrase`). */
const NOT_FOR_STEMS = NOT_FOR.map(lead => phraseStem(foldPlain(lead)));

const MAX_EXTRA_WORDS = 200;
const MAX_WORD_LENGTH = 120;

function matchersFor(options: ClassifierOptions | undefined): Matchers {
  // A reader asks with the same options object for every block of a note: remembered by identity first.
  const known = options && matchersByOptions.get(options);
  if (known) return known;
  const key = JSON.stringify([options?.person ?? '', options?.extraWords ?? []]);
  let found = matcherCache.get(key);
  if (!found) {
    if (matcherCache.size > 1024) matcherCache.clear();
    found = buildMatchers(options);
    matcherCache.set(key, found);
  }
  if (options) matchersByOptions.set(options, found);
  return found;
}

function buildMatchers(options: ClassifierOptions | undefined): Matchers {
  const common = commonPhrases(options?.extraWords ?? []);
  const names = new Set(personNames(personOf(options)).map(foldPlain));
  const nameStems = [...names].map(phraseStem);
  if (names.size === 0) return { words: new PhraseMatcher(common.words, undefined, () => common.words), stems: [common.stems], typos: TYPO_INDEX, names, nameStems };
  // The stems of "not for <name>": a stem that holds a common one is found by the common look already ("notfor" in "notforpriya").
  const ownStems = [...new Set(NOT_FOR_STEMS.flatMap(lead => nameStems.map(name => (lead && name ? lead + name : ''))))]
    .filter(stem => stem && !common.stems.inLetters(stem));
  // The person's phrases are compiled only when a block is classified: the cheap look spares most notes that.
  let words: PhraseMatcher | undefined;
  return {
    // In one alternation the person's phrases come after the common ones of the same length (a stable sort).
    get words() {
      return words ??= new PhraseMatcher(common.words, new WordSequences(personPhrases(options)), () => wordsPatternOf(options));
    },
    // Stems are ASCII letters and digits in lower case, looked for in ASCII letters and digits whatever their case.
    stems: ownStems.length ? [common.stems, new StemSet(ownStems)] : [common.stems],
    typos: TYPO_INDEX,
    names,
    nameStems,
  };
}

function personOf(options: ClassifierOptions | undefined): string | undefined {
  return options?.person !== undefined && options.person.length <= MAX_WORD_LENGTH ? options.person : undefined;
}

/** The one alternation of every phrase of these options. */
function wordsPatternOf(options: ClassifierOptions | undefined): RegExp {
  return wordsPattern([...commonPhrases(options?.extraWords ?? []).phrases, ...personPhrases(options)]);
}

/** "Not for <the person>" in each language, with their full name and each part of it. */
function personPhrases(options: ClassifierOptions | undefined): Phrase[] {
  const own: Phrase[] = [];
  for (const name of personNames(personOf(options))) for (const lead of NOT_FOR) addPhrase(own, `${lead} ${name}`);
  return own;
}

/** The built-in words and the configuration's, compiled once per list of extra words. */
function commonPhrases(extraWords: readonly string[]): { phrases: Phrase[]; words: RegExp; stems: StemSet } {
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
    const stems = [...new Set(['priv', ...ADDRESSEE_STEMS, ...phrases.map(p => p.stem).filter(Boolean)])];
    if (commonCache.size > 64) commonCache.clear();
    found = { phrases, words: wordsPattern(phrases), stems: new StemSet(stems) };
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
  // Scripts written without spaces have no word edge after a word; a phrase that opens in another script keeps the one before.
  const before = NO_SPACES.test(words[0]) ? '' : KEYED_EDGE_BEFORE;
  phrases.push({ words, pattern: NO_SPACES.test(phrase) ? `${before}(?:${body})` : `${KEYED_EDGE_BEFORE}(?:${body})${KEYED_EDGE_AFTER}`, stem: stemOf(words.join(' ')) });
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
 * A letter outside ASCII needs the folded look (`lookedAt`) anyway.
 */
function stemOf(folded: string): string {
  return /[^\p{ASCII}]/u.test(folded) ? '' : folded.replace(/[^a-z0-9]/g, '');
}

/** The stem of a folded phrase's words (what lies between them is not read). */
function phraseStem(folded: string): string {
  return stemOf(folded.split(/[^\p{L}\p{N}]+/u).filter(Boolean).join(' '));
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
  const markedSource = shownText(hidden.text, (tag, name) => keptTag(tag, name, matchers));
  const visibleSource = wordsAsRead(markedSource);
  return {
    visible: foldWithMap(visibleSource), visibleSource, marked: foldWithMap(markedSource), markedSource,
    comments: hidden.comments, hadCode: hidden.hadCode,
  };
}

/** Text with code and markup hidden, read as a person sees it: escapes and references decoded, invisible characters out, each tag as `tag` makes it. */
function shownText(hidden: string, tag: (tag: string, name: string) => string): string {
  return decodeEscapesAndEntities(hidden).replace(/\p{Cf}/gu, '').replace(TAG, tag);
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
  return mayBePrivate(source, options) ? classifyBlockFully(source, options) : SHARED;
}

/** `classifyBlock` without the cheap first look: a test holds the look's "no" to this. */
export function classifyBlockFully(source: string, options?: ClassifierOptions): Classification {
  const matchers = matchersFor(options);
  const block = readBlock(source, matchers);
  return explicitMarker(block) ?? commentMarker(block.comments, matchers) ?? privacyWords(block, matchers) ?? labelled(block, matchers) ?? typo(block) ?? SHARED;
}

/** A soft word, short form or symbol in label position, or "not for <any name>": uncertain (privacyLabels.ts). */
function labelled(block: ReadBlock, matchers: Matchers): Classification | undefined {
  const found = labelOrAddressee(block.visible, block.visibleSource, matchers.names);
  return found ? { privacy: 'uncertain', because: quote(block.visibleSource, block.visible, found) } : undefined;
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

function mayBePrivateWith(written: string, matchers: Matchers): boolean {
  const source = lookedAt(written);
  if (source === undefined) return true;
  // Inline HTML tags join the halves of a word ("<b>Priv</b>ate"): the letters are also looked at without them.
  const untagged = source.includes('<') ? source.replace(INLINE_TAG, '') : source;
  const texts = untagged === source ? [source] : [source, untagged];
  if (matchers.stems.some(stems => texts.some(text => stems.inLetters(text)))) return true;
  // A label is looked for where the classifier reads one: past what it hides (code, comments, tags, a link's target).
  if (mayHoldLabel(texts, () => shownText(hideCodeAndMarkup(withoutLineMarkers(source)).text, () => BREAK))) return true;
  // A typo is looked for in words as the classifier reads them (conf**idental**, confi\u00addental, c o n f i d e n t a l).
  return texts.some(text => mayHoldTypo(wordsAsRead(text.replace(/\p{Cf}/gu, '')), matchers.typos));
}

/**
 * The text the cheap looks read: the source, with letters outside ASCII folded (folding goes character
 * by character, so the letters stay where they were); undefined when it cannot be read so (a character
 * reference, or a character that does not fold to ASCII letters).
 */
function lookedAt(source: string): string | undefined {
  if (REFERENCE.test(source)) return undefined;
  return MAY_FOLD.test(source) ? foldedToAscii(source) : source;
}

/**
 * Whether the note's person can change how `source` is read: only when their name's letters are in it,
 * or something that may fold into them. Lets a caller remember a verdict for every person at once.
 */
export function personMayMatter(source: string, options?: ClassifierOptions): boolean {
  const { nameStems } = matchersFor(options);
  if (nameStems.length === 0) return false;
  const looked = lookedAt(source);
  if (looked === undefined) return true;
  const letters = looked.replace(/[^a-zA-Z0-9]+/g, '').toLowerCase();
  return nameStems.some(stem => stem === '' || letters.includes(stem));
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
