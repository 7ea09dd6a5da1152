import { ADDRESSEE_PHRASES, LABEL_ABBREVIATIONS, LABEL_POSITION_WORDS, LABEL_SYMBOLS, LABEL_WORDS, NOT_FOR } from './privacyWords';
import { StemSet } from './stemSet';
import { BREAK, FoldedText, foldPlain } from './visibleBlockText';

/**
 * The rules that depend on where a word stands, beside the word lists that hold anywhere:
 *
 * - **Label position.** Softer words ("sensitive", "secret", "personal", "perso", "intern"), short forms
 *   ("conf.", "NFS", "P&C", "DM only") and symbols (🙈, 🕵️, 🔑) say nothing in a sentence, but
 *   opening a block as a label they mark what follows: a heading, a block that is only a short label,
 *   a lead-in ending in a colon or dash, a word alone in brackets.
 * - **An addressee.** "Not for X's ears", "keep from X", "don't tell X" with any name or nickname, not
 *   only the note's person's written names.
 *
 * Both make a block uncertain: left out and named, so the manager sees why and can reword it.
 */

/** Where in folded text a rule matched. */
export interface LabelSpan {
  readonly index: number;
  readonly length: number;
}

const NOT_WORD = '[^\\p{L}\\p{N}\\u0001]+';
/** Between the words of a lead-in: not across a colon, which ends it. */
const LEAD_GAP = '[^\\p{L}\\p{N}\\u0001:：\\n]+';
const WORD_EDGE_BEFORE = '(?<![\\p{L}\\p{N}])';
const WORD_EDGE_AFTER = '(?![\\p{L}\\p{N}])';
/** What ends a label: a colon, a dash, a closing bracket, or the end of the block. */
const LABEL_END = '(?=[ \\t\\u00a0]*(?:[:：]|[–—]|--?(?=\\s)|[)\\]}]|[.!?]?[\\s\\u0001]*$))';
const CASELESS = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const PRONOUNS = new Set(['him', 'her', 'them']);
/** At most this many label words beside a soft word in a lead-in ("My own personal notes:"). */
const MAX_BESIDE = 3;

const byLength = (a: string, b: string) => b.length - a.length;
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const wordsOf = (phrase: string) => foldPlain(phrase).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
const patternOf = (phrase: string) => wordsOf(phrase).map(escape).join(NOT_WORD);
const alternation = (phrases: readonly string[]) => [...new Set(phrases.map(patternOf).filter(Boolean))].sort(byLength).join('|');
/** A list word's ASCII letters and digits run together, for the cheap look (a word with other letters needs the classifier's look for those anyway). */
const stemOf = (phrase: string) => (/[^\p{ASCII}]/u.test(foldPlain(phrase)) ? '' : foldPlain(phrase).replace(/[^a-z0-9]/g, ''));

const SOFT_WORDS = Object.values(LABEL_POSITION_WORDS).flat();
const SOFT = alternation(SOFT_WORDS);
const SINGLE_SOFT = alternation(SOFT_WORDS.filter(word => wordsOf(word).length === 1));
const ABBREVIATIONS = alternation(LABEL_ABBREVIATIONS);
const BESIDE = alternation(LABEL_WORDS);
/** Soft words with label words beside them, as a whole lead-in: "Sensitive:", "My personal notes —", "### Intern". */
const LEAD_IN = new RegExp(`(?:(?:${BESIDE})${LEAD_GAP}){0,${MAX_BESIDE}}(${SOFT})(?:${LEAD_GAP}(?:${BESIDE})){0,${MAX_BESIDE}}${WORD_EDGE_AFTER}${LABEL_END}`, 'uy');
const ABBREVIATION = new RegExp(`(?:${ABBREVIATIONS})${WORD_EDGE_AFTER}`, 'uy');
const ABBREVIATION_END = /^[ \t\u00a0]*(?:[.:：)\]}]|[–—]|--?(?=\s)|$)/u;
/** A soft word or short form alone in brackets, anywhere: "(mgr)", "[sensitive]", "(perso: …)". */
const BRACKETED = new RegExp(`[([{][ \\t]*(?:${SINGLE_SOFT}|${ABBREVIATIONS})${WORD_EDGE_AFTER}[ \\t]*(?:[)\\]}]|[:;,|/–—])`, 'u');
const SYMBOLS = LABEL_SYMBOLS.map(symbol => symbol.normalize('NFKC'));
/**
 * What opens a line before its first word: anything but a letter or digit, and a list marker written as
 * text (pasted from Google Docs: "a. ", "iv) ", or "1.Sensitive" with no space), once.
 */
