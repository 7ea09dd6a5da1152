import { FIELD_SCHEMAS, msg } from '../base';
import { analyzeNote, classifyBlock, ClassifierOptions, mayBePrivate, Note, QuestionScript, summaryFromAnalysis, withTagsEscaped } from '../note';
import { agreedActions, ChainNote } from '../workspace';
import { sharedAnswersTo, yamlScalar } from '../live';
import { sensitiveWordsIn, shareableCopy, sharingScript } from './share';
import type { AccessSourceFile } from './subjectAccess';

/** Words about pay: a passage holding one stays with the manager who wrote it. */
export const PAY_WORDS: readonly string[] = ['salary', 'salaries', 'pay', 'paid', 'payrise', 'pay rise', 'compensation', 'comp', 'bonus', 'bonuses', 'raise', 'equity', 'stock', 'shares', 'wage', 'wages', 'remuneration', 'Gehalt', 'salaire', 'sueldo', 'salario', 'stipendio', 'salário'];

export interface HandoverRequest {
  /** The person, as their notes spell them. */
  readonly person: string;
  /** The person's notes (one person's: the caller picks them by identity), any order. */
  readonly notes: readonly AccessSourceFile[];
  readonly script: QuestionScript;
  /** The configuration's private fields and sections: what a shareable copy leaves out leaves out here too. */
  readonly privateFields: readonly string[];
  readonly privateSections: readonly string[];
  /** The configuration's sensitive words (`share.sensitiveWords`): a passage holding one is not carried. */
  readonly sensitiveWords?: readonly string[];
  /** The day of the handover, YYYY-MM-DD: the new note's date. */
  readonly today: string;
  /** The stable id to give the person when none of their notes carries one (`newStablePersonId`). */
  readonly newId: string;
  /** The new manager, for the note's `manager`. */
  readonly toManager?: string;
}

export interface HandoverNote {
  /** The new manager's first note. */
  readonly text: string;
  /** The person's stable id, in the note's frontmatter. */
  readonly personId: string;
  /** True when none of the person's notes carried an id and `newId` was given to them. */
  readonly idIsNew: boolean;
  /** How many of the person's notes it was built from. */
  readonly notesRead: number;
  /** What was left out, in words for the manager: notes refused by the gate (and why), passages about pay. */
  readonly leftOut: readonly string[];
}

/** One note the gate let through, with what it carries. */
interface Passed {
  readonly date: string;
  readonly note: Note;
  readonly chain: ChainNote;
}

/**
 * The first note for a new manager, from the person's notes, through the privacy gate: their six-month
 * and two-year goals over time (the latest ones under their questions, so the next conversation reviews
 * them), the actions still open with the day each was first written, the career path over time and the
 * days copies were shared. A note the shareable copy would refuse gives nothing; of the rest only what
 * the note model calls shared leaves, and no passage about pay. Never flight risk, Private notes, private
 * or uncertain passages. The person's stable id comes along, so the two managers' notes count as one person.
 */
export function handoverNote(request: HandoverRequest): HandoverNote {
  const script = sharingScript({ script: request.script, privateFields: request.privateFields, privateSections: request.privateSections });
  const leftOut: string[] = [];
  const passed: Passed[] = [];
  let personId: string | undefined;
  let idDate = '';
  for (const file of request.notes) {
    const analysis = analyzeNote(file.text, script);
    const { note } = analysis;
    if (!note.isGrowthNote || !note.date) continue;
    if (note.stablePersonId && note.date >= idDate) [personId, idDate] = [note.stablePersonId, note.date];
    const copy = shareableCopy(file.text, { script: request.script, privateFields: request.privateFields, privateSections: request.privateSections });
    if ('refused' in copy) {
      leftOut.push(msg('handover.noteRefused', file.path, copy.refused));
      continue;
    }
    passed.push({ date: note.date, note, chain: { ...summaryFromAnalysis(analysis), path: file.path } });
  }
  passed.sort((a, b) => a.date.localeCompare(b.date));
  const words: ClassifierOptions = { extraWords: script.privacyWords, person: request.person };
  const keep = keeper([...PAY_WORDS, ...(request.sensitiveWords ?? [])], words, leftOut);
  const text = renderHandover(request, passed, personId ?? request.newId, keep);
  return { text, personId: personId ?? request.newId, idIsNew: personId === undefined, notesRead: passed.length, leftOut: [...new Set(leftOut)] };
}

/** Says whether a passage may be carried: not about pay or a sensitive word, not reading as private. Names each one left out. */
function keeper(sensitive: readonly string[], words: ClassifierOptions, leftOut: string[]): (text: string) => boolean {
  return text => {
    if (mayBePrivate(text, words) && classifyBlock(text, words).privacy !== 'shared') {
      leftOut.push(msg('handover.privatePassage'));
      return false;
    }
    if (sensitiveWordsIn(text, sensitive).length > 0) {
      leftOut.push(msg('handover.payPassage'));
      return false;
    }
    return true;
  };
}

