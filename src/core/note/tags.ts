import { MAX_TAG_DEPTH, MAX_TAG_LENGTH } from '../base';

/** What may stand right before a tag's `#`: not a letter, digit, `_`, `&` (`&#35;`), `#`, `/` (`/#frag`) or `\` (`\#`). */
const BEFORE_TAG = /[^\p{L}\p{N}_&#/\\]/u;
const TAG_NAME = /[\p{L}\p{N}_][\p{L}\p{N}_/-]*/uy;
/** Hex-only words of these lengths are colours (`#fff`, `#1e90ff`, `#FFF000`), not themes. */
const COLOUR = /^(?:[0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})$/i;

/**
 * The theme name a `#` match stands for, or undefined when it is not one: trailing `/` and `-`
 * dropped, numbers (`#12`) and colours (`#fff`) refused, at most MAX_TAG_DEPTH segments of MAX_TAG_LENGTH characters.
 */
export function tagName(written: string): string | undefined {
  let name = written.length > MAX_TAG_LENGTH * 2 ? written.slice(0, MAX_TAG_LENGTH * 2) : written;
  const cut = nthIndexOf(name, '/', MAX_TAG_DEPTH);
  if (cut !== -1) name = name.slice(0, cut);
  if (name.length > MAX_TAG_LENGTH) name = name.slice(0, MAX_TAG_LENGTH);
  name = name.replace(/[/-]+$/, '');
  if (!/\p{L}/u.test(name) || COLOUR.test(name)) return undefined;
  return name;
}

/**
 * The tag whose `#` is at `hash` in the source text, or undefined. Both readers call this on the
 * source as written (escapes and entities not decoded), so they agree on every tag.
 */
export function tagAt(text: string, hash: number): string | undefined {
  if (hash > 0 && !BEFORE_TAG.test(text[hash - 1])) return undefined;
  TAG_NAME.lastIndex = hash + 1;
  const written = TAG_NAME.exec(text)?.[0];
  return written === undefined ? undefined : tagName(written);
}

/**
 * The text with every tag escaped (`#career-ladder` becomes `\#career-ladder`): it reads the same, and
 * counts as no theme in the note it is copied into. A handover copies earlier answers; the themes were
 * raised then, not in the new note.
 */
export function withTagsEscaped(text: string): string {
  let out = '';
  let from = 0;
  for (let hash = text.indexOf('#'); hash !== -1; hash = text.indexOf('#', hash + 1)) {
    if (tagAt(text, hash) === undefined) continue;
    out += `${text.slice(from, hash)}\\`;
    from = hash;
  }
  return out + text.slice(from);
}

function nthIndexOf(text: string, search: string, n: number): number {
  let found = -1;
  for (let i = 0; i < n; i++) {
    found = text.indexOf(search, found + 1);
    if (found === -1) return -1;
  }
  return found;
}