/** Where a line or a table cell begins, after it. */
const LINE_OR_CELL = /[\n|]/g;
const LINE_LEAD = /[^\p{L}\p{N}\n]*(?:(?:\d{1,9}|\p{L}|[ivxlc]{2,4})[.)][^\p{L}\p{N}\n]*)?/uy;

/** One "not for {name}" phrase, compiled: the name is the pattern's one group. */
interface Addressee {
  /** A word of the phrase, folded: a text without it cannot match, and the pattern is not run (nor compiled). */
  readonly word: string;
  readonly pattern: RegExp;
  /** A NOT_FOR lead: the name needs a possessive, punctuation or the end after it. */
  readonly needsEnd: boolean;
}

const NOT_FOR_LEADS = new Set(NOT_FOR.map(lead => wordsOf(lead).join(' ')));
const ADDRESSEES: readonly Addressee[] = ADDRESSEE_PHRASES.map(template => {
  const [before, after] = template.split('{name}');
  const name = `((?:${WORD_EDGE_BEFORE}\\p{L}[\\p{L}\\p{M}]*${WORD_EDGE_AFTER})|[\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\p{Script=Hangul}]+)`;
  const lead = before.trim() ? `${WORD_EDGE_BEFORE}${patternOf(before)}(?:${NOT_WORD}|(?=${CASELESS.source}))` : '';
  const tail = after.trim() ? `${NOT_WORD}${patternOf(after)}${WORD_EDGE_AFTER}` : '';
  return { word: wordsOf(before.trim() ? before : after)[0], pattern: new RegExp(`${lead}${name}${tail}`, 'gud'), needsEnd: !after.trim() && NOT_FOR_LEADS.has(wordsOf(before).join(' ')) };
});
/** After a name: what makes "not for Alex" a name rather than the start of a phrase ("not for Java developers"). */
const NAME_END = new RegExp(`^(?:['’]s?[ \\t]+(?:ears|eyes|knowledge)|[ \\t]+(?:to[ \\t]+)?(?:see|know|hear|read)(?![\\p{L}\\p{N}])|[ \\t\\u00a0]*(?:[:;.!?)\\]}–—${BREAK}]|$))`, 'u');

const LEAD_STEMS = [...new Set([...SOFT_WORDS, ...LABEL_ABBREVIATIONS].map(stemOf).filter(Boolean))].sort(byLength).join('|');
const BESIDE_STEMS = [...new Set(LABEL_WORDS.map(stemOf).filter(Boolean))].sort(byLength).join('|');
/** A line's letters and digits, run together, that open with up to three label words and a soft word or short form. */
/** A line's letters and digits, run together, that open with a list marker written as text (see LINE_LEAD), up to three label words and a soft word or short form. */
const LINE_OPENING = new RegExp(`^(?:\\d{1,9}|[a-z]|[ivxlc]{2,4})?(?:${BESIDE_STEMS}){0,${MAX_BESIDE}}(?:${LEAD_STEMS})`, 'i');
/** Any soft word or short form anywhere in letters run together: without one, no line can open with one. */
const ANY_STEM = new StemSet(LEAD_STEMS.split('|'));
/** What is kept between letters for the bracket look: what may close a bracketed label, and so may also stand between its words ("1:1 only", "dm/only"). */
const BRACKET_SEPARATORS = '[:;,|/–—]*';
/** A soft word or short form right inside a bracket, with only letters, digits, brackets and separators kept. */
const BRACKET_STEMS = new RegExp(`[([{](?:${LEAD_STEMS.split('|').map(stem => [...stem].join(BRACKET_SEPARATORS)).join('|')})[)\\]}:;,|/–—]`, 'i');

/** The letters of the addressee phrases' fixed words, anywhere in a text: for the cheap look's stems. */
export const ADDRESSEE_STEMS: readonly string[] = [...new Set(ADDRESSEE_PHRASES.map(t => t.split('{name}')).map(([before, after]) => stemOf(before.trim() ? before : after)).filter(Boolean))];

