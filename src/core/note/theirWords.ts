import type { Nodes, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { bodyTree } from './bodyTree';
import { NoteAnalysis } from './note';
import { simplify, THEIR_WORDS_ID } from './sections';
import { tagAt } from './tags';

/**
 * The person's own words in a note: what they wrote in a pre-read, put under its question as a block
 * quote that this marker comment introduces. The note model knows the marker (it names no section and is
 * no typo), and every `#` and `<` in the quote is written escaped, so their words never count as the
 * manager's themes and never open a comment or raw HTML in the note.
 */
export const THEIR_WORDS_MARKER = `<!-- growth:${THEIR_WORDS_ID} -->`;
const THEIR_WORDS = /^\s*<!--\s*growth\s*:\s*their-words\s*-->\s*$/i;

/** The person's words already in a note, by question id: the visible text of the quote after each marker. */
export function theirWordsIn(analysis: NoteAnalysis): Map<string, { text: string; line: number }> {
  const { note, text } = analysis;
  const found = new Map<string, { text: string; line: number }>();
  note.blocks.forEach((block, i) => {
    if (block.kind !== 'html' || block.parent !== -1 || !THEIR_WORDS.test(text.slice(block.start, block.end))) return;
    const quote = note.blocks[i + 1];
    const questionId = note.sections[block.section]?.questionId;
    if (!quote || quote.kind !== 'quote' || quote.section !== block.section || questionId === undefined || found.has(questionId)) return;
    found.set(questionId, { text: quoteLines(analysis, i + 1), line: quote.startLine });
  });
  return found;
}

/** Whether a note may hold the person's own words (their marker, in any spacing or case): then only the full model counts its achievements. */
export function mayHoldTheirWords(text: string): boolean {
  return /growth\s*:\s*their-words/i.test(text);
}

/**
 * How many achievements the note names: the manager's own list, or the person's own words under the
 * question (a pre-read's answer, a line per item) when those name more. Undefined without the question.
 */
export function achievementsNamed(analysis: NoteAnalysis): number | undefined {
  const own = analysis.note.achievements;
  const section = analysis.note.sections.find(s => s.records === 'achievements');
  const theirs = section?.questionId === undefined ? undefined : theirWordsIn(analysis).get(section.questionId);
  if (!theirs) return own;
  return Math.max(own ?? 0, theirs.text.split('\n').filter(line => line.trim() !== '').length);
}

/** What a quote says, a line per paragraph or list item (a quote's own text runs its items together). */
function quoteLines({ note }: NoteAnalysis, quoteIndex: number): string {
  const quote = note.blocks[quoteIndex];
  const lines: string[] = [];
  for (let i = quoteIndex + 1; i < note.blocks.length && note.blocks[i].start < quote.end; i++) {
    const block = note.blocks[i];
    const inItem = note.blocks[block.parent]?.kind === 'item';
    if ((block.kind === 'item' || ((block.kind === 'paragraph' || block.kind === 'code' || block.kind === 'heading') && !inItem)) && block.text !== '') lines.push(block.text);
  }
  return lines.length > 0 ? lines.join('\n') : quote.text;
}

/**
 * Where their words go in a section: right under its heading and the comments that follow it (a marker,
 * guidance), above anything the manager wrote. An offset in the note's text at the start of a line, or
 * at the very end of the text when the heading is its last line.
 */
export function theirWordsOffset(analysis: NoteAnalysis, sectionIndex: number): number {
  const { note, lines, text } = analysis;
  const section = note.sections[sectionIndex];
  let lastLine = section.headingLine;
  for (const block of note.blocks) {
    if (block.section !== sectionIndex || block.parent !== -1 || block.kind === 'heading') continue;
    const comment = block.kind === 'html' && note.hidden.some(span => span.comment && span.start === block.start && span.end === block.end);
    if (!comment || block.startLine > lastLine + 1) break;
    lastLine = block.endLine;
  }
  return lastLine + 1 < lines.lineCount ? lines.offsetAt({ line: lastLine + 1, character: 0 }) : text.length;
}

/**
 * Their answer as a block for the note: the marker, then the answer quoted line by line. Tags are
 * written `\#` (a theme is the manager's to tag), `<` is written `\<` (no comment or HTML can open),
 * outside code.
 */
export function theirWordsBlock(answer: string): string {
  const escaped = escapeForNote(answer.replace(/\r\n?/g, '\n').trim());
  const quoted = escaped.split('\n').map(line => (line.trim() === '' ? '>' : `> ${line}`));
  return `${THEIR_WORDS_MARKER}\n${quoted.join('\n')}\n`;
}

function escapeForNote(answer: string): string {
  const parsed = bodyTree(answer, 0, 0);
  // An answer too odd to read as Markdown is kept as plain text: every character that could mean something is escaped.
  if ('skipped' in parsed) return answer.replace(/[\\`*_[\]<>#|~]/g, c => `\\${c}`);
  const at = new Set<number>();
  const visit = (node: Nodes) => {
    if (node.type === 'text' || node.type === 'html') {
      const start = node.position?.start.offset ?? 0;
      const end = node.position?.end.offset ?? start;
      for (let i = start; i < end; i++) {
        if ((answer[i] === '<' && answer[i - 1] !== '\\') || (answer[i] === '#' && (node.type === 'html' || tagAt(answer, i) !== undefined))) at.add(i);
      }
    } else if ('children' in node) node.children.forEach(visit);
  };
  visit(parsed.tree);
  let out = '';
  for (let i = 0; i < answer.length; i++) out += at.has(i) ? `\\${answer[i]}` : answer[i];
  return out;
}

/** A heading of a returned pre-read: as the person left it, and the answer under it. */
export interface ReturnedHeading {
  readonly text: string;
  /** The id in a `growth:` marker on it or right after it. */
  readonly marker?: string;
  /** The number it starts with ("3.", "Q3", "Question 3"). */
  readonly number?: number;
  /** 1-based line in the file as read (after a mail's quoting is taken off). */
  readonly line: number;
  /** Their answer as Markdown: what lies under it up to the next heading, comments and our own prompts left out. */
  readonly answer: string;
}

export interface ReturnedFile {
  readonly headings: readonly ReturnedHeading[];
  /** Text written before the first heading that is not ours. */
  readonly beforeFirst: string;
  /** Why the file could not be read as Markdown. */
  readonly skipped?: string;
}

const MARKER_IN = /<!--\s*growth\s*:\s*([a-z0-9][a-z0-9-]*)\s*-->/i;
const NUMBER = /^\s*(?:q(?:uestion)?\s*)?(\d{1,2})(?:\s*[.):–—-]|\s)/i;

/**
 * Reads a pre-read the person sent back, with the project's Markdown reader: its headings (also a
 * paragraph in bold alone, as some editors write headings), each with the answer under it. A file
 * pasted into a mail (every line quoted with `>`) is read inside its quote. `ours` tells the paragraphs
 * the pre-read itself wrote (prompts, the introduction), which are no answer.
 */
export function readReturnedFile(raw: string, ours: (simplified: string) => boolean): ReturnedFile {
  const text = (raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw).replace(/\r\n?/g, '\n');
  return readLevel(text, ours, 0);
}

function readLevel(text: string, ours: (simplified: string) => boolean, depth: number): ReturnedFile {
  const parsed = bodyTree(text, 0, 0);
  if ('skipped' in parsed) return { headings: [], beforeFirst: '', skipped: parsed.skipped };
  const nodes = parsed.tree.children;
  if (!nodes.some(isHeadingLike) && depth < 4) {
    const quote = nodes.find(node => node.type === 'blockquote' && node.children.some(isHeadingLike));
    if (quote) return readLevel(unquote(text, quote), ours, depth + 1);
  }
  const headings: ReturnedHeading[] = [];
  const before: string[] = [];
  let current: { text: string; marker?: string; number?: number; line: number; parts: string[] } | undefined;
  const finish = () => { if (current) headings.push({ text: current.text, marker: current.marker, number: current.number, line: current.line, answer: current.parts.join('\n\n') }); };
  for (const node of nodes) {
    if (isHeadingLike(node)) {
      finish();
      const words = toString(node, { includeHtml: false }).replace(/\s+/g, ' ').trim();
      const number = NUMBER.exec(words)?.[1];
      current = { text: words, marker: markerOf(node, text), number: number === undefined ? undefined : Number(number), line: node.position?.start.line ?? 1, parts: [] };
      continue;
    }
    if (node.type === 'html') {
      const marker = MARKER_IN.exec(node.value)?.[1];
      if (current && current.marker === undefined && current.parts.length === 0 && marker) current.marker = marker.toLowerCase();
      continue;
    }
    if (node.type === 'yaml' || node.type === 'definition') continue;
    const words = simplify(toString(node, { includeHtml: false }));
    if (words === '' || ours(words)) continue;
    const source = text.slice(node.position?.start.offset ?? 0, node.position?.end.offset ?? 0);
    (current ? current.parts : before).push(source);
  }
  finish();
  return { headings, beforeFirst: before.join('\n\n') };
}

/** A heading, or a paragraph that is only bold text: what another editor may have made of one. */
function isHeadingLike(node: RootContent): boolean {
  if (node.type === 'heading') return true;
  if (node.type !== 'paragraph') return false;
  const shown = node.children.filter(child => !(child.type === 'text' && child.value.trim() === '') && child.type !== 'html');
  return shown.length === 1 && shown[0].type === 'strong';
}

function markerOf(node: RootContent, text: string): string | undefined {
  const source = text.slice(node.position?.start.offset ?? 0, node.position?.end.offset ?? 0);
  return MARKER_IN.exec(source)?.[1]?.toLowerCase();
}

/**
 * The text inside a block quote that holds the whole file (a pre-read pasted into a mail): on each of
 * its lines, up to three spaces, the `>` and one space after it are taken off; a line the quote holds
 * without a `>` (a lazy line) stays as it is.
 */
function unquote(text: string, quote: RootContent): string {
  const lines = text.split('\n');
  const first = (quote.position?.start.line ?? 1) - 1;
  const last = (quote.position?.end.line ?? 1) - 1;
  return lines.slice(first, last + 1).map(line => line.replace(/^ {0,3}> ?/, '')).join('\n');
}
