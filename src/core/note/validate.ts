import type { ErrorObject } from 'ajv';
import { closestValue, dirnamePosix, FIELD_SCHEMAS, joinPosix, msg, normalizeTheme, normalizePosix, personKey, problem, Problem, schemaValidators, translatedText } from '../base';
import { FieldLocator } from './fieldLocator';
import { NoteAnalysis } from './note';
import { achievementsNamed } from './theirWords';

/** What validation may ask about other notes. Paths are relative to the workspace root, with `/`. */
export interface NoteContext {
  readonly notePath: string;
  /** The person of the note at `path`: undefined when no such file exists; null when it exists but names nobody. */
  personAt?(path: string): string | null | undefined;
  /** The spelling of a theme (by its normalised key) used most across the workspace. */
  preferredSpelling?(key: string): string | undefined;
}

const DATE_FIELDS = ['date', 'sharedOn', 'nextConversation'];
export const MIN_ACHIEVEMENTS = 3;

/** Every problem of a note: what reading found, the schema's verdict, and the checks a schema cannot express. */
export function validateNote(analysis: NoteAnalysis, context?: NoteContext): Problem[] {
  const { note, frontmatter } = analysis;
  const problems = [...note.problems];
  if (frontmatter?.isMap && note.problems.every(p => !p.code.startsWith('yaml') && !p.code.startsWith('frontmatter'))) {
    const locate = new FieldLocator(analysis);
    problems.push(...schemaProblems(analysis, locate));
    problems.push(...dateProblems(analysis, locate));
    problems.push(...themeProblems(analysis, locate, context));
    if (context) problems.push(...previousProblems(analysis, locate, context));
  }
  for (const marker of note.unknownMarkers) {
    const range = { start: { line: marker.line, character: marker.character }, end: { line: marker.line, character: marker.endCharacter } };
    problems.push(problem(range, 'warning', 'unknown-marker', marker.suggestion
      ? msg('validate.unknownMarkerSuggestion', marker.id, marker.suggestion)
      : msg('validate.unknownMarker', marker.id), marker.suggestion));
  }
  // Achievements the person listed in their own words (a pre-read) count too.
  const named = achievementsNamed(analysis) ?? 0;
  const achievementsLine = analysis.achievementsLine ?? note.sections.find(s => s.records === 'achievements' && s.answered)?.headingLine;
  if (achievementsLine !== undefined && named < MIN_ACHIEVEMENTS) {
    problems.push(problem(analysis.lines.lineRange(achievementsLine), 'info', 'few-achievements',
      msg('validate.fewAchievements', named, MIN_ACHIEVEMENTS)));
  }
  return problems.sort(compareProblems);
}

function compareProblems(a: Problem, b: Problem): number {
  return a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || a.code.localeCompare(b.code);
}

function schemaProblems(analysis: NoteAnalysis, locate: FieldLocator): Problem[] {
  const validate = schemaValidators().conversation;
  if (validate(analysis.note.data)) return [];
  return (validate.errors ?? []).flatMap(error => {
    const found = describeSchemaError(error, analysis, locate);
    return found ? [found] : [];
  });
}

function describeSchemaError(error: ErrorObject, analysis: NoteAnalysis, locate: FieldLocator): Problem | undefined {
  const path = error.instancePath.split('/').slice(1).map(part => (/^\d+$/.test(part) ? Number(part) : part.replace(/~1/g, '/').replace(/~0/g, '~')));
  const field = String(path[0] ?? '');
  const range = locate.valueRange(path);
  const value = path.length > 0 ? valueAt(analysis.note.data, path) : undefined;
  const shown = JSON.stringify(value) ?? String(value);
  switch (error.keyword) {
    case 'required': {
      const missing = String(error.params.missingProperty);
      return { ...problem(locate.openingLine, 'error', 'missing-field', `${msg('validate.missingField', missing)} ${translatedText(FIELD_SCHEMAS[missing]?.description ?? '')}`.trim()), field: missing };
    }
    case 'additionalProperties': {
      const extra = String(error.params.additionalProperty);
      // Only a field the note does not have yet: renaming onto an existing key would duplicate it.
      const near = closestValue(extra, Object.keys(FIELD_SCHEMAS).filter(key => !Object.prototype.hasOwnProperty.call(analysis.note.data, key)));
      return problem(locate.keyRange(extra), 'warning', 'unknown-field',
        near ? msg('validate.unknownFieldSuggestion', extra, near) : msg('validate.unknownField', extra), near);
    }
    case 'enum': {
      const allowed = (error.params.allowedValues as string[]) ?? [];
      const near = typeof value === 'string' ? closestValue(value, allowed) : undefined;
      const hint = near ? ` ${msg('validate.didYouMean', near)}` : '';
      return problem(range, 'error', 'invalid-value', `${msg('validate.invalidEnum', shown, field, allowed.join(', '))}${hint}`, near);
    }
    case 'const':
      return problem(range, 'error', 'invalid-value', msg('validate.mustBe', field, JSON.stringify(error.params.allowedValue)));
    case 'pattern':
      return problem(range, 'error', 'invalid-date', msg('validate.notADate', shown), typeof value === 'string' ? toIsoDate(value) : undefined);
    case 'minLength':
      return problem(range, 'error', 'empty-value', msg('validate.empty', path.join('.')));
    case 'maxLength':
      return problem(range, 'error', 'invalid-value', msg('validate.tooLong', path.join('.'), String(error.params.limit)));
    case 'type': {
      const expected = error.params.type === 'array' ? msg('type.list') : error.params.type === 'string' ? msg('type.text') : String(error.params.type);
      const suggestion = field === 'themes' && typeof value === 'string' ? value : undefined;
      return problem(range, 'error', 'invalid-type', msg('validate.wrongType', path.join('.'), expected, describeType(value)), suggestion);
    }
    default:
      return problem(range, 'error', 'invalid-value', msg('validate.notValid', path.join('.'), error.message ?? msg('validate.isNotValid')));
  }
}