/**
 * The cheap look for these rules. `texts` are the source with and without its inline tags, whose letters
 * are looked at run together; `shown` gives the source with what the classifier hides (code, comments,
 * tags, link targets) made a break, as the classifier reads it. False means no block of the source opens
 * a line or table cell with a soft word or short form, nor holds one in brackets. (Addressee phrases are looked for
 * with the other stems; a letter that does not fold to ASCII makes the classifier look anyway.)
 */
export function mayHoldLabel(texts: readonly string[], shown: () => string): boolean {
  // What the classifier hides only takes letters away: the source's letters must hold a stem.
  if (!texts.some(text => ANY_STEM.inLetters(text))) return false;
  const read = shown();
  // Brackets and colons written full width ("（sensitive）") are the ASCII ones once folded.
  if (BRACKET_STEMS.test(read.normalize('NFKC').replace(/[^a-zA-Z0-9([{)\]}:;,|/–—]+/g, ''))) return true;
  for (const line of read.split(LINE_OR_CELL)) {
    if (LINE_OPENING.test(line.replace(/[^a-zA-Z0-9]+/g, ''))) return true;
  }
  return false;
}

/**
 * The first label-position or addressee match in a block's folded visible text. `source` is the text
 * `visible` was folded from (for capitals); `names` are the note's person's names, folded.
 */
export function labelOrAddressee(visible: FoldedText, source: string, names: ReadonlySet<string>): LabelSpan | undefined {
  return labelPosition(visible, source) ?? addressee(visible, source, names);
}

function labelPosition(visible: FoldedText, source: string): LabelSpan | undefined {
  const text = visible.text;
  // A label opens a line, the block's first or one after a line break inside it ("Discussed X.\nSensitive: …"), or a table cell.
  for (const start of [0, ...[...text.matchAll(LINE_OR_CELL)].map(edge => edge.index + 1)]) {
    const found = labelAt(text, start, visible, source);
    if (found) return found;
  }
  const bracketed = BRACKETED.exec(text);
  return bracketed ? { index: bracketed.index, length: bracketed[0].length } : undefined;
}

/** A symbol, soft word or short form as a label at the start of the line that begins at `line`. */
function labelAt(text: string, line: number, visible: FoldedText, source: string): LabelSpan | undefined {
  LINE_LEAD.lastIndex = line;
  const start = line + (LINE_LEAD.exec(text)?.[0].length ?? 0);
  const opening = text.slice(line, start);
  for (const symbol of SYMBOLS) {
    const at = opening.indexOf(symbol);
    if (at !== -1) return { index: line + at, length: symbol.length };
  }
  LEAD_IN.lastIndex = start;
  const lead = LEAD_IN.exec(text);
  if (lead) return { index: start, length: lead[0].length };
  ABBREVIATION.lastIndex = start;
  const short = ABBREVIATION.exec(text);
  if (short && (ABBREVIATION_END.test(text.slice(start + short[0].length)) || / only$/.test(short[0]) || isCapitals(source, visible, start, short[0].length))) {
    return { index: start, length: short[0].length };
  }
  return undefined;
}

/** Whether the source of a folded span is written in capitals ("NFS", "P&C"): an abbreviation, not a word. */
function isCapitals(source: string, visible: FoldedText, index: number, length: number): boolean {
  const written = source.slice(visible.from[index], visible.from[index + length] ?? source.length);
  return /\p{Lu}/u.test(written) && !/\p{Ll}/u.test(written);
}

function addressee(visible: FoldedText, source: string, names: ReadonlySet<string>): LabelSpan | undefined {
  const text = visible.text;
  for (const { word, pattern, needsEnd } of ADDRESSEES) {
    if (!text.includes(word)) continue;
    pattern.lastIndex = 0;
    for (let found = pattern.exec(text); found; found = pattern.exec(text)) {
      const name = found[1];
      const at = found.indices?.[1]?.[0] ?? found.index;
      const known = names.has(name) || PRONOUNS.has(name);
      const caseless = CASELESS.test(name);
      const written = source[visible.from[at]] ?? '';
      if (!known && !caseless && !/\p{Lu}/u.test(written)) continue;
      if (needsEnd && !known && !caseless && !NAME_END.test(text.slice(at + name.length))) continue;
      return { index: found.index, length: found[0].length };
    }
  }
  return undefined;
}
