import type { Html, Nodes } from 'mdast';
import { closestValue, LineIndex } from '../base';
import { BlockKind, HiddenSpan, PrivacyReason, UnknownMarker } from './blocks';
import { ClassifierOptions, classifyBlock, isPrivateCallout, isPrivateHeading, isPrivateLabel } from './privacyClassifier';
import { QuestionScript } from './questionScript';
import { ANY_MARKER, NEXT_STEPS_ID, PRIVATE_ID, THEIR_WORDS_ID } from './sections';
import { hideCodeAndMarkup } from './visibleBlockText';

/** Why a block is not shared. A block with no verdict is shared. */
export interface Verdict {
  readonly privacy: 'private' | 'uncertain';
  readonly reason: PrivacyReason;
  readonly because?: string;
}

const privateFor = (reason: PrivacyReason): Verdict => ({ privacy: 'private', reason });

/** The verdicts a block's place alone gives. */
export const Verdict = {
  beforeFirstQuestion: privateFor('beforeFirstQuestion'),
  privateSection: privateFor('privateSection'),
  listedSection: privateFor('listedSection'),
  notInScript: privateFor('notInScript'),
  nextStepsText: privateFor('nextStepsText'),
} as const;

/** A Confluence macro pasted as text, opening a panel: `{panel:title=Private}`, `{note:title=Confidential}`, `{expand:Manager only}`. */
const CONFLUENCE_MACRO = /^\{[a-z]+:[^{}\n]*\}$/i;

