import { complexityProblem, identifySection, PRIVATE_ITEM, SECTION_MARKER, SectionKind, TagMention, TaskItem } from './body';
import { declaresGrowthNote, MAX_FRONTMATTER_BYTES, parseFrontmatter } from './frontmatter';
import { NoteAnalysis, noteFields, NoteFields } from './note';
import { LineIndex } from './problem';
import { QuestionScript } from './questionScript';
import { normalizeTheme } from './themes';

/** What the workspace index keeps of one note: plain data, cheap to store and to compare. */
export interface NoteSummary extends NoteFields {
  readonly isGrowthNote: boolean;
  readonly tags: readonly Pick<TagMention, 'name' | 'key' | 'line' | 'questionId' | 'private'>[];
  readonly tasks: readonly Omit<TaskItem, 'questionId'>[];
  readonly achievements?: number;
}

/** The summary of a fully parsed note (remark): the reference the fast path must match. */
export function summaryFromAnalysis(analysis: NoteAnalysis): NoteSummary {
  const { note } = analysis;
  return {
    ...noteFields(note.data),
    isGrowthNote: note.isGrowthNote,
    tags: note.tags.map(({ name, key, line, questionId, private: isPrivate }) => ({ name, key, line, questionId, private: isPrivate })),
    tasks: note.tasks.map(({ questionId: _questionId, ...task }) => task),
    achievements: note.achievements,
  };
}

