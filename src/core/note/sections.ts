import { closestValue } from '../base';
import { isPrivateHeading } from './privacyClassifier';
import { Question, QuestionScript, RecordKind } from './questionScript';

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
  /** What it may show someone else: a question not listed as private, or Next steps. */
  readonly shareable: boolean;
}

/**
 * `<!-- growth:<id> -->`, in any case and spacing; the id is compared in lower case. The marker of the
 * person's own words (`growth:their-words`) names no section, so it never decides which one a heading opens.
 */
export const SECTION_MARKER = /<!--\s*growth\s*:\s*(?!their-words\s*-->)([a-z0-9][a-z0-9-]*)\s*-->/i;
/** Anything written as a growth marker, to catch ids that are misspelt or malformed. */
export const ANY_MARKER = /<!--\s*growth\s*:\s*([^>]*?)\s*-->/gi;

export const NEXT_STEPS_ID = 'next-steps';
export const PRIVATE_ID = 'private';
/** The marker of the person's own words under a question (see theirWords.ts): no section of its own. */
export const THEIR_WORDS_ID = 'their-words';
const NEXT_STEPS_TITLE = 'next steps';

export interface SectionIdentity {
  readonly kind: SectionKind;
  readonly question?: Question;
  readonly hasMarker: boolean;
}

/** Which section a `##` heading opens: by its marker id, then its title, then its number. */
export function identifySection(rawMarkerId: string | undefined, headingText: string, script: QuestionScript, person?: string): SectionIdentity {
  const hasMarker = rawMarkerId !== undefined;
  const markerId = rawMarkerId?.toLowerCase();
  const title = simplify(headingText);
  // Private wins over everything else: a heading that reads private is private whatever its marker says.
  if (markerId === PRIVATE_ID || isPrivateHeading(headingText, { extraWords: script.privacyWords, person })) return { kind: 'private', hasMarker };
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

/**
 * Private notes end only where a section named by its marker begins (`<!-- growth:checkin -->`, as
 * every scaffolded note has): a heading that merely reads like a question ("## 1:1 with HR", a line
 * underlined with `---`) is still the manager's own.
 */
export function afterPrivate(identity: SectionIdentity, privateBefore: boolean): SectionIdentity {
  return privateBefore && (identity.kind === 'other' || !identity.hasMarker) ? { kind: 'private', hasMarker: identity.hasMarker } : identity;
}

/** Whether a section of this identity may show someone else anything: the script's questions (less those listed private) and Next steps. */
export function isShareableSection(identity: SectionIdentity, script: QuestionScript): boolean {
  if (identity.kind === 'next-steps') return true;
  return identity.kind === 'question' && !(script.privateQuestions ?? []).includes(identity.question?.id ?? '');
}

/** Lower-case words only, so "## 3. Achievements!" and "achievements" compare equal. */
export function simplify(title: string): string {
  return title.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/** The question ids that a list of question ids or heading texts ("3. Achievements", "achievements") names. */
export function questionsNamed(names: readonly string[], script: QuestionScript): string[] {
  const wanted = new Set(names.map(name => simplify(name).replace(/^(q\s*)?\d+\s*/, '')));
  const ids = new Set(names.map(name => name.trim().toLowerCase()));
  return script.questions.filter(q => ids.has(q.id) || wanted.has(simplify(q.title))).map(q => q.id);
}

/**
 * The script with what the configuration says about privacy: the sections kept private and more
 * privacy words. Every reader of a note takes it, so the index, the copy, the report and the digest
 * leave out the same blocks.
 */
export function withReadingRules(script: QuestionScript, share: { readonly privateSections: readonly string[]; readonly privacyWords?: readonly string[] }): QuestionScript {
  const privateQuestions = [...new Set([...(script.privateQuestions ?? []), ...questionsNamed(share.privateSections, script)])];
  const privacyWords = [...new Set([...(script.privacyWords ?? []), ...(share.privacyWords ?? [])])];
  if (privateQuestions.length === 0 && privacyWords.length === 0) return script;
  return { ...script, ...(privateQuestions.length ? { privateQuestions } : {}), ...(privacyWords.length ? { privacyWords } : {}) };
}
