import { stringify } from 'yaml';
import { dirnamePosix, msg } from '../base';
import { ambiguousStructure, analyzeNote, Block, ClassifierOptions, classifyBlock, mayBePrivate, NoteAnalysis, QuestionScript, summaryFromAnalysis, theirWordsIn, withReadingRules } from '../note';
import { SHARED_COPY_TYPE, SHAREABLE_FIELDS, shareRefusal } from '../privacy';
import { agreedBefore, agreedLine, ChainNote } from '../workspace';

export interface ShareOptions {
  /** Frontmatter fields to leave out even though they are shareable. */
  readonly privateFields: readonly string[];
  /** Question sections to leave out: question ids or heading texts. */
  readonly privateSections: readonly string[];
  readonly script: QuestionScript;
  /**
   * The workspace's notes (the index), for "What we agreed last time": the actions of the person's
   * earlier conversations and what became of them. Without them the copy has no such section.
   */
  readonly earlierNotes?: readonly ChainNote[];
  /**
   * The note's own path, in the terms of `earlierNotes`' paths. Earlier notes then count only from its
   * folder: two people of one name keep separate folders, and one's actions must never reach the other's copy.
   */
  readonly notePath?: string;
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
  return withReadingRules(options.script, { privateSections: options.privateSections });
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
  const refused = shareRefusal(analysis) ?? ambiguousStructure(analysis, script);
  if (refused) return { refused };
  const removed: string[] = [];
  const frontmatter = shareableFrontmatter(analysis, options, removed);
  const body = renderBody(analysis, new Set(options.privateSections.map(name => name.trim().toLowerCase())), removed);
  const agreed = options.earlierNotes ? agreedSection(analysis, sameFolder(options.earlierNotes, options.notePath), { extraWords: script.privacyWords, person: analysis.note.person }, removed) : '';
  return { text: `${frontmatter}\n${body}${agreed}`, removed: [...new Set(removed)] };
}

/**
 * "What we agreed last time": each shared action of the person's earlier conversations, its owner,
 * when it was first written and what became of it by this conversation. An action private in any
 * note, or whose words read as private, is left out and named.
 */
/** The notes in the same folder as `notePath`; all of them when it is not known. */
function sameFolder(notes: readonly ChainNote[], notePath: string | undefined): readonly ChainNote[] {
  if (notePath === undefined) return notes;
  const folder = dirnamePosix(notePath);
  return notes.filter(note => dirnamePosix(note.path) === folder);
}

function agreedSection(analysis: NoteAnalysis, earlierNotes: readonly ChainNote[], words: ClassifierOptions, removed: string[]): string {
  const current = summaryFromAnalysis(analysis);
  if (!current.date || !current.person) return '';
  const actions = agreedBefore(earlierNotes, { ...current, path: '', date: current.date }, false);
  const shown = actions.filter(action => !action.private && !(mayBePrivate(action.text, words) && classifyBlock(action.text, words).privacy !== 'shared'));
  if (shown.length < actions.length) removed.push(msg('removed.privateEarlierActions'));
  if (shown.length === 0) return '';
  return `\n## ${msg('agreed.heading')}\n\n${shown.map(action => `- ${agreedLine(action)}`).join('\n')}\n`;
}


