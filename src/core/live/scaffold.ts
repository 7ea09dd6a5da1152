import { analyzeNote, Note, QuestionScript, RecordKind } from '../note';
import { dirnamePosix, isDayShaped, normalizePosix, relativePosix } from '../base';

/** What the previous conversation with the same person left open. */
export interface CarryOver {
  /** Relative path from the new note to the previous one. */
  readonly previousPath: string;
  readonly previousDate: string;
  readonly goals: readonly string[];
  readonly openActions: readonly string[];
  /** For each open action, the date it was first written (kept across carries); same order as openActions. */
  readonly openActionsFirstWritten?: readonly string[];
  readonly manager?: string;
  readonly team?: string;
  readonly level?: string;
  /** The person's stable id (`personId`), carried so every later note says who it is about without a name. */
  readonly personId?: string;
}

/** How much of the method's guidance a new note carries as comments: all of it, or none (the guide shows it either way). */
export type GuidanceComments = 'comments' | 'none';

/** Stands for the empty line an answer goes on; survives the collapse of blank runs, then becomes empty. */
const ANSWER_SLOT = '\u0001';

export interface NewNoteInput {
  readonly person: string;
  readonly date: string;
  readonly manager?: string;
  readonly script: QuestionScript;
  readonly carryOver?: CarryOver;
  /** What the organisation did about the themes this person raised last time, one line each. */
  readonly orgResponses?: readonly string[];
  /** Guidance comments under each heading; `comments` when left out. */
  readonly guidance?: GuidanceComments;
  /** The person's stable id for a new person (pseudonymous folders); a known person's comes with the carry-over. */
  readonly personId?: string;
  /** A team's own template; variables are {{person}}, {{date}}, {{manager}}, {{previous}}, {{questions}}, {{carriedGoals}}, {{carriedActions}}. */
  readonly template?: string;
}

export const DEFAULT_TEMPLATE = `---
type: growth-conversation
person: {{personYaml}}
date: {{date}}
{{managerLine}}{{teamLine}}{{levelLine}}{{previousLine}}{{personIdLine}}flightRisk: not-assessed
themes: []
---

# Growth conversation: {{person}}, {{date}}

{{questions}}

## Next steps <!-- growth:next-steps -->
<!-- Action items: - [ ] what @owner due:YYYY-MM-DD -->
{{carriedActions}}

## Private notes <!-- growth:private -->
<!-- For you only: never included in a shared copy. -->
`;