function renderHandover(request: HandoverRequest, passed: readonly Passed[], personId: string, keep: (text: string) => boolean): string {
  const latest = passed[passed.length - 1]?.note;
  const allowed = (field: string) => FIELD_SCHEMAS[field]?.shareable === true && !request.privateFields.includes(field);
  const careerPaths = passed.map(p => ({ date: p.date, value: allowed('careerPath') && FIELD_SCHEMAS.careerPath.enum?.includes(p.note.careerPath ?? '') ? p.note.careerPath : undefined }));
  const currentPath = [...careerPaths].reverse().find(entry => entry.value)?.value;
  const frontmatter = [
    '---', 'type: growth-conversation', `person: ${yamlScalar(request.person)}`, `date: ${request.today}`,
    ...(request.toManager ? [`manager: ${yamlScalar(request.toManager)}`] : []),
    ...(latest?.team && allowed('team') && keep(latest.team) ? [`team: ${yamlScalar(latest.team)}`] : []),
    ...(latest?.level && allowed('level') && FIELD_SCHEMAS.level.enum?.includes(latest.level) ? [`level: ${latest.level}`] : []),
    ...(currentPath ? [`careerPath: ${currentPath}`] : []),
    'flightRisk: not-assessed', 'themes: []', `personId: ${personId}`, '---',
  ];
  const question = (records: 'sixMonthGoals' | 'careerPath') => request.script.questions.find(q => q.records === records);
  // Themes were raised in the earlier conversations: copied here, they are no theme of this note.
  const goalsOf = (p: Passed, records: 'sixMonthGoals' | 'careerPath') => sharedAnswersTo(p.note, records).filter(keep).map(withTagsEscaped);
  const first = passed[0]?.date ?? request.today;
  const body = [
    `# ${msg('handover.title', request.person, request.today)}`, '',
    passed.length === 0 ? msg('handover.fromNone') : msg('handover.from', passed.length, first, latest ? passed[passed.length - 1].date : first), '',
    ...questionSection(question('sixMonthGoals'), latest ? goalsOf(passed[passed.length - 1], 'sixMonthGoals') : []),
    ...questionSection(question('careerPath'), latest ? goalsOf(passed[passed.length - 1], 'careerPath') : []),
    `## ${msg('handover.goalsOverTime')}`, '',
    ...listOrNone(passed.flatMap(p => [
      ...goalsOf(p, 'sixMonthGoals').map(goal => msg('handover.sixMonthGoal', p.date, goal)),
      ...goalsOf(p, 'careerPath').map(goal => msg('handover.twoYearGoal', p.date, goal)),
    ])),
    `## ${msg('handover.careerPathOverTime')}`, '',
    ...listOrNone(changes(careerPaths).map(entry => `${entry.date}: ${entry.value}`)),
    `## ${msg('handover.sharedCopies')}`, '',
    ...listOrNone(passed.filter(p => p.note.sharedOn).map(p => msg('handover.sharedOn', p.date, p.note.sharedOn ?? ''))),
    '## Next steps <!-- growth:next-steps -->',
    `<!-- ${msg('handover.nextStepsComment')} -->`,
    ...openActionLines(passed, request.today, keep), '',
    '## Private notes <!-- growth:private -->',
    `<!-- ${msg('handover.privateComment')} -->`, '',
  ];
  return [...frontmatter, '', ...body].join('\n');
}

/** A question of the script as a section holding the latest answers (none when the script has no such question). */
function questionSection(question: QuestionScript['questions'][number] | undefined, answers: readonly string[]): string[] {
  if (!question) return [];
  return [`## ${question.title} <!-- growth:${question.id} -->`, '', ...answers.map(answer => `- ${answer}`), ...(answers.length > 0 ? [''] : [])];
}

function listOrNone(lines: readonly string[]): string[] {
  return [...(lines.length === 0 ? [msg('handover.none')] : lines.map(line => `- ${line}`)), ''];
}

/** Each value where it changed from the one before: a path kept for a year shows once. */
function changes(entries: readonly { date: string; value?: string }[]): { date: string; value: string }[] {
  const shown: { date: string; value: string }[] = [];
  for (const entry of entries) {
    if (entry.value && shown[shown.length - 1]?.value !== entry.value) shown.push({ date: entry.date, value: entry.value });
  }
  return shown;
}

/** The actions still open, shared in every note that holds them, each with the day it was first written. */
function openActionLines(passed: readonly Passed[], today: string, keep: (text: string) => boolean): string[] {
  return agreedActions(passed.map(p => p.chain), today)
    .filter(action => action.status === 'open' && !action.private && keep(action.text))
    .map(action => `- [ ] ${withTagsEscaped(action.text)}${action.owner ? ` @${action.owner}` : ''}${action.due ? ` due:${action.due}` : ''} <!-- from: ${action.firstWritten} -->`);
}
