// Longer than 500 lines because the line scanner is one state machine over a note's lines: split, its states would be passed between files.
import { CARRIED_MARKER, DUE, OWNER, TagMention, TaskItem } from './blocks';
import { complexityProblem } from './bodyTree';
import { ClassifierOptions, classifyBlock, isPrivateHeading, isPrivateLabel, mayBePrivate, personMayMatter } from './privacyClassifier';
import { afterPrivate, identifySection, isShareableSection, SECTION_MARKER, SectionIdentity, SectionKind } from './sections';
import { tagAt } from './tags';
import { declaresGrowthNote, parseFrontmatter } from './frontmatter';
import { simpleFrontmatter } from './flatFrontmatter';
import { analyzeNote, NoteAnalysis, noteFields, NoteFields } from './note';
import { LineIndex, normalizeTheme } from '../base';
import { QuestionScript } from './questionScript';

/** What the workspace index keeps of one note: plain data, cheap to store and to compare. */
export interface NoteSummary extends NoteFields {
  readonly isGrowthNote: boolean;
  readonly tags: readonly Pick<TagMention, 'name' | 'key' | 'line' | 'questionId' | 'private'>[];
  readonly tasks: readonly Omit<TaskItem, 'questionId' | 'box' | 'firstBlockEnd'>[];
  readonly achievements?: number;
  /**
   * The line of the heading of the note's achievements section, when it has exactly one: where a
   * problem about too few achievements is placed, so validating a note does not read it in full.
   */
  readonly achievementsLine?: number;
}

/** The summary of a fully parsed note (remark): the reference the fast path must match. */
export function summaryFromAnalysis(analysis: NoteAnalysis): NoteSummary {
  const { note } = analysis;
  return {
    ...noteFields(note.data),
    isGrowthNote: note.isGrowthNote,
    tags: note.tags.map(({ name, key, line, questionId, private: isPrivate }) => ({ name, key, line, questionId, private: isPrivate })),
    tasks: note.tasks.map(({ questionId: _questionId, box: _box, firstBlockEnd: _end, ...task }) => task),
    achievements: note.achievements,
    achievementsLine: onlyAchievementsLine(note.sections),
  };
}

function onlyAchievementsLine(sections: NoteAnalysis['note']['sections']): number | undefined {
  const found = sections.filter(section => section.records === 'achievements');
  return found.length === 1 ? found[0].headingLine : undefined;
}

/** A carried item's marker as the last thing in its text: nothing was written after it. */
const CARRIED_LAST = /<!--\s*from:[^>]*?-->[ \t]*$/;

/**
 * Summarises a note without remark: the frontmatter through the YAML parser, the body with a line
 * scanner. About fifty times faster; a differential test holds it to the remark reader's results.
 */
export function summarizeNote(rawText: string, script: QuestionScript): NoteSummary {
  return readSummary(rawText, script).summary;
}

/**
 * The summary, and whether the body needed the full remark parse: it does when it uses a construct
 * the line scanner does not model, so that the two readers never disagree.
 */
export function readSummary(rawText: string, script: QuestionScript): { summary: NoteSummary; fullParse: boolean } {
  const text = rawText.charCodeAt(0) === 0xfeff ? rawText.slice(1) : rawText;
  const empty = { tags: [], tasks: [], achievements: undefined, achievementsLine: undefined };
  if (!declaresGrowthNote(text)) return { summary: { ...noteFields({}), isGrowthNote: false, ...empty }, fullParse: false };
  const split = simpleFrontmatter(text) ?? fullFrontmatter(text);
  const isGrowthNote = split.data ? split.data.type === 'growth-conversation' : true;
  const fields = noteFields(split.data ?? {}, script.privacyWords);
  const body = text.slice(split.bodyOffset);
  if (complexityProblem(body)) return { summary: { ...fields, isGrowthNote, ...empty }, fullParse: false };
  const lines = text.split(/\r?\n/);
  let bodyLine = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < split.bodyOffset; i = text.indexOf('\n', i + 1)) bodyLine++;
  // A lone CR ends a line for remark but not for the scanner.
  const scanned = /\r(?!\n)/.test(body) ? undefined : scanBody(lines, bodyLine, script, fields.person);
  if (scanned) return { summary: { ...fields, isGrowthNote, ...scanned }, fullParse: false };
  const { tags, tasks, achievements, achievementsLine } = summaryFromAnalysis(analyzeNote(rawText, script));
  return { summary: { ...fields, isGrowthNote, tags, tasks, achievements, achievementsLine }, fullParse: true };
}

interface SplitData {
  /** The frontmatter map, or undefined when it could not be read as one. */
  readonly data?: Record<string, unknown>;
  readonly bodyOffset: number;
}

