/**
 * The one place that decides whether a block of a note may be shared: shared, private (marked so) or
 * uncertain (it says something private in other words). Both are left out of everything made for
 * someone else; uncertain blocks are named so the manager can reword them.
 */

export type PrivacyClass = 'shared' | 'private' | 'uncertain';

export interface Classification {
  readonly privacy: PrivacyClass;
  /** The words that decided it, as written, for the "Left out" message. */
  readonly because?: string;
}

export interface ClassifierOptions {
  /** Extra words from the configuration file. */
  readonly extraWords?: readonly string[];
  /** The note's person: "not for Priya". */
  readonly person?: string;
}

// Letters from other scripts that look like Latin ones: "(рrivate)" with a Cyrillic р still means private.
const LOOK_ALIKES: Readonly<Record<string, string>> = { 'р': 'p', 'а': 'a', 'е': 'e', 'і': 'i', 'о': 'o', 'с': 'c', 'т': 't', 'ν': 'v', 'ο': 'o', 'ρ': 'p', 'α': 'a' };
const LOOK_ALIKE = new RegExp(`[${Object.keys(LOOK_ALIKES).join('')}]`, 'g');
const PRIVATE_MARK = /[([{]\s*priv(?:ate|at)?\b[^)\]}]*[)\]}]|(?:^|\s)private\s*:|(?:^|\s)#private(?![\p{L}\p{N}_/-])|🔒/u;
const UNCERTAIN = /\b(?:confidential|manager only|do not share|don't share|off the record|hr only)\b/;

function fold(text: string): string {
  return text.normalize('NFKC').replace(/\p{Cf}/gu, '').toLowerCase().replace(LOOK_ALIKE, c => LOOK_ALIKES[c]).replace(/`+[^`]*`+/g, ' ');
}

/** The class of one block from its own Markdown source as written. */
export function classifyBlock(source: string, options: ClassifierOptions = {}): Classification {
  const folded = fold(source);
  const marked = PRIVATE_MARK.exec(folded);
  if (marked || /<!--\s*(?:growth\s*:\s*)?private\s*-->/.test(folded)) return { privacy: 'private', because: marked?.[0].trim() ?? 'private' };
  const word = UNCERTAIN.exec(folded) ?? (options.extraWords ?? []).map(w => new RegExp(`\\b${w.toLowerCase()}\\b`).exec(folded)).find(Boolean);
  if (word) return { privacy: 'uncertain', because: word[0] };
  return { privacy: 'shared' };
}

/** A block that is only a label making what follows private. */
export function isPrivateLabel(source: string, _options: ClassifierOptions = {}): boolean {
  return /^[\s*_🔒]*(?:private|confidential)(?:\s+notes?)?[\s*_:]*$/u.test(fold(source));
}

/** A heading that makes its section or sub-section private. */
export function isPrivateHeading(source: string, options: ClassifierOptions = {}): boolean {
  const text = fold(source).replace(/<!--[\s\S]*?-->/g, '');
  return /^[\s#*_🔒]*private/u.test(text) || classifyBlock(source, options).privacy !== 'shared';
}

/** An Obsidian-style callout's first line that makes the callout private. */
export function isPrivateCallout(firstLine: string, options: ClassifierOptions = {}): boolean {
  const match = /^\s*\[!([^\]]*)\][+-]?\s*(.*)$/.exec(fold(firstLine));
  return match !== null && (/priv|confidential/.test(match[1]) || isPrivateHeading(match[2], options) || isPrivateLabel(match[2]));
}

/** A cheap first look: false guarantees every function above is false or shared for any block inside `source`. */
export function mayBePrivate(source: string, options: ClassifierOptions = {}): boolean {
  return /priv|confidential|manager only|do not share|don't share|off the record|hr only|🔒|[ｐＰрρ\p{Cf}]/iu.test(source) || (options.extraWords ?? []).some(w => source.toLowerCase().includes(w.toLowerCase()));
}
