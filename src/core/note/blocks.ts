import type { PrivacyClass } from './privacyClassifier';
import type { SectionKind } from './sections';

/** What a block of a note is, as Markdown reads it. */
export type BlockKind = 'heading' | 'paragraph' | 'list' | 'item' | 'quote' | 'table' | 'row' | 'code' | 'html' | 'definition' | 'footnote' | 'rule';

/** Why a block is not shared: each reason is named in the copy's "Left out" message. */
export type PrivacyReason =
  | 'beforeFirstQuestion' | 'privateSection' | 'listedSection' | 'notInScript' | 'nextStepsText' | 'privatePart'
  | 'privateBlock' | 'uncertain' | 'label' | 'callout' | 'obsidianComment' | 'definition' | 'footnote'
  | 'hiddenHtml' | 'html' | 'unreadableComment' | 'unclosedComment' | 'linkToPrivate';

/**
 * One block of a note's body with its exact source range and its one privacy class. Offsets are in
 * the note's text (after a byte-order mark); lines are zero-based and `endLine` is the last line.
 */
export interface Block {
  readonly kind: BlockKind;
  readonly start: number;
  readonly end: number;
  readonly startLine: number;
  readonly endLine: number;
  /** Its `##` section's index in the note's sections, or -1 when it is in none. */
  readonly section: number;
  /** The block it sits in (an item's list item, a quote, a table), or -1. */
  readonly parent: number;
  /** What a reader sees of it: an item's first block, without comments, spaces collapsed. */
  readonly text: string;
  readonly privacy: PrivacyClass;
  /** When not shared: why, and the words that decided it, if words did. */
  readonly reason?: PrivacyReason;
  readonly because?: string;
}

/** A stretch of the text that is never shown to anyone else: a comment, raw HTML, what hidden HTML holds. [start, end) offsets. */
export interface HiddenSpan {
  readonly start: number;
  readonly end: number;
  readonly reason: PrivacyReason;
  readonly comment: boolean;
}

/** A GFM task item: `- [ ] text @owner due:YYYY-MM-DD`. */
export interface TaskItem {
  readonly text: string;
  readonly done: boolean;
  readonly owner?: string;
  readonly due?: string;
  readonly line: number;
  readonly sectionKind: SectionKind;
  readonly questionId?: string;
  /** Date of the conversation this item was carried over from. */
  readonly carriedFrom?: string;
  /** Carried over, unticked, and nothing written after it yet. */
  readonly untouchedCarry: boolean;
  /** Its block is not shared: it never leaves the manager's own views. */
  readonly private: boolean;
  /** Offset of the `[` of its box, from the full reader only (the index keeps lines). */
  readonly box?: number;
  /** Offset where its first block ends: what lies between the box and here is the item's own text. */
  readonly firstBlockEnd?: number;
}

/** An inline `#theme` tag, attributed to the section it appears in. */
export interface TagMention {
  readonly name: string;
  readonly key: string;
  readonly line: number;
  readonly character: number;
  readonly questionId?: string;
  /** In a block that is not shared: never leaves the manager's own views. */
  readonly private: boolean;
}

/** A `growth:` marker comment that names no question of the script, nor Next steps or Private notes. */
export interface UnknownMarker {
  readonly id: string;
  readonly line: number;
  readonly character: number;
  readonly endCharacter: number;
  /** The known id it is closest to, when it looks like a typo of one. */
  readonly suggestion?: string;
}

/** Where a carried item came from: `<!-- from: 2026-05-12 -->`. */
export const CARRIED_MARKER = /<!--\s*from:\s*([^>]*?)\s*-->/;
/** A task's owner, `@name`, and due date, `due:YYYY-MM-DD`: both readers find them with these. */
export const OWNER = /(?:^|\s)@([\p{L}\p{N}._-]*[\p{L}\p{N}])/u;
export const DUE = /\bdue:(\d{4}-\d{2}-\d{2})\b/;
const EVERY_DUE = new RegExp(DUE.source, 'g');
/** Spaces that collapsing and trimming would change: two in a row, any but a plain space, or one at an end. */
const UNEVEN_SPACE = /\s\s|[^\S ]|^\s|\s$/;

/**
 * An action's own words: its text without the owner and the due date, spaces collapsed. The same
 * action read in two notes has the same words even when its owner or due date changed in between.
 */
export function actionWords(text: string): string {
  // Most actions have neither, and single spaces: they are their own words (the views ask for every action's).
  if (!text.includes('@') && !text.includes('due:') && !UNEVEN_SPACE.test(text)) return text;
  const owner = OWNER.exec(text);
  const withoutOwner = owner ? text.slice(0, owner.index) + text.slice(owner.index + owner[0].length) : text;
  return withoutOwner.replace(EVERY_DUE, ' ').replace(/\s+/g, ' ').trim();
}