/** Renders a new note. Unknown {{variables}} are left as they are, so a typo shows in the note. */
export function renderNewNote(input: NewNoteInput): string {
  const carry = input.carryOver;
  const values: Record<string, string> = {
    person: input.person,
    personYaml: yamlScalar(input.person),
    date: input.date,
    manager: input.manager ?? '',
    previous: carry?.previousPath ?? '',
    managerLine: (input.manager ?? carry?.manager) ? `manager: ${yamlScalar(input.manager ?? carry?.manager ?? '')}\n` : '',
    teamLine: carry?.team ? `team: ${yamlScalar(carry.team)}\n` : '',
    levelLine: carry?.level ? `level: ${yamlScalar(carry.level)}\n` : '',
    previousLine: carry ? `previous: ${yamlScalar(carry.previousPath)}\n` : '',
    personId: input.personId ?? carry?.personId ?? '',
    personIdLine: (input.personId ?? carry?.personId) ? `personId: ${input.personId ?? carry?.personId}\n` : '',
    carriedGoals: carriedList(carry?.goals ?? [], carry?.previousDate),
    carriedActions: carriedList(carry?.openActions ?? [], carry?.previousDate, carry?.openActionsFirstWritten),
  };
  const withComments = (input.guidance ?? 'comments') === 'comments';
  values.questions = renderQuestions(input.script, values.carriedGoals, withComments, input.orgResponses ?? []);
  let template = input.template ?? DEFAULT_TEMPLATE;
  if (!input.template) {
    // Next steps gets a fresh line below the carried actions, like every question.
    template = template.replace('{{carriedActions}}\n', `{{carriedActions}}\n${ANSWER_SLOT}\n`);
    // Private notes too, so the note still ends with a line break once that line is typed on.
    template = template.replace(/-->\n$/, `-->\n${ANSWER_SLOT}\n`);
    if (!withComments) template = template.replace(NEXT_STEPS_HELP, '');
  }
  const rendered = template.replace(/\{\{(\w+)\}\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(values, name) ? values[name] : whole);
  return rendered.replace(/\n{3,}/g, '\n\n').split(ANSWER_SLOT).join('');
}

const NEXT_STEPS_HELP = '<!-- Action items: - [ ] what @owner due:YYYY-MM-DD -->\n';

function renderQuestions(script: QuestionScript, carriedGoals: string, withComments: boolean, orgResponses: readonly string[]): string {
  // Question 8 asks what the person would change: the place to tell them what changed since last time.
  const changeQuestion = script.questions.find(q => q.id === 'change-anything') ?? script.questions[7];
  return script.questions.map((question, index) => {
    const lines = [`## ${index + 1}. ${question.title} <!-- growth:${question.id} -->`];
    const help = guidance(question.why, question.listenFor, question.capture);
    if (help && withComments) lines.push(`<!-- ${help} -->`);
    if (question.records === 'achievements') lines.push('1. ', '2. ', '3. ');
    else {
      if (question.records === 'goalReview' && carriedGoals) {
        if (withComments) lines.push('<!-- Goals from last time: tick each one met, or note what blocked it. -->');
        lines.push(carriedGoals);
      }
      // Not guidance but news for the person, so it is written whatever the guidance setting says.
      if (question === changeQuestion && orgResponses.length > 0) {
        lines.push(`<!-- What the organisation did about what they raised last time: ${guidance(...orgResponses.map(r => `${r.replace(/\s+/g, ' ')};`)).replace(/;$/, '.')} -->`);
      }
      // A fresh line to type the answer on, and a blank line before the next heading.
      lines.push(ANSWER_SLOT);
    }
    return lines.join('\n');
  }).join('\n\n');
}

function guidance(...parts: string[]): string {
  // "--" would end the comment early.
  return parts.filter(Boolean).join(' ').replace(/--/g, '-');
}

function carriedList(items: readonly string[], from: string | undefined, firstWritten?: readonly string[]): string {
  // An item carried twice keeps the date it was first written, not the date of the note it came through.
  // The carried text is what a reader saw: a `<` in it is written escaped, so it cannot open a comment or a tag in the new note.
  return items.map((item, i) => `- [ ] ${item.replace(/</g, '\\<')} <!-- from: ${firstWritten?.[i] ?? from ?? 'earlier'} -->`).join('\n');
}

/** Quotes a YAML scalar only when it needs it. */
export function yamlScalar(value: string): string {
  // Plain only when YAML 1.2 (and a 1.1 reader) would still read it back as this same text.
  const looksLikeNumber = /^[-+]?(\d[\d_]*\.?\d*|\.\d+)([eE][-+]?\d+)?$|^0[xo]/i.test(value);
  const plain = /^[\p{L}\p{N}][\p{L}\p{N} .'_/-]*$/u.test(value) && !/^(true|false|null|yes|no|on|off|y|n|~)$/i.test(value) && !looksLikeNumber;
  return plain && !/ $/.test(value) ? value : JSON.stringify(value);
}

/** Reads what the previous conversation left open: its six-month goals and its unticked action items. */
export function carryOverFrom(previousText: string, previousPath: string, script: QuestionScript): CarryOver | undefined {
  const note = analyzeNote(previousText, script).note;
  if (!note.isGrowthNote) return undefined;
  const open = note.tasks.filter(t => !t.done && t.sectionKind === 'next-steps');
  const previousDate = note.date ?? 'earlier';
  return {
    // What the person may not see stays marked private in the new note, so it stays out of their copy.
    previousPath, previousDate, goals: answersTo(note, 'sixMonthGoals'), openActions: open.map(t => (t.private ? markedPrivate(t.text) : t.text)),
    openActionsFirstWritten: open.map(t => (isDayShaped(t.carriedFrom) ? t.carriedFrom : previousDate)),
    manager: note.manager, team: note.team, level: note.level, ...(note.stablePersonId ? { personId: note.stablePersonId } : {}),
  };
}

/**
 * What a note answered to the question that records `records`, one entry per paragraph or top-level
 * list item, as the note model reads them (comments left out). An entry that is not shared comes back
 * marked (private), so it never loses its privacy.
 */
export function answersTo(note: Note, records: RecordKind): string[] {
  return answerBlocks(note, records).map(block => (block.privacy === 'shared' ? block.text : markedPrivate(block.text)));
}

/** The answers to the question that records `records` that the note model calls shared: only these may leave the note. */
export function sharedAnswersTo(note: Note, records: RecordKind): string[] {
  return answerBlocks(note, records).filter(block => block.privacy === 'shared').map(block => block.text);
}

function answerBlocks(note: Note, records: RecordKind): Note['blocks'][number][] {
  const section = note.sections.findIndex(s => s.records === records);
  if (section === -1) return [];
  // Lists whose items are answers: the section's own, and those nested in an answer that is not shared.
  const answerLists = new Set<number>();
  const answers: Note['blocks'][number][] = [];
  note.blocks.forEach((block, index) => {
    if (block.section !== section) return;
    const parent = note.blocks[block.parent];
    if (block.kind === 'list' && (block.parent === -1 || (parent?.kind === 'item' && parent.privacy !== 'shared' && answerLists.has(parent.parent)))) answerLists.add(index);
    const answer = (block.kind === 'paragraph' && block.parent === -1) || (block.kind === 'item' && answerLists.has(block.parent));
    // A label ("Private notes:") says what follows is private; it is no answer of its own.
    if (answer && block.text !== '' && block.reason !== 'label') answers.push(block);
  });
  return answers;
}

/** A carried answer the copy would leave out says so at its end, whatever marks it already: the next note reads it the same way. */
function markedPrivate(item: string): string {
  return /\(private\)\s*$/i.test(item) ? item : `${item} (private)`;
}

/** A folder name for a person: lower case, accents dropped, words joined by hyphens. */
export function personSlug(person: string): string {
  const slug = person.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '');
  return slug || 'person';
}

/**
 * A folder name for a new person that no one else uses: two people called Sam Lee (say, in
 * different teams) get `sam-lee` and `sam-lee-2`, so their notes never mix.
 */
export function uniquePersonSlug(person: string, takenSlugs: ReadonlySet<string>): string {
  const slug = personSlug(person);
  if (!takenSlugs.has(slug)) return slug;
  for (let n = 2; ; n++) if (!takenSlugs.has(`${slug}-${n}`)) return `${slug}-${n}`;
}

/** The note's path under the notes folder, from a pattern with {person} and {date}. */
export function notePath(pattern: string, person: string, date: string, slug = personSlug(person)): string {
  const path = pattern.replace(/\{person\}/g, slug).replace(/\{date\}/g, date);
  return normalizePosix(path.endsWith('.md') ? path : `${path}.md`).replace(/^(\.\.\/)+/, '');
}

/** The first path not taken: `2026-05-01.md`, then `2026-05-01-2.md`, `-3`... */
export function nextFreePath(path: string, taken: (candidate: string) => boolean): string {
  if (!taken(path)) return path;
  const stem = path.replace(/\.md$/, '');
  for (let n = 2; ; n++) {
    const candidate = `${stem}-${n}.md`;
    if (!taken(candidate)) return candidate;
  }
}

/** Relative path from one note to another, with `/`. */
export function relativeNotePath(fromNote: string, toNote: string): string {
  return relativePosix(dirnamePosix(fromNote), toNote);
}

// The command line (src/cli) still imports the day format from here; its home is dates.ts.
