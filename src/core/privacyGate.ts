import { NoteAnalysis } from './note';
import { FIELD_SCHEMAS } from './schema';
import { validateNote } from './validate';

/**
 * The privacy gate: what may leave a note for someone else. Every rule is an allowlist and every
 * doubt is a refusal; the shareable copy, the themes report and the team digest all read notes through
 * these rules. The README's privacy section states them in words.
 */

/** Frontmatter fields a copy for the person may hold: those the schema marks `shareable`. */
export const SHAREABLE_FIELDS: readonly string[] = Object.keys(FIELD_SCHEMAS).filter(key => FIELD_SCHEMAS[key].shareable);

/** How a copy made for someone else marks itself, so that it is never read as a conversation. */
export const SHARED_COPY_TYPE = 'growth-shared-copy';

export const TOO_COMPLEX_TO_SHARE = 'The notes are too large or too deeply nested to be read safely, so what is private cannot be told apart. '
  + 'Move long pasted text (logs, code) out of the note, then share again.';

/**
 * Why a note cannot be shared safely, in words a manager can act on; undefined when it can. A note is
 * refused when it is not a growth note, when its frontmatter has any error (then what is private cannot
 * be told apart with certainty), or when its body is too large or odd to read safely.
 */
export function shareRefusal(analysis: NoteAnalysis): string | undefined {
  const { note } = analysis;
  if (!note.isGrowthNote) {
    return 'This file is not a growth note (its frontmatter does not say "type: growth-conversation"), so no copy was made.';
  }
  if (note.problems.some(p => p.code === 'body-too-complex')) return TOO_COMPLEX_TO_SHARE;
  const errors = validateNote(analysis).filter(p => p.severity === 'error');
  if (errors.length > 0) {
    const more = errors.length > 1 ? ` (and ${errors.length - 1} more: see Problems)` : '';
    return `The frontmatter has a problem on line ${errors[0].range.start.line + 1}: ${errors[0].message}${more} `
      + 'Fix it first: until the frontmatter reads cleanly, what is private cannot be told apart.';
  }
  return undefined;
}
