import type { Nodes, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { stringify } from 'yaml';
import { analyzeNote, bodyTree, isPrivateHeading, itemText, NoteAnalysis, PRIVATE_ITEM, privateSubsections, QuestionScript, Section, startLine, topLevelSections } from '../note';
import { SHAREABLE_FIELDS, SHARED_COPY_TYPE, shareRefusal, tooComplexToShare } from '../privacy';
import { msg } from '../base';

export interface ShareOptions {
  /** Frontmatter fields to leave out even though they are shareable. */
  readonly privateFields: readonly string[];
  /** Question sections to leave out: question ids or heading texts. */
  readonly privateSections: readonly string[];
  readonly script: QuestionScript;
}

export interface SharedCopy {
  readonly text: string;
  /** What was left out, in words a manager recognises, for the confirmation message. */
  readonly removed: string[];
}

/** A note that cannot be shared safely, and why, in words a manager can act on. */
export interface ShareRefused {
  readonly refused: string;
}

/** One stretch of the body kept for the copy: a block's lines, less what is private inside it. */
interface KeptBlock {
  readonly firstLine: number;
  readonly lastLine: number;
}

/**
 * The copy of a note the person may see, built from an allowlist: the title, the sections of the
 * note's question script, the Next steps items not marked (private), and the shareable frontmatter
 * fields. Everything else is left out and named; a note that cannot be read with certainty is refused.
 */
export function shareableCopy(noteText: string, options: ShareOptions): SharedCopy | ShareRefused {
  // Every line break the editor shows is one here too (a lone CR, U+2028…), so the copy is cut where the manager sees the lines.
  const analysis = analyzeNote(noteText.replace(/\r\n?|[\u2028\u2029\u0085]/g, '\n'), options.script);
  const refused = shareRefusal(analysis);
  if (refused) return { refused };
  const parsed = bodyTree(analysis.text, analysis.lines.offsetAt({ line: analysis.note.bodyLine, character: 0 }), analysis.note.bodyLine);
  if ('skipped' in parsed) return { refused: tooComplexToShare() };
  const misread = misreadPrivateHeading(parsed.text, parsed.tree);
  if (misread !== undefined) {
    return { refused: msg('share.misreadPrivateHeading', misread + 1) };
  }
  const removed: string[] = [];
  const frontmatter = shareableFrontmatter(analysis, options, removed);
  const body = new CopyBuilder(parsed.text, analysis.note.sections, options, removed).build(parsed.tree);
  return { text: `${frontmatter}\n${body}`, removed: [...new Set(removed)] };
}

/** Fresh frontmatter from the allowlisted fields: no comments, nothing the schema does not mark shareable. */
function shareableFrontmatter(analysis: NoteAnalysis, options: ShareOptions, removed: string[]): string {
  const data = analysis.note.data;
  const kept: Record<string, unknown> = { type: SHARED_COPY_TYPE };
  for (const key of Object.keys(data)) {
    if (key === 'type') continue;
    if (SHAREABLE_FIELDS.includes(key) && !options.privateFields.includes(key)) kept[key] = data[key];
    else removed.push(msg('removed.field', key));
  }
  if (/(^|\s)#/.test(analysis.frontmatter?.yamlText ?? '')) removed.push(msg('removed.frontmatterComments'));
  return `---\n${stringify(kept, { lineWidth: 0 })}---\n`;
}

class CopyBuilder {
  private readonly lines: string[];
  private readonly dropLines = new Set<number>();
  /** Inline stretches to cut (comments, raw HTML), as [start, end) offsets. */
  private readonly cuts: [number, number][] = [];

  constructor(
    private readonly text: string,
    private readonly sections: readonly Section[],
    private readonly options: ShareOptions,
    private readonly removed: string[],
  ) {
    this.lines = text.split('\n');
  }

  build(tree: Root): string {
    const kept: KeptBlock[] = [];
    const privateIds = new Set(this.options.privateSections.map(s => s.trim().toLowerCase()));
    const { preamble, sections } = topLevelSections(tree);
    for (const node of preamble) this.leaveOut(node, msg('removed.beforeFirstQuestion'));
    let seenSection = false;
    for (const { heading, content } of sections) {
      const atx = this.sourceOf(heading).trimStart().startsWith('#');
      if (heading.depth === 1 && !seenSection && kept.length === 0 && atx && !isPrivateHeading(toPlainText(this.sourceOf(heading)))) {
        // The title (a `#` heading before the first section) is kept; text under it is not.
        kept.push(this.keep(heading));
        for (const node of content) this.leaveOut(node, msg('removed.beforeFirstQuestion'));
        continue;
      }
      seenSection = true;
      const section = heading.depth === 2 ? this.sections.find(s => s.headingLine === startLine(heading)) : undefined;
      const listed = section && ((section.questionId && privateIds.has(section.questionId)) || privateIds.has(section.heading.trim().toLowerCase()));
      if (section?.kind === 'question' && !listed) {
        const privateParts = privateSubsections(content);
        kept.push(this.keep(heading));
        for (const node of content) {
          if (privateParts.has(node)) this.leaveOut(node, msg('removed.privatePart'));
          else kept.push(this.keep(node));
        }
      } else if (section?.kind === 'next-steps') {
        kept.push(this.keep(heading));
        for (const node of content) {
          if (node.type === 'list') kept.push(this.keep(node));
          else this.leaveOut(node, msg('removed.nextStepsText'));
        }
      } else {
        const name = toPlainText(this.sourceOf(heading)).replace(/^#+\s*/, '').replace(/\s*#*\s*$/, '') || 'untitled';
        this.removed.push(msg(section?.kind === 'private' ? 'removed.section' : listed ? 'removed.sectionListed' : 'removed.sectionNotInScript', name));
      }
    }
    return this.render(kept);
  }

  /** Keeps a block, marking what is private or hidden inside it for removal. */
  private keep(node: RootContent): KeptBlock {
    this.markInside(node);
    return { firstLine: startLine(node), lastLine: (node.position?.end.line ?? 1) - 1 };
  }

  private markInside(node: Nodes) {
    // An item goes with its sub-items and continuation paragraphs: every line it spans.
    if (node.type === 'listItem' && PRIVATE_ITEM.test(itemText(node))) return this.dropLinesOf(node, msg('removed.privateItem'));
    if ((node.type === 'paragraph' || node.type === 'table' || node.type === 'blockquote') && PRIVATE_ITEM.test(toString(node))) {
      return this.dropLinesOf(node, msg('removed.privateBlock'));
    }
    // A link definition is never shown, so it is where "[//]: # (…)" comments hide: none is copied.
    if (node.type === 'definition') return this.dropLinesOf(node, msg('removed.definitions'));
    if (node.type === 'html') {
      const start = node.position?.start.offset ?? 0;
      const end = this.endOfHiddenElement(node.value, node.position?.end.offset ?? start);
      this.cuts.push([start, end]);
      this.removed.push(/^\s*<!--/.test(node.value) ? msg('removed.comments') : msg('removed.rawHtml'));
      return;
    }
    if ('children' in node) for (const child of node.children) this.markInside(child);
  }

  /**
   * Where the raw HTML that opens at `value` stops hiding text: an element that hides its content
   * (`<details>`, `<template>`, `hidden`, `display:none`…) takes everything up to its closing tag, or
   * to the end of the note when it is never closed; any other tag just itself.
   */
  private endOfHiddenElement(value: string, end: number): number {
    const opening = /^\s*<([a-z][a-z0-9-]*)\b/i.exec(value);
    if (!opening || !(/^(details|template|noscript|dialog)$/i.test(opening[1]) || HIDING_ATTRIBUTE.test(value))) return end;
    const close = new RegExp(`</${opening[1]}\\s*>`, 'i').exec(this.text.slice(end));
    if (!close && new RegExp(`</${opening[1]}\\s*>`, 'i').test(value)) return end;
    this.removed.push(msg('removed.hiddenHtml'));
    return close ? end + close.index + close[0].length : this.text.length;
  }

  private dropLinesOf(node: Nodes, what: string) {
    for (let l = startLine(node); l <= (node.position?.end.line ?? 1) - 1; l++) this.dropLines.add(l);
    this.removed.push(what);
  }

  private leaveOut(node: RootContent, what: string) {
    if (node.type === 'html' && /^\s*<!--[\s\S]*-->\s*$/.test(node.value)) this.removed.push(msg('removed.comments'));
    else this.removed.push(what);
  }

  private sourceOf(node: Nodes): string {
    return this.text.slice(node.position?.start.offset ?? 0, node.position?.end.offset ?? 0);
  }

  /** The kept blocks' lines, less dropped lines and cut stretches, one blank line between blocks. */
  private render(blocks: readonly KeptBlock[]): string {
    const lineStarts: number[] = [0];
    for (let i = 0; i < this.lines.length - 1; i++) lineStarts.push(lineStarts[i] + this.lines[i].length + 1);
    const cuts = [...this.cuts].sort((a, b) => a[0] - b[0]);
    const out: string[] = [];
    for (const block of blocks) {
      const kept: string[] = [];
      for (let l = block.firstLine; l <= block.lastLine; l++) {
        if (this.dropLines.has(l)) continue;
        const source = this.lines[l].replace(/\r$/, '');
        const visible = cutLine(source, lineStarts[l], cuts);
        // A line that held only a comment or raw HTML goes with it.
        if (visible.trim() === '' && source.trim() !== '') continue;
        // A comment end the parser did not pair ("<!--> … -->") was meant to hide this line: it goes.
        if (visible.includes('-->')) {
          this.removed.push(msg('removed.unreadableComment'));
          continue;
        }
        kept.push(visible.replace(/[ \t]+$/, ''));
      }
      while (kept.length > 0 && kept[kept.length - 1] === '') kept.pop();
      const text = kept.join('\n');
      // A comment that never closes was meant to hide what follows it: the copy ends where it opens.
      const unclosed = text.indexOf('<!--');
      if (unclosed !== -1) {
        this.removed.push(msg('removed.unclosedComment'));
        if (text.slice(0, unclosed).trim() !== '') out.push(text.slice(0, unclosed).replace(/[ \t]+$/, ''));
        break;
      }
      if (kept.length > 0) out.push(text);
    }
    return `${out.join('\n\n').replace(/\n{3,}/g, '\n\n')}\n`;
  }
}

/** A line's text without the cut stretches that overlap it; a space before a cut goes with it. */
function cutLine(source: string, lineStart: number, cuts: readonly [number, number][]): string {
  let result = '';
  let position = 0;
  for (const [start, end] of cuts) {
    const from = Math.max(0, start - lineStart);
    const to = Math.min(source.length, end - lineStart);
    if (to <= 0 || from >= source.length || to <= position) continue;
    result += source.slice(position, Math.max(position, from)).replace(/[ \t]$/, '');
    position = Math.max(position, to);
  }
  return result + source.slice(position);
}

const HIDING_ATTRIBUTE = /\shidden\b|display\s*:\s*none|visibility\s*:\s*hidden|opacity\s*:\s*0|font-size\s*:\s*0/i;

/** A heading-like line that mentions Private: `#`s (after any spaces, invisible characters, list or quote markers), then the word. */
const PRIVATE_HEADING_LIKE = /^[\s\p{Zs}\p{Cf}>*+\-\d.)]*#{1,6}[\s\p{Zs}\p{Cf}]*(?:private|.*\(private\))/iu;

/** The first line that reads like a Private heading to a person but is no top-level heading to the parser. */
function misreadPrivateHeading(text: string, tree: Root): number | undefined {
  const headingLines = new Set(tree.children.filter(node => node.type === 'heading').map(startLine));
  const lines = text.split('\n');
  for (let l = 0; l < lines.length; l++) if (!headingLines.has(l) && PRIVATE_HEADING_LIKE.test(lines[l])) return l;
  return undefined;
}


function toPlainText(source: string): string {
  return source.replace(/<!--[\s\S]*?-->/g, '').replace(/\s+/g, ' ').trim();
}

/** Which of the sensitive words the text still contains (whole words, any case). */
export function sensitiveWordsIn(text: string, words: readonly string[]): string[] {
  return words.filter(word => word.trim() !== '' && new RegExp(`(^|[^\\p{L}\\p{N}])${escapeRegExp(word.trim())}([^\\p{L}\\p{N}]|$)`, 'iu').test(text));
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