/** Elements whose content a reader never sees as text, or that hide what they hold. */
const HIDING_ELEMENT = /^(?:details|template|noscript|dialog|svg|style|script|title|object|iframe|textarea|select)$/i;
const HIDING_ATTRIBUTE = /\shidden\b|sr-only|visually-hidden|=\s*["']?[^"'>]*\b(?:private|confidential|secret)\b|display\s*:\s*none|visibility\s*:\s*(?:hidden|collapse)|opacity\s*:\s*0(?![.\d]*[1-9])|font-size\s*:\s*0(?![.\d]*[1-9])|(?:height|width)\s*:\s*0(?![.\d]*[1-9])|clip|text-indent\s*:\s*-/i;

/**
 * Decides, block by block in document order, which class each block of a note gets. The words are
 * judged by the privacy classifier; this class adds what only the note's structure tells: labels that
 * make what follows private, `### Private` parts, callouts, Obsidian comments, hidden HTML.
 */
export class BlockClassifier {
  readonly options: ClassifierOptions;
  private readonly hidden: HiddenSpan[] = [];
  private readonly unknownMarkers: UnknownMarker[] = [];
  private unclosedComment: number | undefined;
  /** Everything before this offset is hidden by an HTML element that hides its content. */
  private hiddenUntil = -1;
  /** A `### Private…` part of the section: its heading level. */
  private privatePartDepth: number | undefined;
  /** A label ("**Private notes**") made the rest of the section, up to the next heading, private. */
  private labelRun: Verdict | undefined;
  /** Inside an Obsidian `%% … %%` comment that spans blocks. */
  private inObsidianComment = false;
  private afterRule = false;

  constructor(private readonly text: string, private readonly lines: LineIndex, private readonly script: QuestionScript, person: string | undefined) {
    this.options = { extraWords: script.privacyWords, person };
  }

  /** A new `##` section: labels and private parts end with the section. */
  startSection(): void {
    this.privatePartDepth = undefined;
    this.labelRun = undefined;
    this.afterRule = false;
  }

  /** The verdict for a block at a shareable place, or undefined when it is shared. */
  classify(node: Nodes, kind: BlockKind, own: string, nested: boolean): Verdict | undefined {
    const start = node.position?.start.offset ?? 0;
    // Comments and hidden HTML hide whatever they hold, headings included: they are read first, for every block.
    const obsidian = this.obsidianComment(node);
    if (start < this.hiddenUntil) return privateFor('hiddenHtml');
    if (obsidian) return obsidian;
    // Only a heading of the section itself opens a part of it; one inside a list or quote is judged by its words.
    if (node.type === 'heading' && !nested) return this.heading(node.depth, own);
    const rule = this.afterRule;
    if (kind === 'paragraph' || kind === 'item') this.afterRule = false;
    if (kind === 'rule') this.afterRule = true;
    if (this.privatePartDepth !== undefined) return privateFor('privatePart');
    if (this.labelRun) return this.labelRun;
    switch (kind) {
      case 'code': return this.indentedCode(node, own);
      case 'rule': case 'list': return undefined;
      case 'definition': return privateFor('definition');
      case 'footnote': return privateFor('footnote');
      case 'quote': return this.quote(node);
      case 'heading': return this.words(headingText(own));
      case 'table': return this.words(this.headerRow(node));
      default: return this.paragraphLike(node, kind, own, rule);
    }
  }

  private heading(depth: number, own: string): Verdict | undefined {
    this.labelRun = undefined;
    this.afterRule = false;
    if (depth <= 2) return undefined;
    if (this.privatePartDepth !== undefined && depth <= this.privatePartDepth) this.privatePartDepth = undefined;
    if (this.privatePartDepth !== undefined) return privateFor('privatePart');
    if (isPrivateHeading(headingText(own), this.options)) {
      this.privatePartDepth = depth;
      // A heading that only reads as private ("### Intern", "### Sensitive") is named with its line, as any uncertain block.
      const words = this.words(headingText(own));
      return words?.privacy === 'uncertain' ? words : privateFor('privatePart');
    }
    return this.words(own);
  }

  private paragraphLike(node: Nodes, kind: BlockKind, own: string, afterRule: boolean): Verdict | undefined {
    const first = node.type === 'listItem' ? node.children[0] : node;
    const texts = first ? visibleTexts(first) : '';
    // A comment the parser could not read shows its end as text; a `<!--` inside a code span is code, not a comment.
    if (texts.includes('-->') && own.includes('<!--') && hideCodeAndMarkup(own).comments.length > 0) return privateFor('unreadableComment');
    this.noteUnclosedComment(first);
    if (isPrivateLabel(own, this.options)) {
      const verdict: Verdict = { privacy: 'private', reason: 'label', because: labelWords(own) };
      // A paragraph label keeps the rest of its section private; an item label, its own sub-items.
      if (kind === 'paragraph') this.labelRun = verdict;
      return verdict;
    }
    const verdict = this.words(own);
    // A line that reads as private and introduces what follows ("Private notes after the call:",
    // "Confidential — from HR"), or follows a "---" rule: a heading written by hand, so what follows is private too.
    if (verdict && kind === 'paragraph' && (afterRule || introduces(texts, verdict.because) || CONFLUENCE_MACRO.test(texts.trim()))) this.labelRun = { ...verdict, reason: 'label' };
    return verdict;
  }

  /** The classifier's verdict on a block's own words. */
  private words(own: string): Verdict | undefined {
    if (own === '') return undefined;
    const found = classifyBlock(own, this.options);
    if (found.privacy === 'shared') return undefined;
    return { privacy: found.privacy, reason: found.privacy === 'uncertain' ? 'uncertain' : 'privateBlock', ...(found.because ? { because: found.because } : {}) };
  }

  /**
   * Code in a fence is code, whatever it says. Code made only by indenting is most often a pasted
   * paragraph that kept its indent ("    Private: …"), so its words are read like a paragraph's.
   */
  private indentedCode(node: Nodes, own: string): Verdict | undefined {
    const start = node.position?.start.offset ?? 0;
    if (/^[ \t]*(?:`{3,}|~{3,})/.test(this.text.slice(start, start + 8))) return undefined;
    return this.words(own);
  }

  private quote(node: Nodes): Verdict | undefined {
    const first = 'children' in node ? node.children[0] : undefined;
    const source = first ? this.text.slice(first.position?.start.offset ?? 0, first.position?.end.offset ?? 0) : '';
    const firstLine = source.split('\n')[0].replace(/^[>\s]*/, '');
    if (/^\[!/.test(firstLine) && isPrivateCallout(firstLine, this.options)) return { privacy: 'private', reason: 'callout', because: firstLine.trim() };
    return undefined;
  }

  private headerRow(node: Nodes): string {
    const header = node.type === 'table' ? node.children[0] : undefined;
    return header ? this.text.slice(header.position?.start.offset ?? 0, header.position?.end.offset ?? 0) : '';
  }

  /** `%% … %%` hides text in Obsidian: a block with one, or inside one that spans blocks, is never shown. */
  private obsidianComment(node: Nodes): Verdict | undefined {
    const wasInside = this.inObsidianComment;
    const words = node.type === 'listItem' ? node.children[0] : node.type === 'paragraph' || node.type === 'tableRow' || node.type === 'heading' ? node : undefined;
    const marks = words ? (visibleTexts(words).match(/%%/g) ?? []).length : 0;
    if (marks % 2 === 1) this.inObsidianComment = !wasInside;
    return wasInside || marks > 0 ? privateFor('obsidianComment') : undefined;
  }

  /** Text that opens a comment and never closes it: nothing from there on is shown to anyone else. */
  private noteUnclosedComment(node: Nodes | undefined) {
    if (!node) return;
    forEachText(node, (value, offset) => {
      const at = value.indexOf('<!--');
      if (at !== -1 && offset !== undefined) this.unclosedComment = Math.min(this.unclosedComment ?? Infinity, offset + at);
    });
  }

  /** Raw HTML and comments: never shown; an element that hides its content hides what follows up to its closing tag. */
  html(node: Html): void {
    const start = node.position?.start.offset ?? 0;
    const end = node.position?.end.offset ?? start;
    const comment = /^\s*<!--/.test(node.value);
    this.hidden.push({ start, end, reason: 'html', comment });
    this.checkMarkers(node, start, end);
    if (comment && !node.value.includes('-->')) this.unclosedComment = Math.min(this.unclosedComment ?? Infinity, start);
    // HTML that says private ("<aside>🔒 Private") labels what follows it, as a paragraph label would.
    const words = node.value.replace(/<[^>]*>?/g, ' ').trim();
    if (!comment && words !== '' && (isPrivateLabel(words, this.options) || classifyBlock(words, this.options).privacy !== 'shared')) {
      this.labelRun = { privacy: 'private', reason: 'label', because: labelWords(words) };
    }
    const closes = this.endOfHidingElement(node.value, end);
    if (closes > end) {
      this.hidden.push({ start: end, end: closes, reason: 'hiddenHtml', comment: false });
      this.hiddenUntil = Math.max(this.hiddenUntil, closes);
    }
  }

  /**
   * Where the raw HTML that opens at `value` stops hiding text: an element that hides its content
   * takes everything up to its closing tag, or to the end of the note when it is never closed.
   */
  private endOfHidingElement(value: string, end: number): number {
    const opening = /^\s*<([a-z][a-z0-9-]*)\b/i.exec(value);
    const decoded = decodeEntities(value);
    if (!opening || !(HIDING_ELEMENT.test(opening[1]) || HIDING_ATTRIBUTE.test(decoded))) return end;
    const closing = new RegExp(`</${opening[1]}\\s*>`, 'i');
    if (closing.test(value)) return end;
    const close = closing.exec(this.text.slice(end));
    return close ? end + close.index + close[0].length : this.text.length;
  }

  /** Every growth marker in an HTML node must name a section the script knows. */
  private checkMarkers(node: Html, start: number, end: number) {
    if (!/growth/i.test(node.value)) return;
    const known = [...this.script.questions.map(q => q.id), NEXT_STEPS_ID, PRIVATE_ID, THEIR_WORDS_ID];
    for (const match of this.text.slice(start, end).matchAll(ANY_MARKER)) {
      const id = match[1].toLowerCase();
      if (known.includes(id)) continue;
      const from = this.lines.positionAt(start + (match.index ?? 0));
      const to = this.lines.positionAt(start + (match.index ?? 0) + match[0].length);
      const suggestion = closestValue(id, known);
      this.unknownMarkers.push({ id: match[1], line: from.line, character: from.character, endCharacter: to.line === from.line ? to.character : this.lines.lineText(from.line).length, ...(suggestion ? { suggestion } : {}) });
    }
  }

  /** Whether an offset lies in a stretch never shown to anyone else. */
  isHidden(offset: number): boolean {
    return offset < this.hiddenUntil || this.hidden.some(span => span.start <= offset && offset < span.end);
  }

  finish(): { hidden: HiddenSpan[]; unclosedComment?: number; unknownMarkers: UnknownMarker[] } {
    return { hidden: this.hidden, unclosedComment: this.unclosedComment, unknownMarkers: this.unknownMarkers };
  }
}

/** The text nodes of a block as a reader sees them, code left out. */
function visibleTexts(node: Nodes): string {
  let all = '';
  forEachText(node, value => { all += value; });
  return all;
}

function forEachText(node: Nodes, visit: (value: string, offset: number | undefined) => void) {
  if (node.type === 'text') visit(node.value, node.position?.start.offset);
  else if ('children' in node && node.type !== 'list') for (const child of node.children) forEachText(child, visit);
}

/**
 * A single line that ends with a colon, or that opens with the words that made it private ("Private —
 * from HR", "**Manager only, re: pay**"): it introduces what follows rather than saying something of
 * its own. A block that marks itself ("(private) …") marks only itself.
 */
function introduces(text: string, because: string | undefined): boolean {
  const line = text.trim();
  if (line.includes('\n')) return false;
  const opening = line.replace(/^[\s*_~\p{Extended_Pictographic}]+/u, '').toLowerCase();
  const words = because?.trim().toLowerCase() ?? '';
  return /[:：]$/.test(line) || (/^[\p{L}]/u.test(words) && opening.startsWith(words));
}

/** A heading's text without its `#`s and comments. */
function headingText(source: string): string {
  return source.replace(/<!--[\s\S]*?-->/g, '').replace(/^\s*#+\s*/, '').replace(/\s+#+\s*$/, '');
}

function labelWords(source: string): string {
  return source.replace(/<!--[\s\S]*?-->/g, '').replace(/[*_#>\s:-]+/g, ' ').trim().slice(0, 40);
}

/** Named and numeric character references, so CSS written with entities (`display:&#110;one`) is read as a browser would. */
function decodeEntities(value: string): string {
  return value
    .replace(/&#x([0-9a-f]{1,6});?/gi, (_, hex: string) => safeChar(parseInt(hex, 16)))
    .replace(/&#(\d{1,7});?/g, (_, dec: string) => safeChar(Number(dec)))
    .replace(/&colon;/gi, ':').replace(/&semi;/gi, ';').replace(/&nbsp;/gi, ' ').replace(/&(?:tab|newline);/gi, ' ');
}

function safeChar(code: number): string {
  return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
}
