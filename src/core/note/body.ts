// Longer than 500 lines because the remark reader, its section rules and the complexity guard that protects it are read together.
import type { Heading, Html, ListItem, Nodes, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { closestValue, LineIndex, MAX_TAG_DEPTH, MAX_TAG_LENGTH, msg, normalizeTheme } from '../base';
import { Question, QuestionScript, RecordKind } from './questionScript';

/** Bodies beyond this size are not analysed: remark's cost grows with it and real notes are a few KB. */
export const MAX_BODY_CHARS = 512 * 1024;
// Inputs beyond these make remark superlinear or overflow its stack; no real note comes near them.
const MAX_CONTAINER_DEPTH = 24;
const MAX_DELIMITERS_PER_BLOCK = 2000;
/** remark spends a steady but large time per line of lists, tables and quotes: a note of a few hundred lines is far below. */
export const MAX_BODY_LINES = 2000;
/** Underlined (setext) headings and lazy quote lines each cost remark time in proportion to all before them. */
export const MAX_UNDERLINED_HEADINGS = 100;
export const MAX_LAZY_LINES = 200;

export type SectionKind = 'question' | 'next-steps' | 'private' | 'other';

/** A `##` section of the note. Lines are zero-based; `endLine` is the section's last line. */
export interface Section {
  readonly kind: SectionKind;
  /** The question id (for question sections), found by marker, then title, then number. */
  readonly questionId?: string;
  /** The structured answer the section's question feeds. */
  readonly records?: RecordKind;
  readonly heading: string;
  readonly headingLine: number;
  readonly endLine: number;
  /** Holds something beyond the scaffolded guidance. */
  readonly answered: boolean;
  readonly hasMarker: boolean;
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
  readonly private: boolean;
}

/** An inline `#theme` tag, attributed to the section it appears in. */
export interface TagMention {
  readonly name: string;
  readonly key: string;
  readonly line: number;
  readonly character: number;
  readonly questionId?: string;
  /** Written in Private notes or inside an item marked (private): never leaves the manager's own views. */
  readonly private: boolean;
}

export interface Body {
  readonly sections: Section[];
  readonly tasks: TaskItem[];
  readonly tags: TagMention[];
  /** Filled list items under the achievements question; undefined when the note has no such section. */
  readonly achievements?: number;
  /** Why the body was not analysed, when it was not. */
  readonly skipped?: string;
  /** `<!-- growth:… -->` comments whose id names no section: probably a typo. */
  readonly unknownMarkers?: readonly UnknownMarker[];
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

/** `<!-- growth:<id> -->`, in any case and spacing; the id is compared in lower case. */
export const SECTION_MARKER = /<!--\s*growth\s*:\s*([a-z0-9][a-z0-9-]*)\s*-->/i;
/** Anything written as a growth marker, to catch ids that are misspelt or malformed. */
const ANY_MARKER = /<!--\s*growth\s*:\s*([^>]*?)\s*-->/gi;
const CARRIED_MARKER = /<!--\s*from:\s*([^>]*?)\s*-->/;
/** What may stand right before a tag's `#`: not a letter, digit, `_`, `&` (`&#35;`), `#`, `/` (`/#frag`) or `\` (`\#`). */
const BEFORE_TAG = /[^\p{L}\p{N}_&#/\\]/u;
const TAG_NAME = /[\p{L}\p{N}_][\p{L}\p{N}_/-]*/uy;
/** Hex-only words of these lengths are colours (`#fff`, `#1e90ff`, `#FFF000`), not themes. */
const COLOUR = /^(?:[0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})$/i;
const OWNER = /(?:^|\s)@([\p{L}\p{N}._-]*[\p{L}\p{N}])/u;
const DUE = /\bdue:(\d{4}-\d{2}-\d{2})\b/;
// Letters from other scripts that look like Latin ones: "(рrivate)" with a Cyrillic р still means private.
const LOOK_ALIKES: Readonly<Record<string, string>> = { 'р': 'p', 'а': 'a', 'е': 'e', 'і': 'i', 'о': 'o', 'с': 'c', 'т': 't', 'ν': 'v', 'ο': 'o', 'ρ': 'p', 'α': 'a' };
const LOOK_ALIKE = new RegExp(`[${Object.keys(LOOK_ALIKES).join('')}]`, 'g');
const PRIVATE_MARK = /[([{]\s*priv(?:ate|at)?\s*[)\]}]|(?:^|\s)private\s*:/;

/**
 * An item whose first block says (private) is the manager's only, with everything nested under it.
 * Near misses count too, failing closed: `( private )`, `[private]`, `private:`, `(privat)`, full-width
 * or look-alike letters, and invisible characters inside the word.
 */
export const PRIVATE_ITEM = {
  test(text: string): boolean {
    const folded = text.normalize('NFKC').replace(/\p{Cf}/gu, '').toLowerCase().replace(LOOK_ALIKE, c => LOOK_ALIKES[c]);
    return PRIVATE_MARK.test(folded);
  },
  /** A cheap first look for readers on a hot path: false means `test` is false too. */
  mayMatch(source: string): boolean {
    return /priv|[ｐＰрρ\p{Cf}]/iu.test(source);
  },
};

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

function nthIndexOf(text: string, search: string, n: number): number {
  let found = -1;
  for (let i = 0; i < n; i++) {
    found = text.indexOf(search, found + 1);
    if (found === -1) return -1;
  }
  return found;
}

export const NEXT_STEPS_ID = 'next-steps';
export const PRIVATE_ID = 'private';
const NEXT_STEPS_TITLE = 'next steps';
const PRIVATE_TITLE = 'private';

const processor = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml']);

/** Reads the question sections, task items and inline tags of a note. */
export function parseBody(fullText: string, bodyOffset: number, bodyLine: number, script: QuestionScript): Body {
  const parsed = bodyTree(fullText, bodyOffset, bodyLine);
  if ('skipped' in parsed) return { sections: [], tasks: [], tags: [], skipped: parsed.skipped };
  return new BodyReader(parsed.text, new LineIndex(parsed.text), script).read(parsed.tree);
}

/**
 * The Markdown tree of a note's body, positioned on the file's own lines and offsets (blank lines
 * stand in for the frontmatter), or why it was not parsed.
 */
export function bodyTree(fullText: string, bodyOffset: number, bodyLine: number): { tree: Root; text: string } | { skipped: string } {
  const body = fullText.slice(bodyOffset);
  const skipped = complexityProblem(body);
  if (skipped) return { skipped };
  const text = '\n'.repeat(bodyLine) + body;
  try {
    return { tree: processor.parse(text), text };
  } catch (error) {
    // A stack overflow in the parser must not take the editor or the CLI down.
    if (error instanceof RangeError) return { skipped: msg('body.nestedTooDeeply') };
    throw error;
  }
}

export interface SectionIdentity {
  readonly kind: SectionKind;
  readonly question?: Question;
  readonly hasMarker: boolean;
}

/** Which section a `##` heading opens: by its marker id, then its title, then its number. */
export function identifySection(rawMarkerId: string | undefined, headingText: string, script: QuestionScript): SectionIdentity {
  const hasMarker = rawMarkerId !== undefined;
  const markerId = rawMarkerId?.toLowerCase();
  const title = simplify(headingText);
  // Private wins over everything else: a heading that starts with "Private" is private whatever its marker says.
  if (markerId === PRIVATE_ID || isPrivateHeading(headingText)) return { kind: 'private', hasMarker };
  if (markerId === NEXT_STEPS_ID) return { kind: 'next-steps', hasMarker };
  const byId = script.questions.find(q => q.id === markerId);
  if (byId) return { kind: 'question', question: byId, hasMarker };
  // A misspelt private marker (`growth:privte`) is taken at its word: failing closed keeps the notes private.
  if (markerId !== undefined && closestValue(markerId, [PRIVATE_ID]) !== undefined) return { kind: 'private', hasMarker };

  if (title === NEXT_STEPS_TITLE) return { kind: 'next-steps', hasMarker };
  const byTitle = script.questions.find(q => simplify(q.title) === title.replace(/^(q\s*)?\d+\s*/, ''));
  if (byTitle) return { kind: 'question', question: byTitle, hasMarker };
  const number = /^(?:q\s*)?(\d+)\b/.exec(title);
  const byNumber = number ? script.questions[Number(number[1]) - 1] : undefined;
  if (byNumber) return { kind: 'question', question: byNumber, hasMarker };
  return { kind: 'other', hasMarker };
}

class BodyReader {
  private readonly sections: Section[] = [];
  private readonly tasks: TaskItem[] = [];
  private readonly tags: TagMention[] = [];
  private achievements: number | undefined;
  private readonly unknownMarkers: UnknownMarker[] = [];

  constructor(private readonly text: string, private readonly lines: LineIndex, private readonly script: QuestionScript) {}

  read(tree: Root): Body {
    const { preamble, sections } = topLevelSections(tree);
    // Nodes before the first `##` heading belong to no section.
    for (const node of preamble) this.collect(node, undefined, 'other');
    for (const { heading, content, following } of sections) {
      if (heading.depth === 2) this.readSection(heading, content, following);
      else for (const node of [heading, ...content]) this.collect(node, undefined, this.privateContinues() ? 'private' : 'other');
    }
    return { sections: this.sections, tasks: this.tasks, tags: this.tags, achievements: this.achievements, unknownMarkers: this.unknownMarkers };
  }

  private readSection(heading: Heading, content: RootContent[], following: RootContent | undefined) {
    const found = this.identify(heading, content);
    const identity = afterPrivate(found, this.privateContinues());
    const headingLine = startLine(heading);
    const endLine = following ? startLine(following) - 1 : this.lines.lineCount - 1;
    const section: Section = {
      kind: identity.kind,
      questionId: identity.question?.id,
      records: identity.question?.records,
      heading: toString(heading, { includeHtml: false }).trim(),
      headingLine,
      endLine: Math.max(headingLine, trimTrailingBlankLines(this.lines, headingLine, endLine)),
      answered: content.some(hasAnswerText),
      hasMarker: identity.hasMarker,
    };
    this.sections.push(section);
    this.collect(heading, section.questionId, section.kind);
    const privateParts = privateSubsections(content);
    for (const node of content) this.collect(node, section.questionId, section.kind, section.kind === 'private' || privateParts.has(node));
    if (identity.question?.records === 'achievements') {
      const count = content.filter(node => node.type === 'list').flatMap(list => list.children).filter(item => itemText(item) !== '').length;
      this.achievements = (this.achievements ?? 0) + count;
    }
  }

  /**
   * Private notes end only where a known section (a question, Next steps) begins: an unrecognised
   * heading after them, such as a paragraph underlined with `---`, is still the manager's own.
   */
  private privateContinues(): boolean {
    return this.sections[this.sections.length - 1]?.kind === 'private';
  }

  private identify(heading: Heading, content: RootContent[]): SectionIdentity {
    const markerNode = heading.children.find((c): c is Html => c.type === 'html' && SECTION_MARKER.test(c.value))
      ?? (content[0]?.type === 'html' && SECTION_MARKER.test(content[0].value) ? content[0] : undefined);
    const id = markerNode ? SECTION_MARKER.exec(markerNode.value)?.[1] : undefined;
    return identifySection(id, toString(heading, { includeHtml: false }), this.script);
  }

  private collect(node: Nodes, questionId: string | undefined, sectionKind: SectionKind, inPrivate = sectionKind === 'private') {
    if (node.type === 'html') this.checkMarkers(node);
    if (node.type === 'code' || node.type === 'inlineCode' || node.type === 'html' || node.type === 'yaml') return;
    // An autolink (`<http://…>`, a bare `www.…` or `https://…`) is a URL, not text: only `[text](…)` links hold tags.
    if (node.type === 'link' && this.text[node.position?.start.offset ?? 0] !== '[') return;
    if (node.type === 'text') {
      this.collectTags(node.position?.start.offset, node.position?.end.offset, questionId, inPrivate);
      return;
    }
    const privateHere = inPrivate || (node.type === 'listItem' && PRIVATE_ITEM.test(itemText(node)));
    if (node.type === 'listItem' && typeof node.checked === 'boolean') this.collectTask(node, questionId, sectionKind, privateHere);
    if ('children' in node) for (const child of node.children) this.collect(child, questionId, sectionKind, privateHere);
  }

  /** Every growth marker in an HTML node must name a section the script knows. */
  private checkMarkers(node: Html) {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (start === undefined || end === undefined || !/growth/i.test(node.value)) return;
    const known = [...this.script.questions.map(q => q.id), NEXT_STEPS_ID, PRIVATE_ID];
    for (const match of this.text.slice(start, end).matchAll(ANY_MARKER)) {
      const id = match[1].toLowerCase();
      if (known.includes(id)) continue;
      const from = this.lines.positionAt(start + (match.index ?? 0));
      const to = this.lines.positionAt(start + (match.index ?? 0) + match[0].length);
      const suggestion = closestValue(id, known);
      this.unknownMarkers.push({ id: match[1], line: from.line, character: from.character, endCharacter: to.line === from.line ? to.character : this.lines.lineText(from.line).length, ...(suggestion ? { suggestion } : {}) });
    }
  }

  /** Tags whose `#` lies in a text node's source: escapes and entities are seen as written, not as decoded. */
  private collectTags(start: number | undefined, end: number | undefined, questionId: string | undefined, isPrivate: boolean) {
    if (start === undefined || end === undefined) return;
    for (let hash = this.text.indexOf('#', start); hash !== -1 && hash < end; hash = this.text.indexOf('#', hash + 1)) {
      const name = tagAt(this.text, hash);
      if (name === undefined) continue;
      const position = this.lines.positionAt(hash);
      this.tags.push({ name, key: normalizeTheme(name), line: position.line, character: position.character, questionId, private: isPrivate });
    }
  }

  private collectTask(item: ListItem, questionId: string | undefined, sectionKind: SectionKind, isPrivate: boolean) {
    const raw = sourceOfFirstBlock(item, this.text);
    const text = itemText(item);
    const carried = CARRIED_MARKER.exec(raw)?.[1];
    this.tasks.push({
      text,
      done: item.checked === true,
      owner: OWNER.exec(text)?.[1],
      due: DUE.exec(text)?.[1],
      line: startLine(item),
      sectionKind,
      questionId,
      carriedFrom: carried,
      untouchedCarry: isUntouchedCarry(item),
      private: isPrivate,
    });
  }
}

/** A section break and the nodes up to the next one. */
export interface TopLevelSection {
  readonly heading: Heading;
  readonly content: RootContent[];
  /** The next section's heading, if any. */
  readonly following?: RootContent;
}

/** A Markdown tree's top level cut at its section breaks: what comes before the first, then each section. */
export function topLevelSections(tree: Root): { preamble: RootContent[]; sections: TopLevelSection[] } {
  const children = tree.children;
  let index = 0;
  while (index < children.length && !isSectionBreak(children[index])) index++;
  const preamble = children.slice(0, index);
  const sections: TopLevelSection[] = [];
  while (index < children.length) {
    let next = index + 1;
    while (next < children.length && !isSectionBreak(children[next])) next++;
    sections.push({ heading: children[index] as Heading, content: children.slice(index + 1, next), following: children[next] });
    index = next;
  }
  return { preamble, sections };
}

/** A heading that starts a section of its own (level 1 or 2): what ends the section before it. */
function isSectionBreak(node: RootContent): node is Heading {
  return node.type === 'heading' && node.depth <= 2;
}

/** The 0-based line a Markdown node starts on. */
export function startLine(node: Nodes): number {
  return (node.position?.start.line ?? 1) - 1;
}

function trimTrailingBlankLines(lines: LineIndex, first: number, last: number): number {
  let end = last;
  while (end > first && lines.lineText(end).trim() === '') end--;
  return end;
}

/**
 * Private notes end only where a section named by its marker begins (`<!-- growth:checkin -->`, as
 * every scaffolded note has): a heading that merely reads like a question ("## 1:1 with HR", a line
 * underlined with `---`) is still the manager's own.
 */
export function afterPrivate(identity: SectionIdentity, privateBefore: boolean): SectionIdentity {
  return privateBefore && (identity.kind === 'other' || !identity.hasMarker) ? { kind: 'private', hasMarker: identity.hasMarker } : identity;
}

/**
 * A heading whose text starts with "Private" is the manager's own, at any level: a `##` one opens
 * Private notes; a deeper one (`### Private`) keeps what is under it private until a heading of the
 * same or a higher level.
 */
export function isPrivateHeading(headingText: string): boolean {
  return simplify(headingText).startsWith(PRIVATE_TITLE) || PRIVATE_ITEM.test(headingText);
}

/**
 * The top-level blocks of a section that sit under a `### Private…` heading (that heading included),
 * until a heading of the same or a higher level.
 */
export function privateSubsections(content: readonly RootContent[]): Set<RootContent> {
  const inside = new Set<RootContent>();
  let depth: number | undefined;
  for (const node of content) {
    if (node.type === 'heading') {
      if (depth !== undefined && node.depth <= depth) depth = undefined;
      if (depth === undefined && isPrivateHeading(toString(node, { includeHtml: false }))) depth = node.depth;
    }
    if (depth !== undefined) inside.add(node);
  }
  return inside;
}

/** Lower-case words only, so "## 3. Achievements!" and "achievements" compare equal. */
function simplify(title: string): string {
  return title.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/** The visible text of a list item's first block, without comments. */
export function itemText(item: ListItem): string {
  const first = item.children[0];
  return first ? toString(first, { includeHtml: false }).replace(/\s+/g, ' ').trim() : '';
}

function sourceOfFirstBlock(item: ListItem, text: string): string {
  const first = item.children[0];
  const start = first?.position?.start.offset;
  const end = first?.position?.end.offset;
  return start === undefined || end === undefined ? '' : text.slice(start, end);
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

/**
 * Why the text is too odd for remark to parse safely, or undefined when it is fine. One linear pass
 * over the lines, counting what makes remark slow; it errs on the side of refusing (a refused body
 * gets a warning, and a shareable copy is refused rather than guessed).
 */
export function complexityProblem(text: string): string | undefined {
  if (text.length > MAX_BODY_CHARS) return msg('body.tooLarge', MAX_BODY_CHARS / 1024);
  let delimiters = 0;
  let lineCount = 0;
  let underlines = 0;
  let lazyLines = 0;
  let previousBlank = true;
  let previousQuoted = false;
  let lineStart = 0;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd === -1) lineEnd = text.length;
    if (++lineCount > MAX_BODY_LINES) return msg('body.tooManyLines', MAX_BODY_LINES);
    const contentStart = containerEnd(text, lineStart, lineEnd);
    if (containers > MAX_CONTAINER_DEPTH) return msg('body.containersTooDeep', MAX_CONTAINER_DEPTH);
    let blank = true;
    for (let i = lineStart; i < lineEnd; i++) {
      const c = text.charCodeAt(i);
      if (c === 42 || c === 95 || c === 91 || c === 93 || c === 126 || c === 96 || c === 60) delimiters++; // * _ [ ] ~ ` <
      if (c !== 32 && c !== 9 && c !== 13) blank = false;
    }
    if (blank) delimiters = 0;
    if (delimiters > MAX_DELIMITERS_PER_BLOCK) return msg('body.tooManyDelimiters', MAX_DELIMITERS_PER_BLOCK);
    if (!blank && !previousBlank && isUnderline(text, contentStart, lineEnd) && ++underlines > MAX_UNDERLINED_HEADINGS) {
      return msg('body.tooManyUnderlines', MAX_UNDERLINED_HEADINGS);
    }
    const quoted = quotedLine;
    if (!blank && previousQuoted && !quoted && ++lazyLines > MAX_LAZY_LINES) return msg('body.tooManyLazyLines', MAX_LAZY_LINES);
    previousBlank = blank;
    previousQuoted = quoted && !blank;
    lineStart = lineEnd + 1;
  }
  return undefined;
}

/** A line of only `=` or only `-` (after its containers): it underlines the paragraph above into a heading. */
function isUnderline(text: string, start: number, end: number): boolean {
  let i = start;
  while (i < end && text[i] === ' ') i++;
  const mark = text[i];
  if (mark !== '=' && mark !== '-') return false;
  while (i < end && text[i] === mark) i++;
  while (i < end && (text[i] === ' ' || text[i] === '\t' || text[i] === '\r')) i++;
  return i === end;
}

// Set by containerEnd for the line it last read: kept out of a returned object, as this runs on every line.
let containers = 0;
let quotedLine = false;

/** Where a line's content starts after its block quotes and list markers; counts them in `containers`. */
function containerEnd(text: string, start: number, end: number): number {
  containers = 0;
  quotedLine = false;
  let i = start;
  while (i < end) {
    const c = text[i];
    if (c === ' ' || c === '\t') i++;
    else if (c === '>') { containers++; quotedLine = true; i++; }
    else if ((c === '-' || c === '*' || c === '+') && (text[i + 1] === ' ' || text[i + 1] === '\t')) { containers++; i += 2; }
    else {
      let j = i;
      while (j < end && j - i < 9 && text[j] >= '0' && text[j] <= '9') j++;
      if (j > i && (text[j] === '.' || text[j] === ')') && (text[j + 1] === ' ' || text[j + 1] === '\t')) { containers++; i = j + 2; }
      else break;
    }
  }
  return i;
}
