import { stringify } from 'yaml';
import { MessageId, msg } from '../base';
import { analyzeNote, Block, isPrivateHeading, NoteAnalysis, QuestionScript, questionsNamed } from '../note';
import { SHARED_COPY_TYPE, SHAREABLE_FIELDS, shareRefusal } from '../privacy';

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

/** The reading rules a copy is made with: the script, with the sections the manager keeps private. */
export function sharingScript(options: ShareOptions): QuestionScript {
  const listed = questionsNamed(options.privateSections, options.script);
  const privateQuestions = [...new Set([...(options.script.privateQuestions ?? []), ...listed])];
  return privateQuestions.length === 0 ? options.script : { ...options.script, privateQuestions };
}

/**
 * The copy of a note the person may see: the title, the shared blocks of the script's sections (Next
 * steps: its action items), and the shareable frontmatter fields. Which block is shared is the note
 * model's decision, the same one the report and the digest count by; everything else is left out and
 * named; a note that cannot be read with certainty is refused.
 */
export function shareableCopy(noteText: string, options: ShareOptions): SharedCopy | ShareRefused {
  // Every line break the editor shows is one here too (a lone CR, U+2028…), so the copy is cut where the manager sees the lines.
  const script = sharingScript(options);
  const analysis = analyzeNote(noteText.replace(/\r\n?|[\u2028\u2029\u0085]/g, '\n'), script);
  const refused = shareRefusal(analysis) ?? structureRefusal(analysis, script);
  if (refused) return { refused };
  const removed: string[] = [];
  const frontmatter = shareableFrontmatter(analysis, options, removed);
  const body = renderBody(analysis, removed);
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

/**
 * Why the note's structure is too ambiguous to share, or undefined: two sections for one question,
 * two markers naming different sections on one heading, or a line that reads like a Private heading
 * but is not read as a section of its own.
 */
function structureRefusal(analysis: NoteAnalysis, script: QuestionScript): string | undefined {
  const { note, lines } = analysis;
  const seen = new Map<string, number>();
  for (const section of note.sections) {
    if (!section.questionId) continue;
    const first = seen.get(section.questionId);
    if (first !== undefined) return msg('share.twoSections', first + 1, section.headingLine + 1);
    seen.set(section.questionId, section.headingLine);
  }
  for (const section of note.sections) {
    const next = section.endLine > section.headingLine ? lines.lineText(section.headingLine + 1) : '';
    const markers = [...`${lines.lineText(section.headingLine)}\n${next}`.matchAll(/<!--\s*growth\s*:\s*([^>]*?)\s*-->/gi)];
    if (new Set(markers.map(m => m[1].toLowerCase())).size > 1) return msg('share.twoMarkers', section.headingLine + 1);
  }
  const headings = new Set(note.blocks.filter(b => b.kind === 'heading' && b.parent === -1).map(b => b.startLine));
  const code = new Set(note.blocks.filter(b => b.kind === 'code').flatMap(b => lineNumbers(b)));
  const shown = new Set(note.blocks.filter(b => b.privacy === 'shared' && b.parent === -1).flatMap(b => lineNumbers(b)));
  for (const line of [...shown].sort((a, b) => a - b)) {
    if (headings.has(line) || code.has(line)) continue;
    const heading = PRIVATE_HEADING_LIKE.exec(lines.lineText(line));
    if (heading && isPrivateHeading(heading[1], { extraWords: script.privacyWords, person: note.person })) return msg('share.misreadPrivateHeading', line + 1);
  }
  return undefined;
}

/** A line that a person reads as a heading: `#`s and a space after any spaces, invisible characters, emphasis, list or quote markers. */
const PRIVATE_HEADING_LIKE = /^[\s\p{Zs}\p{Cf}>*+\-\d.)_]*#{1,6}[\s\p{Zs}\p{Cf}]+(.+)$/u;

function lineNumbers(block: Block): number[] {
  return Array.from({ length: block.endLine - block.startLine + 1 }, (_, i) => block.startLine + i);
}