function fullFrontmatter(text: string): SplitData {
  const split = parseFrontmatter(text, new LineIndex(text));
  return { data: split.frontmatter?.isMap ? split.frontmatter.data : undefined, bodyOffset: split.bodyOffset };
}

interface ScanResult {
  readonly tags: NoteSummary['tags'][number][];
  readonly tasks: TaskItem[];
  readonly achievements?: number;
  readonly achievementsLine?: number;
}

type MutableTask = { -readonly [K in keyof TaskItem]: TaskItem[K] };

/** An open list item: where its content starts, and what its first block says. */
interface OpenItem {
  readonly kind: 'item';
  /** Columns from the start of its parent's content to the start of its own. */
  readonly content: number;
  readonly line: number;
  /** Directly in the document, not nested in another container. */
  readonly atRoot: boolean;
  /** `[ ]`, `[x]` or `[X]` right after the marker, when the item may be a task. */
  readonly box?: string;
  /** Blocks started inside it so far. */
  blocks: number;
  /** Its first block is not shared (its words, or a label): so is everything inside it. */
  ownPrivate: boolean;
  task?: MutableTask;
}

interface OpenQuote {
  readonly kind: 'quote';
}

type Container = OpenItem | OpenQuote;

interface Paragraph {
  readonly lines: string[];
  readonly firstLine: number;
  readonly containers: readonly Container[];
  /** The item whose first block this paragraph is. */
  readonly firstOf?: OpenItem;
}

type Leaf =
  | { readonly kind: 'none' }
  | { readonly kind: 'paragraph'; readonly paragraph: Paragraph }
  | { readonly kind: 'fence'; readonly marker: string; readonly length: number }
  | { readonly kind: 'comment'; readonly lines: string[] }
  | { readonly kind: 'indented' }
  | { readonly kind: 'table'; readonly containers: readonly Container[] };

interface SectionState {
  readonly kind: SectionKind;
  readonly questionId?: string;
  readonly countsAchievements: boolean;
  /** A question not listed as private, or Next steps: what may be shown to someone else. */
  readonly shareable: boolean;
}

/** Thrown when the note uses a construct the line scanner does not model: remark reads that note instead. */
class BeyondScanner extends Error {}

/** The body's tags, tasks and achievements, or undefined when the note is beyond the line scanner. */
function scanBody(lines: readonly string[], firstLine: number, script: QuestionScript, person: string | undefined): ScanResult | undefined {
  try {
    return new BodyScanner(lines, script, person).scan(firstLine);
  } catch (error) {
    if (error instanceof BeyondScanner) return undefined;
    throw error;
  }
}

function beyond(): never {
  throw new BeyondScanner();
}

const THEMATIC_BREAK = /^([-*_])(?:[ ]*\1){2,}[ ]*$/;
const SETEXT_UNDERLINE = /^(=+|-+)[ ]*$/;
const ATX = /^(#{1,6})(?:[ \t]+|$)/;

/** An ATX heading's text without its closing `#` run and the spaces around it, in one pass from the end (no regex backtracking on long runs of spaces). */
export function atxHeadingText(content: string): string {
  const isSpace = (at: number) => content[at] === ' ' || content[at] === '\t';
  let end = content.length;
  while (end > 0 && isSpace(end - 1)) end--;
  let hashes = end;
  while (hashes > 0 && content[hashes - 1] === '#') hashes--;
  if (hashes < end && (hashes === 0 || isSpace(hashes - 1))) {
    end = hashes;
    while (end > 0 && isSpace(end - 1)) end--;
  }
  return content.slice(0, end);
}

/** A code fence: a backtick fence's info string holds no backtick. */
const FENCE = /^(?:(`{3,})(?!.*`)|(~{3,}))/;
const ORDERED = /^(\d{1,9})([.)])/;
const TABLE_DELIMITER = /^\|?[ ]*:?-+:?[ ]*(?:\|[ ]*:?-+:?[ ]*)*\|?[ ]*$/;
const ENTITY = /&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});/;
const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/;
const SPECIAL = /[\\`<]/g;
const MAY_CHANGE_IN_TOSTRING = /[*~[\]`\\<&_]| {2}\n/;

/**
 * A CommonMark block scanner over lines: block quotes, list items (with lazy continuation),
 * paragraphs, setext and ATX headings, fenced and indented code, HTML comment blocks, thematic
 * breaks and GFM tables. What it does not model (tabs in indentation, other HTML blocks, link
 * reference definitions, tags inside link targets…) throws BeyondScanner, and the note is read by
 * remark: the fast path answers only where it is sure to agree.
 */
