
/** A zero-based position in a document, as editors count (UTF-16 code units per line). */
export interface Position {
  readonly line: number;
  readonly character: number;
}

export interface Range {
  readonly start: Position;
  readonly end: Position;
}

export type Severity = 'error' | 'warning' | 'info';

/** Stable problem codes: tooling and quick fixes key on them, so never rename one. */
export type ProblemCode =
  | 'not-utf8' | 'file-too-large' | 'unreadable' | 'file-skipped' | 'note-encrypted' | 'name-in-path' | 'name-in-history' | 'past-retention'
  | 'frontmatter-language' | 'frontmatter-unterminated' | 'frontmatter-empty' | 'frontmatter-not-map'
  | 'frontmatter-too-large' | 'frontmatter-too-deep'
  | 'yaml-syntax' | 'yaml-duplicate-key' | 'yaml-directive' | 'yaml-tag' | 'yaml-alias' | 'yaml-complex-key'
  | 'missing-field' | 'invalid-type' | 'invalid-value' | 'invalid-date' | 'empty-value' | 'unknown-field'
  | 'nonexistent-date' | 'previous-missing' | 'previous-other-person'
  | 'few-achievements' | 'duplicate-theme' | 'theme-spelling'
  | 'body-too-complex' | 'unknown-marker';

/** One thing wrong with a note, as plain data. */
export interface Problem {
  readonly range: Range;
  readonly severity: Severity;
  readonly code: ProblemCode;
  readonly message: string;
  /** For quick fixes: the value a fix would put in place, when there is an obvious one. */
  readonly suggestion?: string;
  /** The frontmatter field a missing-field problem is about. */
  readonly field?: string;
}

export function problem(range: Range, severity: Severity, code: ProblemCode, message: string, suggestion?: string): Problem {
  return suggestion === undefined ? { range, severity, code, message } : { range, severity, code, message, suggestion };
}
