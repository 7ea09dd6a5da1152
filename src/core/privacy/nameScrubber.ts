import { foldName } from '../base';

/**
 * The name scrubber: one pass over a text, whatever the number of names. It once was one regular
 * expression with an alternative per name, which the engine tries one by one at every word: 2,000
 * people made a report take seconds per page. Here the names sit in a trie, the text is walked once,
 * and at each word start only the names the trie leads to are checked, each by its own small
 * expression, the very one the single large expression held (so what matches is unchanged: whole
 * words, case and accents as the regular expression engine folds them).
 */

const EMAIL = /[\p{L}\p{M}\p{N}._%+-]+@[\p{L}\p{M}\p{N}-]+(?:\.[\p{L}\p{M}\p{N}-]+)+/gu;
const HANDLE = /(^|[^\p{L}\p{M}\p{N}_.@])@[\p{L}\p{N}_][\p{L}\p{M}\p{N}._-]*[\p{L}\p{M}\p{N}_]?/gu;
/** Replaces a person's name, handle or address. */
export const NAME_PLACEHOLDER = '[name]';

// The classes as the old expression saw them: with the `i` flag, `\p{M}` also takes letters that fold like a mark (ι).
const MARK = /^\p{M}$/iu;
const WORD_CHAR = /^[\p{L}\p{N}\p{M}]$/iu;
const CLASS_OTHER = 1;
const CLASS_MARK = 2;
const CLASS_WORD = 3;
const bmpClasses = new Uint8Array(0x10000);

/** Whether a code point separates words, is a mark, or is part of a word. */
function classOf(code: number): number {
  const cached = code < 0x10000 ? bmpClasses[code] : 0;
  if (cached !== 0) return cached;
  const char = String.fromCodePoint(code);
  const found = MARK.test(char) ? CLASS_MARK : WORD_CHAR.test(char) ? CLASS_WORD : CLASS_OTHER;
  if (code < 0x10000) bmpClasses[code] = found;
  return found;
}

const keys = new Map<number, string>();

/**
 * A key two characters share whenever the engine's case folding makes them equal (and sometimes
 * when it does not: each candidate is checked exactly afterwards). Lower, upper, lower again brings
 * together forms simple folding joins that lower case alone keeps apart (ς σ Σ, ſ s, ẞ ß, K k).
 */
export function foldKey(code: number): string {
  if (code < 0x80) return String.fromCharCode(code >= 65 && code <= 90 ? code + 32 : code);
  let key = keys.get(code);
  if (key === undefined) keys.set(code, key = String.fromCodePoint(code).toLowerCase().toUpperCase().toLowerCase());
  return key;
}

interface TrieNode {
  readonly next: Map<string, TrieNode>;
  /** Ranks of the names that end here (a rank is the name's place in the old alternation). */
  ends?: number[];
}

/** One name's check at a given place, exactly as its alternative in the old expression. */
function exactPattern(part: string): RegExp {
  // Each letter matches itself with any accents after it, once the text is decomposed (NFD).
  const body = [...part].map(c => `${c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\p{M}*`).join('');
  return new RegExp(`(?:${body})(?=[^\\p{L}\\p{N}\\p{M}]|$)`, 'iuy');
}

/** The names and each part of them, folded, longest first: the order the old alternation tried them in. */
function nameParts(names: Iterable<string | undefined>): string[] {
  const parts = new Set<string>();
  for (const raw of names) {
    const name = raw?.trim();
    if (!name) continue;
    parts.add(foldName(name));
    for (const part of foldName(name).split(/[\s.,'’_-]+/)) if (part.length >= 2) parts.add(part);
  }
  return [...parts].filter(part => /[\p{L}\p{N}]/u.test(part)).sort((a, b) => b.length - a.length);
}

/** Finds and replaces the known names in NFD text, one pass. */
class NameMatcher {
  private readonly root: TrieNode = { next: new Map() };
  private readonly patterns: (RegExp | undefined)[];

  constructor(private readonly parts: readonly string[]) {
    parts.forEach((part, rank) => {
      let node = this.root;
      for (const char of part) {
        const key = foldKey(char.codePointAt(0) as number);
        let child = node.next.get(key);
        if (!child) node.next.set(key, child = { next: new Map() });
        node = child;
      }
      (node.ends ??= []).push(rank);
    });
    this.patterns = new Array<RegExp | undefined>(parts.length);
  }

  get isEmpty(): boolean {
    return this.parts.length === 0;
  }

  /** The text with each name replaced; a name starts at the text's start or after a character of no word. */
  replace(text: string): string {
    let out = '';
    let copied = 0;
    // Where the last replacement ended: the character before the next name must lie at or after it.
    let consumed = 0;
    let beforeStart = 0;
    let beforeClass = CLASS_OTHER;
    for (let at = 0; at < text.length;) {
      const code = text.codePointAt(at) as number;
      const size = code > 0xffff ? 2 : 1;
      const mayStart = at === 0 || (beforeClass === CLASS_OTHER && beforeStart >= consumed);
      const end = mayStart && this.root.next.has(foldKey(code)) ? this.matchAt(text, at) : undefined;
      if (end !== undefined) {
        out += `${text.slice(copied, at)}${NAME_PLACEHOLDER}`;
        copied = consumed = end;
        beforeStart = end - 1;
        beforeClass = CLASS_WORD;
        at = end;
        continue;
      }
      beforeStart = at;
      beforeClass = classOf(code);
      at += size;
    }
    return copied === 0 ? text : out + text.slice(copied);
  }

  /** Where the first name (in the old alternation's order) that matches at `start` ends, if one does. */
  private matchAt(text: string, start: number): number | undefined {
    const ranks = this.candidates(text, start);
    if (ranks.length === 0) return undefined;
    ranks.sort((a, b) => a - b);
    for (const rank of ranks) {
      const pattern = this.patterns[rank] ??= exactPattern(this.parts[rank]);
      pattern.lastIndex = start;
      if (pattern.test(text)) return pattern.lastIndex;
    }
    return undefined;
  }

  /**
   * The names the trie leads to from `start`: after a name's character, a mark may belong to it
   * (skipped) or be the next character (matched), so every state that could be is followed.
   */
  private candidates(text: string, start: number): number[] {
    const found: number[] = [];
    let states: TrieNode[] = [this.root];
    for (let at = start; states.length > 0; ) {
      const code = at < text.length ? text.codePointAt(at) as number : -1;
      const kind = code === -1 ? CLASS_OTHER : classOf(code);
      if (kind === CLASS_OTHER) for (const node of states) if (node.ends) found.push(...node.ends);
      if (code === -1) break;
      const key = foldKey(code);
      const next: TrieNode[] = [];
      for (const node of states) {
        const child = node.next.get(key);
        if (child && !next.includes(child)) next.push(child);
        if (kind === CLASS_MARK && node !== this.root && !next.includes(node)) next.push(node);
      }
      states = next;
      at += code > 0xffff ? 2 : 1;
    }
    return found;
  }
}

/**
 * Replaces every form of the given names with [name]: whole names and each part of them (first
 * names alone), with or without accents, in any case, and every @handle and e-mail address
 * whether or not the name is known. The result is NFC text.
 */
export function nameScrubber(names: Iterable<string | undefined>): (text: string) => string {
  const matcher = new NameMatcher(nameParts(names));
  return text => {
    const scrubbed = text.normalize('NFD').replace(EMAIL, NAME_PLACEHOLDER).replace(HANDLE, `$1${NAME_PLACEHOLDER}`);
    return (matcher.isEmpty ? scrubbed : matcher.replace(scrubbed)).normalize('NFC');
  };
}
