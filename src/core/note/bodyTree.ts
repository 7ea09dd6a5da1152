import type { Heading, Nodes, Root, RootContent } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { LineIndex, msg } from '../base';

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

const processor = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml']);

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

export function trimTrailingBlankLines(lines: LineIndex, first: number, last: number): number {
  let end = last;
  while (end > first && lines.lineText(end).trim() === '') end--;
  return end;
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