class BodyScanner {
  private readonly tags: NoteSummary['tags'][number][] = [];
  private readonly tasks: MutableTask[] = [];
  private achievements: number | undefined;
  /** The heading lines of the achievements sections seen. */
  private readonly achievementsHeadings: number[] = [];
  private section: SectionState = { kind: 'other', countsAchievements: false, shareable: false };
  /** A `#` heading was seen: only the first, before any section, is the note's title. */
  private titleSeen = false;
  private sectionCount = 0;
  /** The level of the `### Private…` heading whose part of the section we are in, as in the remark reader. */
  private privatePartDepth: number | undefined;
  private containers: Container[] = [];
  private leaf: Leaf = { kind: 'none' };
  /** A `##` section whose marker may still come as the next block: its heading's tags wait for it. */
  private pendingSection?: { readonly headingText: string; readonly marker?: string; readonly tags: Paragraph[] };

  private readonly options: ClassifierOptions;

  constructor(private readonly lines: readonly string[], private readonly script: QuestionScript, person: string | undefined) {
    this.options = { extraWords: script.privacyWords, person };
  }

  scan(firstLine: number): ScanResult {
    for (let line = firstLine; line < this.lines.length; line++) this.scanLine(this.lines[line], line);
    this.closeContainers(0);
    this.finishLeaf();
    this.resolvePendingSection(undefined);
    const achievementsLine = this.achievementsHeadings.length === 1 ? this.achievementsHeadings[0] : undefined;
    return { tags: this.tags, tasks: this.tasks, achievements: this.achievements, achievementsLine };
  }