// The same patterns the remark-based reader applies to text nodes and task items.
const TAG = /(^|[^\p{L}\p{N}_&#/\\])#([\p{L}\p{N}_][\p{L}\p{N}_/-]*)/gu;
const OWNER = /(?:^|\s)@([\p{L}\p{N}._-]*[\p{L}\p{N}])/u;
const DUE = /\bdue:(\d{4}-\d{2}-\d{2})\b/;
const CARRIED = /<!--\s*from:\s*([^>]*?)\s*-->/;
const HEADING = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;
const LIST_ITEM = /^( *)([-*+]|\d{1,9}[.)])([ \t]+|$)(?:\[([ xX])\](?:[ \t]+|$))?(.*)$/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const COMMENT = /<!--[\s\S]*?-->/g;

/**
 * Summarises a note without remark: the frontmatter through the YAML parser, the body with a line
 * scanner. About fifty times faster; a differential test holds it to the remark reader's results.
 */
export function summarizeNote(rawText: string, script: QuestionScript): NoteSummary {
  const text = rawText.charCodeAt(0) === 0xfeff ? rawText.slice(1) : rawText;
  const empty = { tags: [], tasks: [], achievements: undefined };
  if (!declaresGrowthNote(text)) return { ...noteFields({}), isGrowthNote: false, ...empty };
  const split = simpleFrontmatter(text) ?? fullFrontmatter(text);
  const isGrowthNote = split.data ? split.data.type === 'growth-conversation' : true;
  const fields = noteFields(split.data ?? {});
  if (complexityProblem(text.slice(split.bodyOffset))) return { ...fields, isGrowthNote, ...empty };
  const lines = text.split(/\r?\n/);
  let bodyLine = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < split.bodyOffset; i = text.indexOf('\n', i + 1)) bodyLine++;
  return { ...fields, isGrowthNote, ...scanBody(lines, bodyLine, script) };
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

const SIMPLE_LINE = /^([A-Za-z][\w-]*):(?:[ \t]+(.*?))?[ \t]*$/;
const PLAIN = /^[\p{L}][\p{L}\p{N} ._'/-]*$/u;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const RESERVED = /^(true|false|null|~)$/i;

/**
 * Most notes' frontmatter is flat `key: word` lines; those are read here, byte for byte as the YAML
 * parser would read them, at a tenth of its cost. Anything else returns undefined and goes to the parser.
 */
function simpleFrontmatter(text: string): SplitData | undefined {
  const firstEnd = text.indexOf('\n');
  if (firstEnd === -1 || text.slice(0, firstEnd).replace(/\r$/, '') !== '---') return undefined;
  const close = text.indexOf('\n---', firstEnd - 1);
  if (close === -1 || close > MAX_FRONTMATTER_BYTES) return undefined;
  const afterClose = text.indexOf('\n', close + 1);
  if (afterClose !== -1 && text.slice(close + 4, afterClose).trim() !== '') return undefined;
  const data: Record<string, unknown> = {};
  for (const raw of text.slice(firstEnd + 1, close).split('\n')) {
    const line = raw.replace(/\r$/, '');
    if (line.trim() === '' || /^#/.test(line)) continue;
    const match = SIMPLE_LINE.exec(line);
    if (!match || Object.prototype.hasOwnProperty.call(data, match[1]) || match[1] === '__proto__') return undefined;
    const value = simpleValue((match[2] ?? '').replace(/[ \t]+#.*$/, '').trim());
    if (value === undefined) return undefined;
    data[match[1]] = value;
  }
  if (Object.keys(data).length === 0) return undefined;
  return { data, bodyOffset: afterClose === -1 ? text.length : afterClose + 1 };
}

function simpleValue(value: string): unknown {
  if (value === '') return null;
  const scalar = (item: string) => (DAY.test(item) || (PLAIN.test(item) && !RESERVED.test(item)) ? item : undefined);
  if (!value.startsWith('[')) return scalar(value);
  if (!value.endsWith(']')) return undefined;
  const inner = value.slice(1, -1).trim();
  if (inner === '') return [];
  const items = inner.split(',').map(item => scalar(item.trim()));
  return items.every(item => item !== undefined) ? items : undefined;
}

function scanBody(lines: string[], firstLine: number, script: QuestionScript) {
  const tags: NoteSummary['tags'][number][] = [];
  const tasks: TaskItem[] = [];
  let achievements: number | undefined;
  let section: { kind: SectionKind; questionId?: string; countsAchievements: boolean } = { kind: 'other', countsAchievements: false };
  let fence: string | undefined;
  let listContentColumn = -1; // where the current top-level list item's text starts
  let privateItemColumn = -1; // where the text of the (private) item we are inside starts
  let inComment = false;

  for (let line = firstLine; line < lines.length; line++) {
    const source = lines[line];
    // The first visible character decides which patterns can match; most lines are plain prose.
    const lead = source.trimStart()[0] ?? '';
    if (fence !== undefined) {
      if (source.trimStart().startsWith(fence)) fence = undefined;
      continue;
    }
    const opening = lead === '`' || lead === '~' ? FENCE.exec(source) : null;
    if (opening) {
      fence = opening[1];
      continue;
    }
    // A multi-line HTML comment block holds no tags or tasks.
    if (inComment) {
      if (source.includes('-->')) inComment = false;
      continue;
    }
    if (lead === '<' && /^ {0,3}<!--/.test(source) && !source.includes('-->')) {
      inComment = true;
      continue;
    }
    const heading = lead === '#' ? HEADING.exec(source) : null;
    if (heading) {
      const depth = heading[1].length;
      const headingText = heading[2] ?? '';
      listContentColumn = -1;
      privateItemColumn = -1;
      if (depth <= 2) {
        if (depth === 2) {
          const markerId = SECTION_MARKER.exec(headingText)?.[1] ?? markerOnNextBlock(lines, line + 1);
          const identity = identifySection(markerId, stripInline(headingText), script);
          const countsAchievements = identity.question?.records === 'achievements';
          // As in the remark reader: an unrecognised heading after Private notes does not end them.
          const kind = identity.kind === 'other' && section.kind === 'private' ? 'private' : identity.kind;
          section = { kind, questionId: identity.question?.id, countsAchievements };
          if (countsAchievements) achievements ??= 0;
        } else section = { kind: section.kind === 'private' ? 'private' : 'other', countsAchievements: false };
      }
      collectTags(headingText, line, section.questionId, section.kind === 'private', tags);
      continue;
    }
    const item = lead === '-' || lead === '*' || lead === '+' || (lead >= '0' && lead <= '9') ? LIST_ITEM.exec(source) : null;
    const indent = item ? item[1].length : source.length - source.trimStart().length;
    if (item && (privateItemColumn === -1 || indent < privateItemColumn)) {
      privateItemColumn = PRIVATE_ITEM.test(stripInline(item[5])) ? indent + item[2].length + Math.max(1, item[3].length) : -1;
    } else if (!item && privateItemColumn !== -1 && source.trim() !== '' && indent < privateItemColumn && lines[line - 1]?.trim() === '') {
      privateItemColumn = -1; // not indented under the item after a blank line: the item has ended
    }
    const inPrivate = section.kind === 'private' || privateItemColumn !== -1;
    if (item && (listContentColumn === -1 || indent < listContentColumn) && indent <= 3) {
      listContentColumn = indent + item[2].length + Math.max(1, item[3].length);
      if (section.countsAchievements && stripInline(item[5]) !== '') achievements = (achievements ?? 0) + 1;
    } else if (!item && source.trim() !== '' && indent === 0 && listContentColumn !== -1 && !/^\s*>/.test(source)) {
      // A paragraph right after a list item continues it; only a blank line before it ends the list.
      if (lines[line - 1]?.trim() === '') listContentColumn = -1;
    }
    if (item?.[4] !== undefined) {
      const content = item[5];
      const text = stripInline(content);
      const carried = CARRIED.exec(content)?.[1];
      tasks.push({
        text,
        done: item[4] !== ' ',
        owner: OWNER.exec(text)?.[1],
        due: DUE.exec(text)?.[1],
        line,
        sectionKind: section.kind,
        carriedFrom: carried,
        untouchedCarry: item[4] === ' ' && carried !== undefined && /<!--\s*from:[^>]*-->\s*$/.test(content),
        private: inPrivate,
      });
    }
    collectTags(source, line, section.questionId, inPrivate, tags);
  }
  return { tags, tasks, achievements };
}

/** A marker comment alone on the first non-blank line under a heading also names the section. */
function markerOnNextBlock(lines: string[], from: number): string | undefined {
  let line = from;
  while (line < lines.length && lines[line].trim() === '') line++;
  const next = lines[line] ?? '';
  return /^ {0,3}<!--/.test(next) ? SECTION_MARKER.exec(next)?.[1] : undefined;
}

/** Visible text: comments and inline code dropped, whitespace collapsed. */
function stripInline(source: string): string {
  const visible = source.includes('<!--') ? source.replace(COMMENT, '') : source;
  return (/\s\s|\t/.test(visible) ? visible.replace(/\s+/g, ' ') : visible).trim();
}

function collectTags(source: string, line: number, questionId: string | undefined, isPrivate: boolean, into: NoteSummary['tags'][number][]) {
  if (!source.includes('#')) return;
  // Code spans and comments are not text; link targets are not either.
  const visible = source.replace(COMMENT, ' ').replace(/(`+)[^`]*?\1/g, ' ').replace(/\]\([^)]*\)/g, '] ');
  for (const match of visible.matchAll(TAG)) {
    const name = match[2].replace(/[/-]+$/, '');
    if (!/\p{L}/u.test(name)) continue;
    into.push({ name, key: normalizeTheme(name), line, questionId, private: isPrivate });
  }
}

/**
 * Where an open task is now among a note's lines: its recorded line if that still holds the same
 * task, else the only other line that does (the note changed since it was indexed). Undefined when
 * it is gone, done, or written twice: ticking a guess could tick the wrong promise.
 */
export function locateOpenTask(lines: readonly string[], task: { readonly line: number; readonly text: string }): { line: number; boxColumn: number } | undefined {
  const boxColumnAt = (line: number) => {
    const item = LIST_ITEM.exec(lines[line] ?? '');
    return item?.[4] === ' ' && stripInline(item[5]) === task.text ? item[1].length + item[2].length + item[3].length : undefined;
  };
  const own = boxColumnAt(task.line);
  if (own !== undefined) return { line: task.line, boxColumn: own };
  const elsewhere: { line: number; boxColumn: number }[] = [];
  for (let line = 0; line < lines.length && elsewhere.length < 2; line++) {
    const boxColumn = boxColumnAt(line);
    if (boxColumn !== undefined) elsewhere.push({ line, boxColumn });
  }
  return elsewhere.length === 1 ? elsewhere[0] : undefined;
}