/** Why blocks are left out, in the words of the "Left out" message. */
const REASON_MESSAGES: Partial<Record<NonNullable<Block['reason']>, MessageId>> = {
  beforeFirstQuestion: 'removed.beforeFirstQuestion', nextStepsText: 'removed.nextStepsText', privatePart: 'removed.privatePart',
  privateBlock: 'removed.privateBlock', label: 'removed.privateLabel', callout: 'removed.privateCallout',
  obsidianComment: 'removed.obsidianComment', definition: 'removed.definitions', footnote: 'removed.footnotes',
  hiddenHtml: 'removed.hiddenHtml', unreadableComment: 'removed.unreadableComment', unclosedComment: 'removed.unclosedComment',
  linkToPrivate: 'removed.linkToPrivate',
};

/** The body of the copy: the lines of the shared top-level blocks, less what is not shared inside them. */
function renderBody(analysis: NoteAnalysis, removed: string[]): string {
  const { note, lines } = analysis;
  nameLeftOut(analysis, removed);
  const hidden = [...note.hidden].sort((a, b) => a.start - b.start);
  const out: string[] = [];
  note.blocks.forEach((unit, index) => {
    if (unit.parent !== -1 || unit.privacy !== 'shared') return;
    const dropped = new Set<number>();
    for (let i = index + 1; i < note.blocks.length && note.blocks[i].start < unit.end; i++) {
      const inner = note.blocks[i];
      if (inner.privacy !== 'shared') for (let l = inner.startLine; l <= inner.endLine; l++) dropped.add(l);
    }
    const kept: string[] = [];
    for (let l = unit.startLine; l <= unit.endLine; l++) {
      if (dropped.has(l)) continue;
      const source = lines.lineText(l).replace(/\r$/, '');
      const visible = withoutHidden(source, lines.offsetAt({ line: l, character: 0 }), hidden);
      // A line that held only a comment or raw HTML goes with it.
      if (visible.trim() === '' && source.trim() !== '') continue;
      kept.push(visible.replace(/[ \t]+$/, ''));
    }
    while (kept.length > 0 && kept[kept.length - 1] === '') kept.pop();
    if (kept.length > 0) out.push(kept.join('\n'));
  });
  return `${out.join('\n\n').replace(/\n{3,}/g, '\n\n')}\n`;
}

/** Names what the copy leaves out: sections as a whole, and each block left out for its words or its place in a section. */
function nameLeftOut({ note }: NoteAnalysis, removed: string[]) {
  note.sections.forEach(section => {
    if (section.shareable) return;
    const name = section.heading || 'untitled';
    removed.push(msg(section.kind === 'private' ? 'removed.section' : section.kind === 'question' ? 'removed.sectionListed' : 'removed.sectionNotInScript', name));
  });
  for (const block of note.blocks) {
    if (block.privacy === 'uncertain' && block.reason === 'uncertain') {
      removed.push(msg('removed.uncertain', block.startLine + 1, block.because ?? ''));
      continue;
    }
    const id = block.reason && REASON_MESSAGES[block.reason];
    if (id && (block.section === -1 || note.sections[block.section]?.shareable)) removed.push(msg(id));
  }
  for (const span of note.hidden) removed.push(msg(span.reason === 'hiddenHtml' ? 'removed.hiddenHtml' : span.comment ? 'removed.comments' : 'removed.rawHtml'));
}

/** A line's text without the hidden stretches that overlap it; a space before a cut goes with it. */
function withoutHidden(source: string, lineStart: number, hidden: readonly { start: number; end: number }[]): string {
  let result = '';
  let position = 0;
  for (const { start, end } of hidden) {
    const from = Math.max(0, start - lineStart);
    const to = Math.min(source.length, end - lineStart);
    if (to <= 0 || from >= source.length || to <= position) continue;
    result += source.slice(position, Math.max(position, from)).replace(/[ \t]$/, '');
    position = Math.max(position, to);
  }
  return result + source.slice(position);
}

/** Which of the sensitive words the text still contains (whole words, any case). */
export function sensitiveWordsIn(text: string, words: readonly string[]): string[] {
  return words.filter(word => word.trim() !== '' && new RegExp(`(^|[^\\p{L}\\p{N}])${escapeRegExp(word.trim())}([^\\p{L}\\p{N}]|$)`, 'iu').test(text));
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
