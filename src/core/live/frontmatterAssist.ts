import { isSeq } from 'yaml';
import { TextEdit } from './frontmatterEdit';
import { FieldLocator, NoteAnalysis } from '../note';
import { FIELD_SCHEMAS, msg, Position, Problem, translatedText } from '../base';
import { yamlScalar } from './scaffold';

/** A quick fix: a title for the lightbulb and the edits that apply it. */
export interface QuickFix {
  readonly title: string;
  readonly edits: TextEdit[];
  readonly code: Problem['code'];
}

export interface FixContext {
  /** Today's date, YYYY-MM-DD. */
  readonly today: string;
  /** The person, guessed from the note's folder name. */
  readonly personFromFolder?: string;
  /** The day the note's file name gives (`2026-07-07.md`): offered for a missing date before today. */
  readonly dateFromFileName?: string;
}

/** The fixes for one problem, each a minimal edit that leaves the rest of the frontmatter as it is. */
export function quickFixes(analysis: NoteAnalysis, problem: Problem, context: FixContext): QuickFix[] {
  const locate = new FieldLocator(analysis);
  const replace = (title: string, newText: string): QuickFix[] => [{ title, code: problem.code, edits: [{ range: problem.range, newText }] }];
  switch (problem.code) {
    case 'invalid-value':
      return problem.suggestion ? replace(msg('fix.changeTo', problem.suggestion), problem.suggestion) : [];
    case 'invalid-date':
      return problem.suggestion ? replace(msg('fix.writeDate', problem.suggestion), problem.suggestion) : [];
    case 'unknown-field':
      return problem.suggestion ? replace(msg('fix.renameTo', problem.suggestion), problem.suggestion) : [];
    case 'theme-spelling':
      return problem.suggestion ? replace(msg('fix.usualSpelling', problem.suggestion), yamlScalar(problem.suggestion)) : [];
    case 'invalid-type':
      return problem.suggestion !== undefined ? replace(msg('fix.themesAsList'), `[${yamlScalar(problem.suggestion)}]`) : [];
    case 'duplicate-theme': {
      const removal = removeListItem(analysis, locate, problem);
      return removal ? [{ title: msg('fix.mergeInto', problem.suggestion ?? ''), code: problem.code, edits: [removal] }] : [];
    }
    case 'missing-field': {
      const { field } = problem;
      // The file's own day first: a note written up later is about the day it is named for, not today.
      const value = field === 'date' ? context.dateFromFileName ?? context.today : field === 'type' ? 'growth-conversation' : field === 'person' ? context.personFromFolder : undefined;
      if (!field || !value || !analysis.frontmatter) return [];
      const at = { line: locate.firstYamlLine, character: 0 };
      return [{ title: msg('fix.addField', field, value), code: problem.code, edits: [{ range: { start: at, end: at }, newText: `${field}: ${yamlScalar(value)}\n` }] }];
    }
    default:
      return [];
  }
}

/** Deletes one item of a list: its line in block style, the item and one comma in flow style. */
function removeListItem(analysis: NoteAnalysis, locate: FieldLocator, problem: Problem): TextEdit | undefined {
  const list = locate.pair('themes')?.value;
  if (!isSeq(list)) return undefined;
  const { lines } = analysis;
  const start = lines.offsetAt(problem.range.start);
  const end = lines.offsetAt(problem.range.end);
  if (!list.flow) {
    const line = problem.range.start.line;
    return { range: { start: { line, character: 0 }, end: { line: line + 1, character: 0 } }, newText: '' };
  }
  const text = lines.text;
  const after = /^\s*,\s*/.exec(text.slice(end));
  if (after) return { range: lines.rangeOf(start, end + after[0].length), newText: '' };
  const before = /\s*,\s*$/.exec(text.slice(0, start));
  return before ? { range: lines.rangeOf(start - before[0].length, end), newText: '' } : undefined;
}

/** Hover text for the frontmatter key under the cursor: what it means and what it accepts. */
export function hoverAt(analysis: NoteAnalysis, position: Position): string | undefined {
  const key = new FieldLocator(analysis).keyAt(position);
  const schema = key ? FIELD_SCHEMAS[key] : undefined;
  if (!key || !schema) return undefined;
  const allowed = schema.enum ? `\n\n${msg('hover.oneOf', schema.enum.map(v => `\`${v}\``).join(', '))}` : schema.pattern ? `\n\n${msg('hover.date')}` : '';
  const manager = schema.managerOnly ? `\n\n${msg('hover.managerOnly')}` : '';
  return `**${key}**: ${translatedText(schema.description ?? '')}${allowed}${manager}`;
}

export type CompletionKind = 'field' | 'value' | 'person' | 'theme' | 'date';

export interface CompletionEntry {
  readonly label: string;
  readonly insertText: string;
  readonly detail?: string;
  readonly kind: CompletionKind;
  /** Lower sorts first. */
  readonly rank: number;
}

export interface CompletionSources {
  readonly today: string;
  readonly people: readonly string[];
  /** Themes used across the workspace with how often, in their most used spelling. */
  readonly themes: readonly { readonly name: string; readonly count: number }[];
}

/** What fits at the cursor inside the frontmatter: keys, allowed values, dates, people, themes. */
export function completionsAt(analysis: NoteAnalysis, position: Position, sources: CompletionSources): CompletionEntry[] {
  if (!analysis.frontmatter) return [];
  const locate = new FieldLocator(analysis);
  const firstLine = locate.firstYamlLine;
  if (position.line < firstLine || position.line >= locate.closingLine) return [];
  const before = analysis.lines.lineText(position.line).slice(0, position.character);

  const keyMatch = /^(\w*)$/.exec(before);
  if (keyMatch) {
    const present = new Set(Object.keys(analysis.note.data));
    return Object.entries(FIELD_SCHEMAS).filter(([key]) => !present.has(key)).map(([key, schema], index) => ({
      label: key, insertText: `${key}: `, detail: schema.description === undefined ? undefined : translatedText(schema.description), kind: 'field', rank: index,
    }));
  }
  const valueMatch = /^(\w+):\s*(\[?[^\]]*)$/.exec(before);
  const listItem = /^\s+-\s*[^,]*$/.test(before);
  const key = valueMatch?.[1] ?? (listItem ? listOwner(analysis, position.line, firstLine) : undefined);
  if (!key) return [];
  const schema = FIELD_SCHEMAS[key];
  if (key === 'themes') {
    const used = new Set(analysis.note.themes.map(t => t.toLowerCase()));
    return sources.themes.filter(t => !used.has(t.name.toLowerCase())).map((t, index) => ({
      label: t.name, insertText: yamlScalar(t.name), detail: t.count === 1 ? msg('completion.themeUsedOnce') : msg('completion.themeUsed', t.count), kind: 'theme', rank: index,
    }));
  }
  if (key === 'person') return sources.people.map((name, index) => ({ label: name, insertText: yamlScalar(name), kind: 'person', rank: index }));
  if (schema?.enum) return schema.enum.map((value, index) => ({ label: value, insertText: value, kind: 'value', rank: index }));
  if (schema?.pattern) return [{ label: sources.today, insertText: sources.today, detail: msg('completion.today'), kind: 'date', rank: 0 }];
  return [];
}

/** The key a block list item belongs to: the nearest line above that starts a key. */
function listOwner(analysis: NoteAnalysis, line: number, firstLine: number): string | undefined {
  for (let l = line - 1; l >= firstLine; l--) {
    const match = /^(\w+):/.exec(analysis.lines.lineText(l));
    if (match) return match[1];
  }
  return undefined;
}