  // eslint-disable-next-line max-lines-per-function -- the scanner's container step, kept whole so it reads in the order CommonMark matches containers
  private scanLine(raw: string, line: number) {
    const source = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (/^[ >*+\-\d.)]*\t/.test(source)) beyond(); // tab stops in the indentation
    // 1. Which open containers does the line continue?
    let pos = 0;
    let matched = 0;
    for (const container of this.containers) {
      const indent = spacesAt(source, pos);
      if (container.kind === 'quote') {
        if (indent > 3 || source[pos + indent] !== '>') break;
        pos += indent + 1;
        if (source[pos] === ' ') pos++;
      } else if (pos + indent >= source.length) {
        if (container.blocks === 0) break; // an item that began with a blank line ends at the next one
        pos = Math.min(source.length, pos + container.content);
      } else {
        if (indent < container.content) break;
        pos += container.content;
      }
      matched++;
    }
    const allMatched = matched === this.containers.length;
    // 2. Code and HTML blocks continue only where every container does.
    if (allMatched && this.continueVerbatim(source.slice(pos))) return;
    // 3. New containers.
    let opened = false;
    const paragraphOpen = () => allMatched && !opened && this.leaf.kind === 'paragraph';
    for (;;) {
      const indent = spacesAt(source, pos);
      const rest = source.slice(pos + indent);
      if (indent >= 4 || rest === '') break;
      if (rest[0] === '>') {
        this.openContainer(matched, { kind: 'quote' });
        matched = this.containers.length;
        opened = true;
        pos += indent + 1;
        if (source[pos] === ' ') pos++;
        continue;
      }
      if (THEMATIC_BREAK.test(rest) || (paragraphOpen() && SETEXT_UNDERLINE.test(rest))) break;
      const item = listMarker(rest);
      if (!item) break;
      const afterMarker = rest.slice(item.width);
      const blankItem = afterMarker.trim() === '';
      // An empty item, or a list not starting at 1, cannot interrupt a paragraph (it can follow one that ended lazily).
      if (paragraphOpen() && (blankItem || (item.ordered && item.start !== 1))) break;
      const gap = blankItem ? 1 : spacesAt(afterMarker, 0);
      if (gap > 4) beyond(); // indented code as the item's first block
      const content = indent + item.width + gap;
      const box = /^\[([ xX])\](?=[ \t]|$)/.exec(afterMarker.slice(gap))?.[1];
      this.openContainer(matched, { kind: 'item', content, line, atRoot: matched === 0, box, blocks: 0, ownPrivate: false });
      matched = this.containers.length;
      opened = true;
      pos = Math.min(source.length, pos + content);
    }
    const indent = spacesAt(source, pos);
    const rest = source.slice(pos + indent);
    // 4. A lazy continuation line: the paragraph goes on although some containers did not match.
    if (!allMatched && !opened && this.leaf.kind === 'paragraph' && rest !== '' && !this.startsBlock(rest, indent)) {
      this.leaf.paragraph.lines.push(source.slice(pos));
      return;
    }
    if (!opened) this.closeContainers(matched);
    this.readLeaf(source.slice(pos), indent, rest, line, allMatched && !opened);
  }

  /** Lines inside fenced code, indented code and HTML comment blocks: true when the line was one. */
  private continueVerbatim(afterContainers: string): boolean {
    const leaf = this.leaf;
    const indent = spacesAt(afterContainers, 0);
    const rest = afterContainers.slice(indent);
    if (leaf.kind === 'fence') {
      if (indent <= 3 && closesFence(rest, leaf.marker, leaf.length)) this.leaf = { kind: 'none' };
      return true;
    }
    if (leaf.kind === 'comment') {
      leaf.lines.push(afterContainers);
      if (afterContainers.includes('-->')) this.endComment(leaf.lines);
      return true;
    }
    if (leaf.kind === 'indented' && (rest === '' || indent >= 4)) return true;
    return false;
  }

  /** True when a line would open a block of its own instead of continuing a paragraph lazily. */
  private startsBlock(rest: string, indent: number): boolean {
    if (indent >= 4) return false;
    return rest[0] === '>' || ATX.test(rest) || FENCE.test(rest) || rest[0] === '<' || THEMATIC_BREAK.test(rest) || listMarker(rest) !== undefined;
  }

  private openContainer(keep: number, container: Container) {
    this.closeContainers(keep);
    if (this.blockStarts()) beyond(); // a list or quote as an item's first block
    this.containers.push(container);
  }

  /** A block starts in the innermost container: it is that item's first block or a later one. */
  private blockStarts(isComment = false): OpenItem | undefined {
    this.finishLeaf();
    if (!isComment) this.resolvePendingSection(undefined);
    const innermost = this.containers[this.containers.length - 1];
    if (innermost?.kind !== 'item') return undefined;
    innermost.blocks++;
    if (innermost.blocks === 2 && innermost.task) innermost.task.untouchedCarry = false;
    if (innermost.blocks === 1 && this.containers.length > 0) return innermost;
    return undefined;
  }

  private closeContainers(keep: number) {
    if (this.containers.length <= keep) return;
    this.finishLeaf();
    while (this.containers.length > keep) {
      const closing = this.containers.pop();
      if (closing?.kind === 'item' && closing.blocks === 0) this.itemResolved(closing, '');
    }
  }

  // eslint-disable-next-line max-lines-per-function -- the scanner's leaf step: each block kind in CommonMark's order of precedence, which splitting would hide
  private readLeaf(afterContainers: string, indent: number, rest: string, line: number, continuesParagraph: boolean) {
    const leaf = this.leaf;
    if (rest === '') {
      if (leaf.kind === 'indented') return;
      this.finishLeaf();
      return;
    }
    if (leaf.kind === 'table' && continuesParagraph) {
      if (indent >= 4 || SETEXT_UNDERLINE.test(rest)) beyond();
      if (!this.startsBlock(rest, indent)) {
        this.tableRow(afterContainers, line, leaf.containers);
        return;
      }
    }
    if (indent >= 4) {
      if (leaf.kind === 'paragraph') leaf.paragraph.lines.push(afterContainers);
      else {
        if (this.blockStarts()) beyond(); // indented code as an item's first block
        this.leaf = { kind: 'indented' };
      }
      return;
    }
    if (leaf.kind === 'paragraph' && continuesParagraph) {
      const underline = SETEXT_UNDERLINE.exec(rest);
      if (underline) {
        this.setextHeading(leaf.paragraph, underline[1][0] === '=' ? 1 : 2);
        return;
      }
      if (TABLE_DELIMITER.test(rest) && rest.includes('|')) {
        this.startTable(leaf.paragraph, afterContainers);
        return;
      }
    }
    const atx = ATX.exec(rest);
    if (atx) {
      const first = this.blockStarts();
      const content = atxHeadingText(rest.slice(atx[0].length));
      const heading: Paragraph = { lines: [content], firstLine: line, containers: [...this.containers], firstOf: first };
      if (this.containers.length === 0 && atx[1].length <= 2) this.sectionHeading(heading, atx[1].length, true);
      else {
        if (this.containers.length === 0) this.subHeading(atx[1].length, content);
        this.emitParagraph(heading, first);
      }
      return;
    }
    const fence = FENCE.exec(rest);
    if (fence) {
      if (this.blockStarts()) beyond(); // code as an item's first block
      const run = fence[1] ?? fence[2];
      this.leaf = { kind: 'fence', marker: run[0], length: run.length };
      return;
    }
    if (rest[0] === '<') {
      if (!rest.startsWith('<!--')) beyond(); // other HTML blocks
      const first = this.blockStarts(true);
      if (first) this.itemResolved(first, '');
      const comment = { kind: 'comment' as const, lines: [afterContainers] };
      this.leaf = comment;
      if (rest.includes('-->', 2)) this.endComment(comment.lines);
      return;
    }
    if (THEMATIC_BREAK.test(rest)) {
      if (this.blockStarts()) beyond();
      return;
    }
    if (leaf.kind === 'paragraph' && continuesParagraph) {
      leaf.paragraph.lines.push(afterContainers);
      return;
    }
    const first = this.blockStarts();
    this.leaf = { kind: 'paragraph', paragraph: { lines: [afterContainers], firstLine: line, containers: [...this.containers], firstOf: first } };
  }

  private endComment(lines: readonly string[]) {
    this.leaf = { kind: 'none' };
    if (this.pendingSection && this.containers.length === 0) this.resolvePendingSection(SECTION_MARKER.exec(lines.join('\n'))?.[1]);
  }

  /** Closes the open leaf block, emitting a paragraph's tags and task. */
  private finishLeaf() {
    const leaf = this.leaf;
    this.leaf = { kind: 'none' };
    if (leaf.kind === 'comment') beyond(); // an HTML block cut short by its container
    if (leaf.kind === 'paragraph') {
      // A link reference or footnote definition is not text, and can change what links say elsewhere.
      if (/^[ ]*\[[\s\S]*\]:/.test(leaf.paragraph.lines.join('\n'))) beyond();
      this.emitParagraph(leaf.paragraph, leaf.paragraph.firstOf);
    }
  }

  private emitParagraph(paragraph: Paragraph, firstOf: OpenItem | undefined) {
    this.guardWords(paragraph.lines.join('\n'), paragraph.containers, firstOf !== undefined);
    if (firstOf) {
      let text = paragraph.lines.join('\n');
      const box = firstOf.box !== undefined && paragraph.firstLine === firstOf.line ? /^[ ]*\[[ xX]\]/.exec(text) : null;
      const isTask = box !== null && text.slice(box[0].length).trim() !== '';
      this.classifyItem(firstOf, isTask && box ? text.slice(box[0].length).replace(/^[ \t]+/, '') : text);
      if (box && isTask) {
        const visible = visibleText(text.slice(box[0].length));
        this.itemResolved(firstOf, visible);
        const carried = CARRIED_MARKER.exec(text)?.[1];
        const task: MutableTask = {
          text: visible,
          done: firstOf.box !== ' ',
          owner: OWNER.exec(visible)?.[1],
          due: DUE.exec(visible)?.[1],
          line: firstOf.line,
          sectionKind: this.section.kind,
          carriedFrom: carried,
          untouchedCarry: firstOf.box === ' ' && firstOf.blocks === 1 && CARRIED_LAST.test(text),
          private: this.isPrivate(paragraph.containers),
        };
        // Tasks are listed in the order their items begin, as remark visits them.
        this.tasks.splice(this.taskSlot(firstOf.line), 0, task);
        firstOf.task = task;
        text = text.slice(box[0].length);
      } else this.itemResolved(firstOf, text);
    }
    this.collectTags(paragraph);
  }

  private taskSlot(line: number): number {
    let slot = this.tasks.length;
    while (slot > 0 && this.tasks[slot - 1].line > line) slot--;
    return slot;
  }

  /** The classifier reads an item's own words as the full reader does; a cheap first look spares most items. */
  private classifyItem(item: OpenItem, source: string) {
    item.ownPrivate = this.wordsMatter() && mayBePrivate(source, this.options)
      && (classifyBlock(source, this.options).privacy !== 'shared' || isPrivateLabel(source, this.options));
  }

  /** The item's first block is known: whether it counts as an achievement. */
  private itemResolved(item: OpenItem, source: string) {
    if (item.atRoot && this.section.countsAchievements && visibleText(source) !== '') this.achievements = (this.achievements ?? 0) + 1;
  }

  /** What is here is not shared, by its place or because an item it sits in is not (as the full reader's verdicts). */
  private isPrivate(containers: readonly Container[]): boolean {
    if (!this.section.shareable || this.privatePartDepth !== undefined || containers.some(c => c.kind === 'item' && c.ownPrivate)) return true;
    // Under Next steps only the action items are shown.
    return this.section.kind === 'next-steps' && containers[0]?.kind !== 'item';
  }

  private wordsMatter(): boolean {
    return this.section.shareable && this.privatePartDepth === undefined;
  }

  /**
   * Words the privacy classifier might read as private, or what only the full reader's structure tells
   * (callouts, footnotes, Obsidian comments, a comment end outside a comment): the full reader decides.
   */
  private guardWords(source: string, containers: readonly Container[], itemWords = false) {
    guardMarkup(source);
    // Words decide only in a shown section; there, even text left out by its place may be a label for what follows.
    if (!this.wordsMatter() || containers.some(c => c.kind === 'item' && c.ownPrivate)) return;
    if (/\[[!^]/.test(source)) beyond();
    // An item's own words were read by `itemResolved`; any other block that may read as private goes to the full reader.
    if (!itemWords && mayBePrivate(source, this.options)) beyond();
  }

  private setextHeading(paragraph: Paragraph, depth: number) {
    this.leaf = { kind: 'none' };
    if (/^[ ]*\[[\s\S]*\]:/.test(paragraph.lines.join('\n'))) beyond();
    // A task's box is read only at the start of a paragraph: underlined, the item is no task.
    if (paragraph.firstOf?.box !== undefined && paragraph.firstLine === paragraph.firstOf.line) beyond();
    if (paragraph.containers.length === 0) this.sectionHeading(paragraph, depth, false);
    else this.emitParagraph(paragraph, paragraph.firstOf);
  }

  private startTable(paragraph: Paragraph, delimiter: string) {
    const header = paragraph.lines[paragraph.lines.length - 1];
    if (paragraph.containers.length > 0 || !header.includes('|') || cellCount(header) !== cellCount(delimiter)) {
      if (paragraph.containers.length > 0 || header.includes('|')) beyond();
      paragraph.lines.push(delimiter);
      return;
    }
    this.leaf = { kind: 'none' };
    if (paragraph.lines.length > 1) this.emitParagraph({ ...paragraph, lines: paragraph.lines.slice(0, -1) }, paragraph.firstOf);
    else this.resolvePendingSection(undefined);
    this.tableRow(header, paragraph.firstLine + paragraph.lines.length - 1, []);
    this.leaf = { kind: 'table', containers: [] };
  }

  private tableRow(row: string, line: number, containers: readonly Container[]) {
    // A row's words decide its class, and a header row's decide the whole table's.
    this.guardWords(row, containers);
    if (!row.includes('#')) return;
    if (/[`<[\\]/.test(row)) beyond();
    this.collectTags({ lines: [row], firstLine: line, containers });
  }

  /** A `###`… heading at the top level: a "Private…" one makes what follows private, up to a heading as high. */
  private subHeading(depth: number, text: string) {
    if (this.privatePartDepth !== undefined && depth <= this.privatePartDepth) this.privatePartDepth = undefined;
    // Markup could change the heading's visible text: remark reads such a heading.
    if (this.privatePartDepth === undefined && /[`<&\\[*_]/.test(text)) beyond();
    if (this.privatePartDepth === undefined && knownPrivateHeading(text, this.options)) this.privatePartDepth = depth;
  }

  /** A `#` or `##` heading at the top level: a new section begins (its marker may be the next block). */
  private sectionHeading(heading: Paragraph, depth: number, atx: boolean) {
    this.privatePartDepth = undefined;
    this.resolvePendingSection(undefined);
    const source = heading.lines.join('\n');
    guardMarkup(source);
    if (depth === 1) {
      const privateBefore = this.section.kind === 'private';
      const candidate = !this.titleSeen && this.sectionCount === 0 && atx && !privateBefore;
      // Markup could change the title's visible text: remark reads such a title.
      if (candidate && /[`<&\\[*_]/.test(source)) beyond();
      const isTitle = candidate && !knownPrivateHeading(visibleText(source), this.options);
      this.titleSeen = true;
      this.section = { kind: privateBefore ? 'private' : 'other', countsAchievements: false, shareable: false };
      this.collectTags(heading, !isTitle);
      return;
    }
    if (source.includes('`') && source.includes('<!--')) beyond();
    this.pendingSection = { headingText: visibleText(source), marker: SECTION_MARKER.exec(source)?.[1], tags: [heading] };
  }

  private resolvePendingSection(nextBlockMarker: string | undefined) {
    const pending = this.pendingSection;
    if (!pending) return;
    this.pendingSection = undefined;
    // As in the remark reader: only a section named by its marker ends Private notes.
    const identity = afterPrivate(knownSection(pending.marker ?? nextBlockMarker, pending.headingText, this.script, this.options), this.section.kind === 'private');
    const countsAchievements = identity.question?.records === 'achievements';
    const shareable = isShareableSection(identity, this.script);
    this.section = { kind: identity.kind, questionId: identity.question?.id, countsAchievements, shareable };
    this.sectionCount++;
    if (countsAchievements) {
      this.achievements ??= 0;
      this.achievementsHeadings.push(pending.tags[0].firstLine);
    }
    for (const heading of pending.tags) this.collectTags(heading, !shareable);
  }

  /** The paragraph's tags; `headingPrivate` says whether a section's own heading is shown. */
  private collectTags(paragraph: Paragraph, headingPrivate?: boolean) {
    const text = paragraph.lines.join('\n');
    if (!text.includes('#')) return;
    const found: { hash: number; name: string }[] = [];
    for (let hash = text.indexOf('#'); hash !== -1; hash = text.indexOf('#', hash + 1)) {
      const name = tagAt(text, hash);
      if (name !== undefined) found.push({ hash, name });
    }
    if (found.length === 0) return;
    const hidden = inlineNonText(text);
    const isPrivate = headingPrivate ?? this.isPrivate(paragraph.containers);
    let line = paragraph.firstLine;
    let hiddenIndex = 0;
    // One cursor walks the paragraph once: the current line, and where the current word began.
    let cursor = 0;
    let wordLooksLikeUrl = false;
    for (const { hash, name } of found) {
      for (; cursor < hash; cursor++) {
        const c = text.charCodeAt(cursor);
        if (c === 10) line++;
        if (c === 10 || c === 32 || c === 9) wordLooksLikeUrl = false;
        else if (c === 58 || c === 64 || ((c === 119 || c === 87) && /^www\./i.test(text.slice(cursor, cursor + 4)))) wordLooksLikeUrl = true; // : @ www.
      }
      while (hiddenIndex < hidden.length && hidden[hiddenIndex][1] <= hash) hiddenIndex++;
      if (hiddenIndex < hidden.length && hidden[hiddenIndex][0] <= hash) continue; // in code or a comment
      if (hash > hidden.firstLinkPart) beyond(); // perhaps inside a link's target, title or image text
      if (wordLooksLikeUrl) beyond(); // perhaps inside a bare URL
      this.tags.push({ name, key: normalizeTheme(name), line, questionId: this.section.questionId, private: isPrivate });
    }
  }
}

/**
 * What only the full reader follows, wherever it is written, since it can hide text in later sections
 * too: raw HTML (an element that hides what follows it, a comment that never closes), an Obsidian
 * `%%` comment, and a comment end outside any comment (`<!-->` and `<!--->` are whole comments to
 * CommonMark, so what they seem to open is text).
 */
function guardMarkup(source: string) {
  if (source.includes('%%')) beyond();
  if (!source.includes('<') && !source.includes('-->')) return;
  const outsideComments = source.replace(/<!--[\s\S]*?-->/g, '');
  if (outsideComments.includes('<') || outsideComments.includes('-->') || /<!---?>/.test(source)) beyond();
}

// The same headings come back in note after note (a script's questions, "Private notes"): each is
// worked out once. Bounded, so a workspace of odd headings cannot grow them without end.
const MAX_REMEMBERED_HEADINGS = 4096;
const sectionsByScript = new WeakMap<QuestionScript, Map<string, SectionIdentity>>();
const privateHeadings = new Map<string, boolean>();

/** `identifySection`, remembered per script. Markers hold only letters, digits and `-`, so the key is unambiguous. */
function knownSection(marker: string | undefined, headingText: string, script: QuestionScript, options: ClassifierOptions): SectionIdentity {
  let known = sectionsByScript.get(script);
  if (!known) sectionsByScript.set(script, known = new Map());
  const key = `${marker ?? ''}\u0000${personMayMatter(headingText, options) ? options.person : ''}\u0000${headingText}`;
  let identity = known.get(key);
  if (!identity) {
    identity = identifySection(marker, headingText, script, options.person);
    if (known.size < MAX_REMEMBERED_HEADINGS) known.set(key, identity);
  }
  return identity;
}

/** `isPrivateHeading`, remembered. */
function knownPrivateHeading(text: string, options: ClassifierOptions): boolean {
  // Most headings are ruled out by the cheap look; remembering them (each note's title among them) would crowd out the rest.
  if (!mayBePrivate(text, options)) return false;
  const key = `${personMayMatter(text, options) ? options.person : ''}\u0000${options.extraWords?.join('\u0001') ?? ''}\u0000${text}`;
  let isPrivate = privateHeadings.get(key);
  if (isPrivate === undefined) {
    isPrivate = isPrivateHeading(text, options);
    if (privateHeadings.size < MAX_REMEMBERED_HEADINGS) privateHeadings.set(key, isPrivate);
  }
  return isPrivate;
}

/** A run of at least `length` fence characters with only spaces after it. */
function closesFence(rest: string, marker: string, length: number): boolean {
  let run = 0;
  while (rest[run] === marker) run++;
  return run >= length && rest.slice(run).trim() === '';
}

function spacesAt(text: string, from: number): number {
  let i = from;
  while (text.charCodeAt(i) === 32) i++;
  return i - from;
}

function listMarker(rest: string): { width: number; ordered: boolean; start: number; marker: string } | undefined {
  const c = rest[0];
  if (c === '-' || c === '*' || c === '+') return rest.length === 1 || rest[1] === ' ' ? { width: 1, ordered: false, start: 0, marker: c } : undefined;
  const ordered = ORDERED.exec(rest);
  if (!ordered) return undefined;
  const width = ordered[0].length;
  return rest.length === width || rest[width] === ' ' ? { width, ordered: true, start: Number(ordered[1]), marker: ordered[2] } : undefined;
}

function cellCount(row: string): number {
  const trimmed = row.trim().replace(/^\|/, '').replace(/(?<!\\)\|$/, '');
  return trimmed.split(/(?<!\\)\|/).length;
}

/**
 * What remark's toString gives for a paragraph, whitespace collapsed: comments dropped. Anything
 * that toString would change (emphasis, code, links, escapes, entities, hard breaks) is beyond the scanner.
 */
function visibleText(source: string): string {
  // Most item and heading text is plain: nothing toString would change.
  if (!MAY_CHANGE_IN_TOSTRING.test(source)) return /\s\s|[\t\n\r]/.test(source) ? source.replace(/\s+/g, ' ').trim() : source.trim();
  if (source.includes('`')) beyond();
  const withoutComments = source.includes('<') ? maskRanges(source, inlineNonText(source), '') : source;
  if (/[*~[\]`\\<]/.test(withoutComments) || ENTITY.test(withoutComments) || / {2,}\n/.test(withoutComments)) beyond();
  if (/(?:^|[^\p{L}\p{N}])_|_(?:$|[^\p{L}\p{N}])/u.test(withoutComments)) beyond();
  return withoutComments.replace(/\s+/g, ' ').trim();
}

/**
 * The parts of a paragraph's source that are not text: code spans and HTML comments. Any other
 * inline HTML or autolink makes the paragraph beyond the scanner; `firstLinkPart` is where a link
 * target, reference label or image text may begin (a tag after it is beyond the scanner).
 */
function inlineNonText(text: string): [number, number][] & { firstLinkPart: number } {
  const hidden: [number, number][] = [];
  let closers: Map<number, number> | undefined;
  let i = 0;
  while (i < text.length) {
    // Only a backslash, a backtick or a `<` can start something that is not text.
    SPECIAL.lastIndex = i;
    if (!SPECIAL.test(text)) break;
    i = SPECIAL.lastIndex - 1;
    const c = text[i];
    if (c === '\\' && ASCII_PUNCTUATION.test(text[i + 1] ?? '')) {
      i += 2;
    } else if (c === '`') {
      closers ??= backtickClosers(text);
      let run = 1;
      while (text[i + run] === '`') run++;
      const close = closers.get(i);
      if (close === undefined) beyond(); // the rest of a run whose first backtick was escaped
      if (close !== -1) {
        hidden.push([i, close + run]);
        i = close + run;
      } else i += run;
    } else if (c === '<') {
      if (!text.startsWith('<!--', i)) beyond();
      const end = text.startsWith('<!-->', i) ? i + 5 : text.startsWith('<!--->', i) ? i + 6 : text.indexOf('-->', i + 4) + 3;
      if (end === 2) beyond(); // an unclosed comment: remark may read it as text
      hidden.push([i, end]);
      i = end;
    } else i++;
  }
  let firstLinkPart = Infinity;
  const masked = hidden.length === 0 ? text : maskRanges(text, hidden);
  for (const opener of ['](', '][', '![', '[^']) {
    const at = masked.indexOf(opener);
    if (at !== -1 && at < firstLinkPart) firstLinkPart = at;
  }
  return Object.assign(hidden, { firstLinkPart });
}

/**
 * For every run of backticks, where the next run of the same length starts (-1 when none): a code
 * span's end. Found in one backward pass, so a paragraph of unmatched runs stays linear.
 */
function backtickClosers(text: string): Map<number, number> {
  const runs: [number, number][] = [];
  for (let at = text.indexOf('`'); at !== -1; ) {
    let length = 1;
    while (text[at + length] === '`') length++;
    runs.push([at, length]);
    at = text.indexOf('`', at + length);
  }
  const closers = new Map<number, number>();
  const nextOfLength = new Map<number, number>();
  for (let r = runs.length - 1; r >= 0; r--) {
    const [at, length] = runs[r];
    closers.set(at, nextOfLength.get(length) ?? -1);
    nextOfLength.set(length, at);
  }
  return closers;
}

/** The text with the ranges replaced: by spaces (positions kept), or by `by`. */
function maskRanges(text: string, ranges: readonly [number, number][], by?: string): string {
  let masked = '';
  let from = 0;
  for (const [start, end] of ranges) {
    masked += text.slice(from, start) + (by ?? ' '.repeat(end - start));
    from = end;
  }
  return masked + text.slice(from);
}
