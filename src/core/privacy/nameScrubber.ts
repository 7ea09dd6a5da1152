import { foldName, foldWithPlaces } from '../base';

/**
 * The name scrubber: one pass over a text, whatever the number of names. The names sit in a trie of
 * their folded letters (`foldName`: case, accents and letters such as ł, ø or ß typed without their
 * marks all fold alike); the text is folded once, keeping where each folded letter came from, walked
 * once, and at each word start the trie gives the longest name that ends at a word's end. What it
 * matched is replaced in the original text.
 */

const EMAIL = /[\p{L}\p{M}\p{N}._%+-]+@[\p{L}\p{M}\p{N}-]+(?:\.[\p{L}\p{M}\p{N}-]+)+/gu;
const HANDLE = /(^|[^\p{L}\p{M}\p{N}_.@])@[\p{L}\p{N}_][\p{L}\p{M}\p{N}._-]*[\p{L}\p{M}\p{N}_]?/gu;
/** Replaces a person's name, handle or address. */
export const NAME_PLACEHOLDER = '[name]';

const WORD_CHAR = /^[\p{L}\p{N}]$/u;
const MARK = /^\p{M}$/u;
const bmpWord = new Uint8Array(0x10000);

/** Whether a folded code point is part of a word (marks are gone once folded). */
function isWord(code: number): boolean {
  if (code < 0x10000) {
    if (bmpWord[code] === 0) bmpWord[code] = WORD_CHAR.test(String.fromCharCode(code)) ? 2 : 1;
    return bmpWord[code] === 2;
  }
  return WORD_CHAR.test(String.fromCodePoint(code));
}

interface TrieNode {
  readonly next: Map<number, TrieNode>;
  end?: boolean;
}

/** The names and each part of them (first names and last names alone), folded. */
function nameParts(names: Iterable<string | undefined>): string[] {
  const parts = new Set<string>();
  for (const raw of names) {
    const name = raw?.trim();
    if (!name) continue;
    parts.add(foldName(name));
    for (const part of foldName(name).split(/[\s.,'’_-]+/)) if (part.length >= 2) parts.add(part);
  }
  return [...parts].filter(part => /[\p{L}\p{N}]/u.test(part));
}

/** Finds and replaces the known names, one pass. */
class NameMatcher {
  private readonly root: TrieNode = { next: new Map() };
  readonly isEmpty: boolean;

  constructor(parts: readonly string[]) {
    for (const part of parts) {
      let node = this.root;
      for (const char of part) {
        const code = char.codePointAt(0) as number;
        let child = node.next.get(code);
        if (!child) node.next.set(code, child = { next: new Map() });
        node = child;
      }
      node.end = true;
    }
    this.isEmpty = parts.length === 0;
  }

  /** The text with each name replaced; a name starts and ends at a word's edge, in the folded text. */
  replace(text: string): string {
    const folded = foldWithPlaces(text);
    const letters = folded.text;
    let out = '';
    let copied = 0;
    let afterWord = false;
    for (let at = 0; at < letters.length;) {
      const code = letters.codePointAt(at) as number;
      const end = !afterWord && this.root.next.has(code) ? this.longestAt(letters, at) : undefined;
      if (end !== undefined) {
        const start = Math.max(copied, folded.from[at]);
        // Marks after the name's last letter belong to it (they fold to nothing).
        let stop = folded.to[end - 1];
        while (stop < text.length && MARK.test(String.fromCodePoint(text.codePointAt(stop) as number))) stop += (text.codePointAt(stop) as number) > 0xffff ? 2 : 1;
        out += `${text.slice(copied, start)}${NAME_PLACEHOLDER}`;
        copied = stop;
        afterWord = true;
        at = end;
        continue;
      }
      afterWord = isWord(code);
      at += code > 0xffff ? 2 : 1;
    }
    return copied === 0 ? text : out + text.slice(copied);
  }

  /** Where the longest name starting at `start` ends, when a word ends there too. */
  private longestAt(letters: string, start: number): number | undefined {
    let node: TrieNode | undefined = this.root;
    let found: number | undefined;
    for (let at = start; node && at < letters.length;) {
      const code = letters.codePointAt(at) as number;
      node = node.next.get(code);
      at += code > 0xffff ? 2 : 1;
      if (node?.end && (at === letters.length || !isWord(letters.codePointAt(at) as number))) found = at;
    }
    return found;
  }
}

/**
 * Replaces every form of the given names with [name]: whole names and each part of them (first
 * names alone), with or without accents, with letters such as ł, ø or ß written plainly or not, in any
 * case, and every @handle and e-mail address whether or not the name is known. The result is NFC text.
 */
export function nameScrubber(names: Iterable<string | undefined>): (text: string) => string {
  const matcher = new NameMatcher(nameParts(names));
  return text => {
    const scrubbed = text.normalize('NFD').replace(EMAIL, NAME_PLACEHOLDER).replace(HANDLE, `$1${NAME_PLACEHOLDER}`);
    return (matcher.isEmpty ? scrubbed : matcher.replace(scrubbed)).normalize('NFC');
  };
}