function dateProblems(analysis: NoteAnalysis, locate: FieldLocator): Problem[] {
  return DATE_FIELDS.flatMap(field => {
    const value = analysis.note.data[field];
    if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value) || isRealDate(value)) return [];
    return [problem(locate.valueRange([field]), 'error', 'nonexistent-date', msg('validate.nonexistentDate', value))];
  });
}

function themeProblems(analysis: NoteAnalysis, locate: FieldLocator, context: NoteContext | undefined): Problem[] {
  const themes = analysis.note.data.themes;
  if (!Array.isArray(themes)) return [];
  const firstSpelling = new Map<string, string>();
  const problems: Problem[] = [];
  themes.forEach((theme, index) => {
    if (typeof theme !== 'string') return;
    const key = normalizeTheme(theme);
    const earlier = firstSpelling.get(key);
    const range = locate.valueRange(['themes', index]);
    if (earlier !== undefined) {
      problems.push(problem(range, 'warning', 'duplicate-theme', msg('validate.duplicateTheme', theme, earlier), earlier));
      return;
    }
    firstSpelling.set(key, theme);
    // One spelling per theme keeps the cross-person views together.
    const preferred = context?.preferredSpelling?.(key);
    if (preferred !== undefined && preferred !== theme) {
      problems.push(problem(range, 'info', 'theme-spelling', msg('validate.themeSpelling', theme, preferred), preferred));
    }
  });
  return problems;
}

function previousProblems(analysis: NoteAnalysis, locate: FieldLocator, context: NoteContext): Problem[] {
  const previous = analysis.note.previous;
  if (!previous || !context.personAt) return [];
  const target = resolveRelative(context.notePath, previous);
  const person = context.personAt(target);
  const range = locate.valueRange(['previous']);
  if (person === undefined) return [problem(range, 'warning', 'previous-missing', msg('validate.previousMissing', previous))];
  const own = analysis.note.person;
  if (person !== null && own !== undefined && personKey(person) !== personKey(own)) {
    return [problem(range, 'error', 'previous-other-person', msg('validate.previousOtherPerson', previous, person, own))];
  }
  return [];
}

/** Resolves a note-relative path against the note's folder; both use `/`. */
export function resolveRelative(notePath: string, relative: string): string {
  return normalizePosix(joinPosix(dirnamePosix(notePath), relative.replace(/\\/g, '/')));
}

export function isRealDate(value: string): boolean {
  const [year, month, day] = value.split('-').map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Reads dates written as 2026-3-5, 2026/03/05, 05.03.2026 or 05/03/2026 (day first) as YYYY-MM-DD. */
export function toIsoDate(value: string): string | undefined {
  const trimmed = value.trim();
  let match = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(trimmed);
  let parts: [string, string, string] | undefined = match ? [match[1], match[2], match[3]] : undefined;
  match = parts ? null : /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(trimmed);
  if (match) parts = [match[3], match[2], match[1]];
  if (!parts) return undefined;
  const iso = `${parts[0]}-${parts[1].padStart(2, '0')}-${parts[2].padStart(2, '0')}`;
  return isRealDate(iso) ? iso : undefined;
}

function valueAt(data: unknown, path: readonly (string | number)[]): unknown {
  let current = data;
  for (const part of path) {
    if (current === null || typeof current !== 'object' || !Object.prototype.hasOwnProperty.call(current, part)) return undefined;
    current = (current as Record<string | number, unknown>)[part];
  }
  return current;
}

function describeType(value: unknown): string {
  if (value === null || value === undefined) return msg('type.empty');
  if (Array.isArray(value)) return msg('type.list');
  if (typeof value === 'object') return msg('type.map');
  return typeof value === 'string' ? msg('type.text') : msg('type.other', typeof value);
}