/** Fresh frontmatter from the allowlisted fields: no comments, nothing the schema does not mark shareable. */
function shareableFrontmatter(analysis: NoteAnalysis, options: ShareOptions, removed: string[]): string {
  const data = analysis.note.data;
  const kept: Record<string, unknown> = { type: SHARED_COPY_TYPE };
  for (const key of Object.keys(data)) {
    if (key === 'type') continue;
    if (!SHAREABLE_FIELDS.includes(key) || options.privateFields.includes(key)) removed.push(msg('removed.field', key));
    else if (readsPrivate(data[key], { extraWords: options.script.privacyWords, person: analysis.note.person })) removed.push(msg('removed.privateField', key));
    else kept[key] = data[key];
  }
  if (/(^|\s)#/.test(analysis.frontmatter?.yamlText ?? '')) removed.push(msg('removed.frontmatterComments'));
  return `---\n${stringify(kept, { lineWidth: 0 })}---\n`;
}

/** A frontmatter value whose words the classifier does not call shared. */
function readsPrivate(value: unknown, words: ClassifierOptions): boolean {
  // A value over several lines or with a `#` in it may hold what its writer took for a comment.
  return typeof value === 'string' && (/[\r\n]|\s#/.test(value) || (mayBePrivate(value, words) && classifyBlock(value, words).privacy !== 'shared'));
}

/** Why blocks are left out, in the words of the "Left out" message. */
const REASON_MESSAGES: Partial<Record<NonNullable<Block['reason']>, () => string>> = {
  beforeFirstQuestion: () => msg('removed.beforeFirstQuestion'),
  nextStepsText: () => msg('removed.nextStepsText'),
  privatePart: () => msg('removed.privatePart'),
  privateBlock: () => msg('removed.privateBlock'),
  label: () => msg('removed.privateLabel'),
  callout: () => msg('removed.privateCallout'),
  obsidianComment: () => msg('removed.obsidianComment'),
  definition: () => msg('removed.definitions'),
  footnote: () => msg('removed.footnotes'),
  hiddenHtml: () => msg('removed.hiddenHtml'),
  unreadableComment: () => msg('removed.unreadableComment'),
  unclosedComment: () => msg('removed.unclosedComment'),
  linkToPrivate: () => msg('removed.linkToPrivate'),
};

/** The body of the copy: the lines of the shared top-level blocks, less what is not shared inside them. */
function renderBody(analysis: NoteAnalysis, listed: ReadonlySet<string>, removed: string[]): string {
  const { note, lines } = analysis;
  nameLeftOut(analysis, listed, removed);
  const hidden = [...note.hidden].sort((a, b) => a.start - b.start);
  // The person's own words (a pre-read's answers) are labelled as theirs: the marker that says so is a comment the copy drops.
  const theirs = new Set([...theirWordsIn(analysis).values()].map(words => words.line));
  const out: string[] = [];
  note.blocks.forEach((unit, index) => {
    if (unit.parent !== -1 || unit.privacy !== 'shared') return;
    const dropped = new Set<number>();
    for (let i = index + 1; i < note.blocks.length && note.blocks[i].start < unit.end; i++) {
      const inner = note.blocks[i];
      // An empty list item (the scaffold's "1." left unfilled) says nothing to the person either.
      const empty = inner.kind === 'item' && inner.text.trim() === '' && inner.startLine === inner.endLine;
      if (inner.privacy !== 'shared' || empty) for (let l = inner.startLine; l <= inner.endLine; l++) dropped.add(l);
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
    if (kept.length > 0) out.push(`${theirs.has(unit.startLine) ? `_${msg('share.theirWords')}_\n\n` : ''}${kept.join('\n')}`);
  });
  return `${out.join('\n\n').replace(/\n{3,}/g, '\n\n')}\n`;
}

/**
 * Names what the copy leaves out, in the order the note has it: sections as a whole, and inside the
 * shown sections each block left out for its words or its place, and each comment or piece of HTML.
 */
function nameLeftOut({ note, lines }: NoteAnalysis, listed: ReadonlySet<string>, removed: string[]) {
  const named: { at: number; message: string }[] = [];
  const at = (line: number) => lines.offsetAt({ line, character: 0 });
  // In a section the copy shows, or outside every section (what is named there, is named block by block).
  const shownAt = (line: number) => {
    let section = note.sections.length - 1;
    while (section >= 0 && note.sections[section].headingLine > line) section--;
    return section < 0 || note.sections[section].endLine < line || note.sections[section].shareable;
  };
  for (const section of note.sections) {
    if (section.shareable) continue;
    const name = section.heading || 'untitled';
    const message = section.kind === 'private' ? msg('removed.section', name)
      : section.kind === 'question' || listed.has(name.trim().toLowerCase()) ? msg('removed.sectionListed', name) : msg('removed.sectionNotInScript', name);
    named.push({ at: at(section.headingLine), message });
  }
  for (const block of note.blocks) {
    // A block inside one that is left out goes with it, unnamed; so does one in a section named as a whole.
    const inShownPlace = block.section === -1 || note.sections[block.section].shareable;
    if (block.privacy === 'shared' || !inShownPlace || (note.blocks[block.parent]?.privacy ?? 'shared') !== 'shared') continue;
    if (block.reason === 'uncertain') named.push({ at: block.start, message: msg('removed.uncertain', block.startLine + 1, block.because ?? '') });
    const message = block.kind === 'item' && block.reason === 'privateBlock' ? msg('removed.privateItem') : block.reason && REASON_MESSAGES[block.reason]?.();
    if (message) named.push({ at: block.start, message });
  }
  for (const span of note.hidden) {
    if (!shownAt(lines.positionAt(span.start).line)) continue;
    named.push({ at: span.start, message: msg(span.reason === 'hiddenHtml' ? 'removed.hiddenHtml' : span.comment ? 'removed.comments' : 'removed.rawHtml') });
  }
  removed.push(...named.sort((a, b) => a.at - b.at).map(n => n.message));
}

/** A line's text without the hidden stretches that overlap it; a space before a cut goes with it. */
function withoutHidden(source: string, lineStart: number, hidden: readonly { start: number; end: number }[]): string {
  let result = '';
  let position = 0;
  for (const { start, end } of hidden) {
    const from = Math.max(0, start - lineStart);
    const to = Math.min(source.length, end - lineStart);
    if (to <= 0 || from >= source.length || to <= position) continue;
    result = joinedBySpace(result, source.slice(position, Math.max(position, from)));
    position = Math.max(position, to);
  }
  return joinedBySpace(result, source.slice(position));
}

/** Two pieces of a line either side of what was taken out: one space where both had one, so words stay apart and no gap doubles. */
function joinedBySpace(text: string, more: string): string {
  return /[ \t]$/.test(text) && /^[ \t]/.test(more) ? text + more.replace(/^[ \t]+/, '') : text + more;
}

/** Which of the sensitive words the text still contains (whole words, any case). */
export function sensitiveWordsIn(text: string, words: readonly string[]): string[] {
  return words.filter(word => word.trim() !== '' && new RegExp(`(^|[^\\p{L}\\p{N}])${escapeRegExp(word.trim())}([^\\p{L}\\p{N}]|$)`, 'iu').test(text));
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
