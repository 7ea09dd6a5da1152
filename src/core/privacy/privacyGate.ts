import { NoteAnalysis, validateNote } from '../note';
import { FIELD_SCHEMAS, msg } from '../base';

/**
 * The privacy gate: what may leave a note for someone else. Every rule is an allowlist and every
 * doubt is a refusal; the shareable copy, the themes report and the team digest all read notes through
 * these rules. The README's privacy section states them in words.
 */

/** Frontmatter fields a copy for the person may hold: those the schema marks `shareable`. */
export const SHAREABLE_FIELDS: readonly string[] = Object.keys(FIELD_SCHEMAS).filter(key => FIELD_SCHEMAS[key].shareable);

/** How a copy made for someone else marks itself, so that it is never read as a conversation. */
export const SHARED_COPY_TYPE = 'growth-shared-copy';

/** Why a note whose body is too large or odd to read safely is not shared. */
export function tooComplexToShare(): string {
  return msg('share.tooComplex');
}

/**
 * Why a note cannot be shared safely, in words a manager can act on; undefined when it can. A note is
 * refused when it is not a growth note, when its frontmatter has any error (then what is private cannot
 * be told apart with certainty), or when its body is too large or odd to read safely.
 */
export function shareRefusal(analysis: NoteAnalysis): string | undefined {
  const { note } = analysis;
  if (!note.isGrowthNote) {
    return msg('share.notGrowthNote');
  }
  if (note.problems.some(p => p.code === 'body-too-complex')) return tooComplexToShare();
  const errors = validateNote(analysis).filter(p => p.severity === 'error');
  if (errors.length > 0) {
    const more = errors.length > 1 ? msg('share.moreProblems', errors.length - 1) : '';
    return msg('share.frontmatterProblem', errors[0].range.start.line + 1, errors[0].message, more);
  }
  return undefined;
}
