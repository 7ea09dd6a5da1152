import { isMap, isScalar } from 'yaml';
import { analyzeNote } from './note';
import { QuestionScript } from './questionScript';
import { MANAGER_ONLY_FIELDS } from './schema';

export interface ShareOptions {
  /** Frontmatter fields to leave out besides the manager-only ones (flightRisk). */
  readonly privateFields: readonly string[];
  /** Sections to leave out besides Private notes: question ids or heading texts. */
  readonly privateSections: readonly string[];
  readonly script: QuestionScript;
}

export interface SharedCopy {
  readonly text: string;
  /** What was left out, in words a manager recognises, for the confirmation message. */
  readonly removed: string[];
}

const COMMENT = /<!--[\s\S]*?-->/g;
const CUT = '\u0000';
// One space before a removed comment goes with it, so "a <!-- x --> b" reads "a b".
const CUT_WITH_SPACE = new RegExp(`[ \\t]?${CUT}`, 'g');

/**
 * The copy of a note the person may see: no manager-only or listed fields, no Private notes or listed
 * sections, no comments (so no scaffolded guidance), no task marked (private). Everything else is kept
 * as written.
 */
export function shareableCopy(noteText: string, options: ShareOptions): SharedCopy {
  const analysis = analyzeNote(noteText, options.script);
  const { note, lines } = analysis;
  const drop = new Set<number>();
  const removed: string[] = [];

  // Frontmatter: drop whole key lines (with a block value's lines) of private fields.
  const hidden = new Set([...MANAGER_ONLY_FIELDS, ...options.privateFields]);
  const root = analysis.frontmatter?.document.contents;
  if (analysis.frontmatter && isMap(root)) {
    const offset = analysis.frontmatter.yamlOffset;
    const pairs = root.items;
    pairs.forEach((pair, i) => {
      const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
      if (!key || !hidden.has(key) || !(pair.key as { range?: number[] }).range) return;
      const first = lines.positionAt(offset + (pair.key as { range: number[] }).range[0]).line;
      const nextKey = pairs[i + 1]?.key as { range?: number[] } | null | undefined;
      const last = nextKey?.range ? lines.positionAt(offset + nextKey.range[0]).line - 1
        : lines.positionAt(offset + analysis.frontmatter!.yamlText.length).line;
      for (let line = first; line <= last; line++) drop.add(line);
      removed.push(`the ${key} field`);
    });
  }

  const privateSections = new Set(options.privateSections.map(s => s.trim().toLowerCase()));
  for (const section of note.sections) {
    const listed = (section.questionId && privateSections.has(section.questionId)) || privateSections.has(section.heading.trim().toLowerCase());
    if (section.kind !== 'private' && !listed) continue;
    const next = note.sections.find(s => s.headingLine > section.headingLine);
    const last = next ? next.headingLine - 1 : lines.lineCount - 1;
    for (let line = section.headingLine; line <= last; line++) drop.add(line);
    removed.push(`the "${section.heading}" section`);
  }

  for (const task of note.tasks) {
    if (!task.private || drop.has(task.line)) continue;
    drop.add(task.line);
    // Lines indented under the item belong to it.
    const indent = indentOf(lines.lineText(task.line));
    for (let line = task.line + 1; line < lines.lineCount && lines.lineText(line).trim() !== '' && indentOf(lines.lineText(line)) > indent; line++) drop.add(line);
    removed.push('a private action item');
  }

  const kept: string[] = [];
  for (let line = 0; line < lines.lineCount; line++) if (!drop.has(line)) kept.push(lines.lineText(line));
  // Mark where comments were, then drop lines that held nothing else and tidy the space they leave.
  const marked = kept.join('\n').replace(COMMENT, match => `${CUT}${'\n'.repeat(match.split('\n').length - 1)}`);
  if (marked.includes(CUT)) removed.push('comments and guidance');
  const text = marked.split('\n')
    .filter(line => !(line.includes(CUT) && line.replaceAll(CUT, '').trim() === ''))
    .map(line => line.replace(CUT_WITH_SPACE, '').replace(/[ \t]+$/, ''))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .replace(/\n*$/, '\n');
  return { text, removed };
}

/** Which of the sensitive words the text still contains (whole words, any case). */
export function sensitiveWordsIn(text: string, words: readonly string[]): string[] {
  return words.filter(word => word.trim() !== '' && new RegExp(`(^|[^\\p{L}\\p{N}])${escapeRegExp(word.trim())}([^\\p{L}\\p{N}]|$)`, 'iu').test(text));
}

function indentOf(line: string): number {
  return line.length - line.trimStart().length;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
