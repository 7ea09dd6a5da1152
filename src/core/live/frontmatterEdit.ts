import { isScalar } from 'yaml';
import { FieldLocator, NoteAnalysis } from '../note';
import { Range } from '../base';
import { yamlScalar } from './scaffold';

/** One text replacement: the editor applies it through a WorkspaceEdit, so undo works. */
export interface TextEdit {
  readonly range: Range;
  readonly newText: string;
}

/**
 * Sets a top-level frontmatter field by touching only its value (or adding one line before the
 * closing fence), so every other byte of the frontmatter, comments included, stays as it was.
 * Returns undefined when the frontmatter cannot be edited safely (missing or unreadable).
 */
export function setFrontmatterField(analysis: NoteAnalysis, key: string, value: string): TextEdit | undefined {
  if (!analysis.frontmatter?.isMap) return undefined;
  const locate = new FieldLocator(analysis);
  const pair = locate.pair(key);
  const newValue = yamlScalar(value);
  if (pair) {
    const node = pair.value;
    const valueRange = isScalar(node) ? locate.rangeOfNode(node) : undefined;
    if (valueRange) return { range: valueRange, newText: newValue };
    if (node === null || (isScalar(node) && node.value === null)) {
      // `key:` with nothing after it: write the value right after the colon.
      const keyEnd = locate.keyRange(key).end;
      const lineEnd = analysis.lines.lineRange(keyEnd.line).end;
      return { range: { start: keyEnd, end: lineEnd }, newText: `: ${newValue}` };
    }
    return undefined; // a list or map where a value belongs: leave it for the manager
  }
  const at = { line: locate.closingLine, character: 0 };
  return { range: { start: at, end: at }, newText: `${key}: ${newValue}\n` };
}

/** Applies edits to a text (for tests and the CLI); edits must not overlap. */
export function applyEdits(text: string, edits: readonly TextEdit[], offsetAt: (p: Range['start']) => number): string {
  const sorted = [...edits].sort((a, b) => offsetAt(b.range.start) - offsetAt(a.range.start));
  let result = text;
  for (const edit of sorted) result = result.slice(0, offsetAt(edit.range.start)) + edit.newText + result.slice(offsetAt(edit.range.end));
  return result;
}
