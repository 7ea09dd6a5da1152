import type { Heading, Html, ListItem, Nodes, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { LineIndex, normalizeTheme } from '../base';
import { Block, BlockKind, CARRIED_MARKER, DUE, HiddenSpan, OWNER, PrivacyReason, TagMention, TaskItem, UnknownMarker } from './blocks';
import { bodyTree, startLine, topLevelSections, trimTrailingBlankLines } from './bodyTree';
import { BlockClassifier, Verdict } from './blockClassifier';
import { classifyBlock, isPrivateHeading } from './privacyClassifier';
import { QuestionScript } from './questionScript';
import { afterPrivate, identifySection, isShareableSection, Section, SECTION_MARKER, SectionIdentity, SectionKind } from './sections';
import { tagAt } from './tags';

export interface Body {
  readonly sections: Section[];
  readonly tasks: TaskItem[];
  readonly tags: TagMention[];
  /** Every block of the body in document order, each with one privacy class. */
  readonly blocks: Block[];
  /** Stretches never shown to anyone else: comments, raw HTML, what hidden HTML holds. */
  readonly hidden: HiddenSpan[];
  /** Where a comment opens that never closes: nothing from there on is shown to anyone else. */
  readonly unclosedComment?: number;
  /** Filled list items under the achievements question; undefined when the note has no such section. */
  readonly achievements?: number;
  /** Why the body was not analysed, when it was not. */
  readonly skipped?: string;
  /** `<!-- growth:… -->` comments whose id names no section: probably a typo. */
  readonly unknownMarkers?: readonly UnknownMarker[];
}

/** An empty body: a file that is not a growth note, or one too odd to read. */
export function emptyBody(skipped?: string): Body {
  return { sections: [], tasks: [], tags: [], blocks: [], hidden: [], ...(skipped ? { skipped } : {}) };
}

/** Reads the sections, blocks (each with its privacy class), task items and inline tags of a note. */
export function parseBody(fullText: string, bodyOffset: number, bodyLine: number, script: QuestionScript, person?: string): Body {
  const parsed = bodyTree(fullText, bodyOffset, bodyLine);
  if ('skipped' in parsed) return emptyBody(parsed.skipped);
  const body = new BodyReader(parsed.text, new LineIndex(parsed.text), script, person).read(parsed.tree);
  // The tree was read on a text whose frontmatter is blank lines: offsets move to the note's own text.
  return shiftOffsets(body, bodyOffset - bodyLine);
}

function shiftOffsets(body: Body, shift: number): Body {
  if (shift === 0) return body;
  return {
    ...body,
    blocks: body.blocks.map(b => ({ ...b, start: b.start + shift, end: b.end + shift })),
    hidden: body.hidden.map(h => ({ ...h, start: h.start + shift, end: h.end + shift })),
    tasks: body.tasks.map(t => ({ ...t, box: t.box === undefined ? undefined : t.box + shift, firstBlockEnd: t.firstBlockEnd === undefined ? undefined : t.firstBlockEnd + shift })),
    ...(body.unclosedComment === undefined ? {} : { unclosedComment: body.unclosedComment + shift }),
  };
}

/** Where a block sits: its section, and what its place alone says about sharing it. */
interface Place {
  readonly section: number;
  readonly sectionKind: SectionKind;
  readonly questionId?: string;
  /** Set when the place alone keeps the block from being shared. */
  readonly verdict?: Verdict;
  readonly parent: number;
  /** The first block of a list item: it shares the item's class, read once from the same words. */
  readonly ownedByItem?: boolean;
}

class BodyReader {
  private readonly sections: Section[] = [];
  private readonly blocks: Block[] = [];
  /** The tree node of each block, for reading its text again once the hidden stretches are known. */
  private readonly nodes: Nodes[] = [];
  /** The list item of each task. */
  private readonly taskItems: ListItem[] = [];
  private readonly tasks: TaskItem[] = [];
  private readonly tags: TagMention[] = [];
  private achievements: number | undefined;
  private readonly classifier: BlockClassifier;
  /** Reference links (`[label][id]`) by the block they are in, and definitions (`[id]: …`) that are not shared. */
  private readonly references: { block: number; id: string }[] = [];
  private readonly privateDefinitions = new Set<string>();

  constructor(private readonly text: string, private readonly lines: LineIndex, private readonly script: QuestionScript, person: string | undefined) {
    this.classifier = new BlockClassifier(text, lines, script, person);
  }

  read(tree: Root): Body {
    const { preamble, sections } = topLevelSections(tree);
    const before: Place = { section: -1, sectionKind: 'other', verdict: Verdict.beforeFirstQuestion, parent: -1 };
    for (const node of preamble) this.visit(node, before);
    let titleSeen = false;
    for (const { heading, content, following } of sections) {
      if (heading.depth === 2) {
        this.readSection(heading, content, following);
        continue;
      }
      // A `#` heading ends the section before it. The first one before any section is the title, and is
      // shown; what is under it, like anything outside the script's sections, is not.
      const privateBefore = this.sections[this.sections.length - 1]?.kind === 'private';
      const place: Place = privateBefore ? { ...before, verdict: Verdict.privateSection } : before;
      const isTitle = !titleSeen && this.sections.length === 0 && this.text[heading.position?.start.offset ?? 0] === '#'
        && !isPrivateHeading(toString(heading, { includeHtml: false }), this.classifier.options);
      titleSeen = true;
      this.visit(heading, isTitle ? { ...place, verdict: undefined } : place);
      for (const node of content) this.visit(node, place);
    }
    const { hidden, unclosedComment, unknownMarkers } = this.classifier.finish();
    for (const { block, id } of this.references) if (this.privateDefinitions.has(id)) this.leaveOut(block, 'linkToPrivate');
    if (unclosedComment !== undefined) this.hideFrom(unclosedComment, hidden);
    this.dropHiddenText(hidden, unclosedComment);
    return {
      sections: this.sections, tasks: this.tasks, tags: this.tags, blocks: this.blocks, hidden, unclosedComment,
      achievements: this.achievements, unknownMarkers,
    };
  }

  /**
   * A comment that never closes was meant to hide what follows it: nothing from there on is shared,
   * and the block it opens in keeps only what comes before it.
   */
  private hideFrom(offset: number, hidden: HiddenSpan[]) {
    hidden.push({ start: offset, end: this.text.length, reason: 'unclosedComment', comment: true });
    const first = this.blocks.findIndex(block => block.start >= offset);
    this.leaveOutBetween(first === -1 ? this.blocks.length : first, offset, this.text.length, 'unclosedComment');
  }

  /**
   * A block's text is what a reader sees: text hidden by HTML, or after a comment that never closes, is
   * taken out of it, so no reader of the text (quotes, carry-over) can pass it on.
   */
  private dropHiddenText(hidden: readonly HiddenSpan[], unclosed: number | undefined) {
    const touches = (start: number, end: number) => (unclosed !== undefined && unclosed < end) || hidden.some(h => h.start < end && start < h.end);
    this.blocks.forEach((block, i) => {
      if (touches(block.start, block.end)) this.blocks[i] = { ...block, text: textOutside(this.nodes[i], hidden, unclosed) };
    });
    this.tasks.forEach((task, i) => {
      const first = this.taskItems[i].children[0];
      if (first && touches(first.position?.start.offset ?? 0, first.position?.end.offset ?? 0)) this.tasks[i] = { ...task, text: textOutside(first, hidden, unclosed) };
    });
  }

  /** Leaves a block out after the fact, with everything inside it. */
  private leaveOut(index: number, reason: PrivacyReason) {
    const block = this.blocks[index];
    if (block.privacy === 'shared') this.leaveOutBetween(index, block.start, block.end, reason);
  }

  /**
   * What the whole reading learns only at its end (a comment that never closes, a link to a private
   * definition) leaves out, after the fact: the blocks from `first` on that start before `end` (blocks
   * are in document order, so these are the ones between `start` and `end`), and the tags and tasks there.
   */
  private leaveOutBetween(first: number, start: number, end: number, reason: PrivacyReason) {
    for (let i = first; i < this.blocks.length && this.blocks[i].start < end; i++) {
      if (this.blocks[i].privacy === 'shared') this.blocks[i] = { ...this.blocks[i], privacy: 'private', reason };
    }
    this.tags.forEach((tag, i) => {
      const at = this.lines.offsetAt({ line: tag.line, character: tag.character });
      if (start <= at && at < end) this.tags[i] = { ...tag, private: true };
    });
    // A task goes when its own words (from its box to the end of its first block) reach into the stretch.
    this.tasks.forEach((task, i) => {
      if ((task.firstBlockEnd ?? 0) > start && (task.box ?? 0) < end) this.tasks[i] = { ...task, private: true };
    });
  }

  private readSection(heading: Heading, content: RootContent[], following: RootContent | undefined) {
    const identity = afterPrivate(this.identify(heading, content), this.sections[this.sections.length - 1]?.kind === 'private');
    const headingLine = startLine(heading);
    const endLine = following ? startLine(following) - 1 : this.lines.lineCount - 1;
    const shareable = isShareableSection(identity, this.script);
    const section: Section = {
      kind: identity.kind,
      questionId: identity.question?.id,
      records: identity.question?.records,
      heading: toString(heading, { includeHtml: false }).trim(),
      headingLine,
      endLine: Math.max(headingLine, trimTrailingBlankLines(this.lines, headingLine, endLine)),
      answered: content.some(hasAnswerText),
      hasMarker: identity.hasMarker,
      shareable,
    };
    this.sections.push(section);
    const index = this.sections.length - 1;
    const place: Place = { section: index, sectionKind: section.kind, questionId: section.questionId, verdict: sectionVerdict(identity, shareable), parent: -1 };
    this.visit(heading, { ...place, verdict: shareable ? undefined : place.verdict });
    this.classifier.startSection();
    for (const node of content) {
      // Under Next steps only the action items are shown; anything else written there stays with the manager.
      const nextStepsText = section.kind === 'next-steps' && node.type !== 'list' && node.type !== 'html';
      this.visit(node, nextStepsText ? { ...place, verdict: Verdict.nextStepsText } : place);
    }
    if (identity.question?.records === 'achievements') {
      const count = content.filter(node => node.type === 'list').flatMap(list => list.children).filter(item => itemText(item) !== '').length;
      this.achievements = (this.achievements ?? 0) + count;
    }
  }

  private identify(heading: Heading, content: RootContent[]): SectionIdentity {
    const markerNode = heading.children.find((c): c is Html => c.type === 'html' && SECTION_MARKER.test(c.value))
      ?? (content[0]?.type === 'html' && SECTION_MARKER.test(content[0].value) ? content[0] : undefined);
    const id = markerNode ? SECTION_MARKER.exec(markerNode.value)?.[1] : undefined;
    return identifySection(id, toString(heading, { includeHtml: false }), this.script, this.classifier.options.person);
  }

  /** Records a node as a block (when it is one), classifies it, and reads what is inside it. */
  private visit(node: Nodes, place: Place) {
    if (node.type === 'html') {
      if (!this.inPhrasing(place)) this.addBlock(node, 'html', { ...place, verdict: place.verdict ?? HTML_VERDICT });
      this.classifier.html(node);
      return;
    }
    if (node.type === 'text') {
      this.collectTags(node.position?.start.offset, node.position?.end.offset, place);
      return;
    }
    if (node.type === 'inlineCode' || node.type === 'yaml') return;
    if ((node.type === 'linkReference' || node.type === 'imageReference') && place.parent !== -1) this.references.push({ block: place.parent, id: node.identifier });
    // An autolink (`<http://…>`, a bare `www.…` or `https://…`) is a URL, not text: only `[text](…)` links hold tags.
    if (node.type === 'link' && this.text[node.position?.start.offset ?? 0] !== '[') return;
    const kind = blockKind(node);
    if (kind === undefined) {
      if ('children' in node) for (const child of node.children) this.visit(child, place);
      return;
    }
    const index = this.addBlock(node, kind, place);
    const block = this.blocks[index];
    const inner: Place = { ...place, parent: index, ownedByItem: false, verdict: block.privacy === 'shared' ? undefined : inherited(block) };
    if (node.type === 'listItem' && typeof node.checked === 'boolean') this.collectTask(node, block, place);
    // A definition outside what is shown, or one whose own words are private, makes every link to it private.
    if (node.type === 'definition' && (block.reason !== 'definition' || classifyBlock(ownSource(node, this.text), this.classifier.options).privacy !== 'shared')) this.privateDefinitions.add(node.identifier);
    if (node.type === 'code' || !('children' in node)) return;
    node.children.forEach((child, i) => this.visit(child, node.type === 'listItem' && i === 0 ? { ...inner, ownedByItem: true } : inner));
  }

  /** Inside a paragraph, heading or table row: HTML there is inline, not a block of its own. */
  private inPhrasing(place: Place): boolean {
    const kind = place.parent === -1 ? undefined : this.blocks[place.parent].kind;
    return kind === 'paragraph' || kind === 'heading' || kind === 'row';
  }

  private addBlock(node: Nodes, kind: BlockKind, place: Place): number {
    const start = node.position?.start.offset ?? 0;
    const end = node.position?.end.offset ?? start;
    const own = ownSource(node, this.text);
    // Every block is read, even where its place decides: a label or a `### Private` heading there still governs what follows.
    const read = place.ownedByItem ? undefined : this.classifier.classify(node, kind, own, place.parent !== -1);
    const verdict = place.verdict ?? read;
    const block: Block = {
      kind, start, end, startLine: startLine(node), endLine: (node.position?.end.line ?? 1) - 1,
      section: place.section, parent: place.parent, text: visibleText(node),
      privacy: verdict?.privacy ?? 'shared', ...(verdict?.because ? { because: verdict.because } : {}),
      ...(verdict?.reason ? { reason: verdict.reason } : {}),
    };
    this.blocks.push(block);
    this.nodes.push(node);
    return this.blocks.length - 1;
  }

  /** Tags whose `#` lies in a text node's source: escapes and entities are seen as written, not as decoded. */
  private collectTags(start: number | undefined, end: number | undefined, place: Place) {
    if (start === undefined || end === undefined) return;
    const isPrivate = place.verdict !== undefined || (place.parent !== -1 && this.blocks[place.parent].privacy !== 'shared');
    for (let hash = this.text.indexOf('#', start); hash !== -1 && hash < end; hash = this.text.indexOf('#', hash + 1)) {
      const name = tagAt(this.text, hash);
      if (name === undefined) continue;
      const position = this.lines.positionAt(hash);
      this.tags.push({ name, key: normalizeTheme(name), line: position.line, character: position.character, questionId: place.questionId, private: isPrivate || this.classifier.isHidden(hash) });
    }
  }

  private collectTask(item: ListItem, block: Block, place: Place) {
    const first = item.children[0];
    const raw = first ? this.text.slice(first.position?.start.offset ?? 0, first.position?.end.offset ?? 0) : '';
    const text = itemText(item);
    const box = this.text.indexOf('[', block.start);
    this.taskItems.push(item);
    this.tasks.push({
      text,
      done: item.checked === true,
      owner: OWNER.exec(text)?.[1],
      due: DUE.exec(text)?.[1],
      line: block.startLine,
      sectionKind: place.sectionKind,
      questionId: place.questionId,
      carriedFrom: CARRIED_MARKER.exec(raw)?.[1],
      untouchedCarry: isUntouchedCarry(item),
      private: block.privacy !== 'shared',
      box: box === -1 ? block.start : box,
      firstBlockEnd: first?.position?.end.offset ?? block.end,
    });
  }
}

const HTML_VERDICT: Verdict = { privacy: 'private', reason: 'html' };

function sectionVerdict(identity: SectionIdentity, shareable: boolean): Verdict | undefined {
  if (shareable) return undefined;
  if (identity.kind === 'private') return Verdict.privateSection;
  if (identity.kind === 'question') return Verdict.listedSection;
  return Verdict.notInScript;
}

/** What a block inside a block that is not shared gets: the same class, for the same reason. */
function inherited(block: Block): Verdict {
  return { privacy: block.privacy === 'uncertain' ? 'uncertain' : 'private', because: block.because, reason: block.reason ?? 'privateBlock' };
}

const BLOCK_KINDS: Partial<Record<Nodes['type'], BlockKind>> = {
  heading: 'heading', paragraph: 'paragraph', list: 'list', listItem: 'item', blockquote: 'quote', table: 'table', tableRow: 'row',
  code: 'code', definition: 'definition', footnoteDefinition: 'footnote', thematicBreak: 'rule',
};

function blockKind(node: Nodes): BlockKind | undefined {
  return BLOCK_KINDS[node.type];
}

/** The source a block's class is read from: an item's first block, a quote's first line, a row, or the block itself. */
function ownSource(node: Nodes, text: string): string {
  const source = (n: Nodes | undefined) => (n ? text.slice(n.position?.start.offset ?? 0, n.position?.end.offset ?? 0) : '');
  if (node.type === 'listItem') return source(node.children[0]);
  if (node.type === 'blockquote' || node.type === 'table' || node.type === 'list') return '';
  return source(node);
}

/** The visible text of a block: an item's first block, or the block's own text, without comments. */
function visibleText(node: Nodes): string {
  if (node.type === 'listItem') return itemText(node);
  return toString(node, { includeHtml: false }).replace(/\s+/g, ' ').trim();
}

/**
 * The text of a block that a reader sees, leaving out what hidden HTML holds and what follows a comment
 * that never closes (an item: its first block).
 */
function textOutside(node: Nodes, hidden: readonly HiddenSpan[], unclosed: number | undefined): string {
  let text = '';
  const walk = (current: Nodes) => {
    if (current.type === 'text' || current.type === 'inlineCode') {
      const start = current.position?.start.offset ?? 0;
      if ((unclosed !== undefined && start >= unclosed) || hidden.some(h => h.start <= start && start < h.end)) return;
      const value = current.type === 'text' && unclosed !== undefined && current.value.includes('<!--') ? current.value.slice(0, current.value.indexOf('<!--')) : current.value;
      text += value;
    } else if ('children' in current) current.children.forEach(walk);
  };
  walk(node.type === 'listItem' ? node.children[0] ?? node : node);
  return text.replace(/\s+/g, ' ').trim();
}

/** The visible text of a list item's first block, without comments. */
export function itemText(item: ListItem): string {
  const first = item.children[0];
  return first ? toString(first, { includeHtml: false }).replace(/\s+/g, ' ').trim() : '';
}

/** A carried item is untouched while it is unticked and nothing was written after its marker. */
function isUntouchedCarry(item: ListItem): boolean {
  const first = item.children[0];
  const last = first?.type === 'paragraph' ? first.children[first.children.length - 1] : undefined;
  return item.checked === false && item.children.length === 1 && last?.type === 'html' && CARRIED_MARKER.test(last.value);
}

/** True when a node holds something the manager wrote: not a comment, not an empty or untouched carried item. */
function hasAnswerText(node: RootContent): boolean {
  if (node.type === 'html') return false;
  if (node.type === 'list') return node.children.some(item => !isUntouchedCarry(item) && toString(item, { includeHtml: false }).trim() !== '');
  return toString(node, { includeHtml: false }).trim() !== '';
}

