import type { ErrorObject } from 'ajv';
import { themes as themesValidator } from 'growth:schema-validators';
import { isMap, isNode, parseDocument } from 'yaml';
import themesSchema from '../../../schemas/themes.schema.json';
import { analyzeNote, QuestionScript } from '../note';
import { LineIndex, msg, normalizeTheme, Range, Severity } from '../base';
import type { IndexedNote } from './indexedNote';

/** The vocabulary file's name at the workspace (or org repository) root. */
export const VOCABULARY_FILE = 'growth-themes.yaml';
/** Larger files are not read: a real vocabulary is a few KB. */
export const MAX_VOCABULARY_BYTES = 512 * 1024;

export type OrgStatus = 'open' | 'acknowledged' | 'in-progress' | 'resolved' | 'wont-fix';
export const ORG_STATUSES: readonly OrgStatus[] = themesSchema.properties.themes.items.properties.response.properties.status.enum as OrgStatus[];

/** What the organisation is doing about a theme. */
export interface OrgResponse {
  readonly status: OrgStatus;
  readonly owner?: string;
  readonly note?: string;
  readonly updated?: string;
}

/** One canonical theme of the vocabulary. */
export interface VocabularyTheme {
  readonly name: string;
  /** normalizeTheme(name): the key notes' tags are compared by. */
  readonly key: string;
  readonly aliases: readonly string[];
  readonly description?: string;
  readonly response?: OrgResponse;
}

/** A problem in the vocabulary file, at its place in the file. */
export interface VocabularyProblem {
  readonly range: Range;
  readonly severity: Severity;
  readonly code: 'vocabulary-yaml' | 'vocabulary-schema' | 'vocabulary-duplicate-theme' | 'vocabulary-alias-twice' | 'vocabulary-alias-is-theme' | 'vocabulary-too-large';
  readonly message: string;
}

/** The agreed theme names: every spelling (an alias, another case or spacing) leads to one canonical theme. */
export class Vocabulary {
  private readonly byKey = new Map<string, VocabularyTheme>();

  constructor(readonly themes: readonly VocabularyTheme[]) {
    for (const theme of themes) {
      this.byKey.set(theme.key, theme);
      for (const alias of theme.aliases) {
        const key = normalizeTheme(alias);
        if (key && !this.byKey.has(key)) this.byKey.set(key, theme);
      }
    }
  }

  get isEmpty(): boolean {
    return this.themes.length === 0;
  }

  /** The canonical theme a spelling stands for, if the vocabulary knows it. */
  lookup(spelling: string): VocabularyTheme | undefined {
    return this.byKey.get(normalizeTheme(spelling));
  }

  /** True when the spelling is an alias (not the canonical name's own key). */
  isAlias(spelling: string): boolean {
    const theme = this.lookup(spelling);
    return theme !== undefined && theme.key !== normalizeTheme(spelling);
  }

  /** The name a theme is reported under: the canonical name, or the theme's own key when unknown. */
  canonicalName(spelling: string): string {
    return this.lookup(spelling)?.name ?? normalizeTheme(spelling);
  }
}

export const EMPTY_VOCABULARY = new Vocabulary([]);

/** Compiled from schemas/themes.schema.json at build time (scripts/schemaValidators.mjs). */
function validate(data: unknown): ErrorObject[] {
  return themesValidator(data) ? [] : [...(themesValidator.errors ?? [])];
}

/**
 * Reads a vocabulary file. A file with any error gives an empty vocabulary (everything works as if
 * there were none) and the problems, placed where they are in the file, so the editor can show them.
 */
// eslint-disable-next-line max-lines-per-function -- a parser: each check sits beside the field it reads, in file order
export function parseVocabulary(text: string): { vocabulary: Vocabulary; problems: VocabularyProblem[] } {
  const lines = new LineIndex(text);
  const problems: VocabularyProblem[] = [];
  const at = (start: number, end: number, code: VocabularyProblem['code'], message: string) =>
    problems.push({ range: lines.rangeOf(start, end), severity: 'error', code, message });
  if (text.length > MAX_VOCABULARY_BYTES) {
    at(0, 0, 'vocabulary-too-large', msg('vocabulary.tooLarge', MAX_VOCABULARY_BYTES / 1024));
    return { vocabulary: EMPTY_VOCABULARY, problems };
  }
  const document = parseDocument(text, { version: '1.2', schema: 'core', customTags: [], uniqueKeys: true, strict: true, prettyErrors: false });
  for (const error of document.errors.slice(0, 5)) at(error.pos[0], error.pos[1], 'vocabulary-yaml', msg('vocabulary.yaml', error.message.split('\n')[0]));
  if (problems.length > 0) return { vocabulary: EMPTY_VOCABULARY, problems };
  let data: unknown;
  try {
    data = document.toJS({ maxAliasCount: 20 });
  } catch (error) {
    at(0, text.length, 'vocabulary-yaml', msg('vocabulary.unreadable', error instanceof Error ? error.message.split('\n')[0] : msg('error.unknown')));
    return { vocabulary: EMPTY_VOCABULARY, problems };
  }
  const nodeRange = (path: readonly (string | number)[]): [number, number] => {
    for (let depth = path.length; depth >= 0; depth--) {
      const node = depth === 0 ? document.contents : document.getIn(path.slice(0, depth), true);
      if (isNode(node) && node.range) return [node.range[0], node.range[1]];
    }
    return [0, 0];
  };
  for (const error of validate(data).slice(0, 20)) {
    const path = error.instancePath.split('/').slice(1).map(part => (/^\d+$/.test(part) ? Number(part) : part.replace(/~1/g, '/').replace(/~0/g, '~')));
    const [start, end] = error.keyword === 'additionalProperties'
      ? keyRange(document, path, String(error.params.additionalProperty)) ?? nodeRange(path)
      : nodeRange(path);
    at(start, end, 'vocabulary-schema', schemaMessage(error));
  }
  if (problems.length > 0) return { vocabulary: EMPTY_VOCABULARY, problems };

  const entries = (data as { themes: { name: string; aliases?: string[]; description?: string; response?: OrgResponse }[] }).themes;
  const themeKeys = new Map<string, number>();
  entries.forEach((entry, index) => {
    const key = normalizeTheme(entry.name);
    if (themeKeys.has(key)) at(...nodeRange(['themes', index, 'name']), 'vocabulary-duplicate-theme', msg('vocabulary.duplicateTheme', entry.name, (themeKeys.get(key) ?? 0) + 1));
    else themeKeys.set(key, index);
  });
  const aliasOwner = new Map<string, number>();
  entries.forEach((entry, index) => {
    (entry.aliases ?? []).forEach((alias, aliasIndex) => {
      const key = normalizeTheme(alias);
      const owner = themeKeys.get(key);
      if (owner !== undefined && owner !== index) {
        at(...nodeRange(['themes', index, 'aliases', aliasIndex]), 'vocabulary-alias-is-theme', msg('vocabulary.aliasIsTheme', alias, entries[owner].name));
      } else if (aliasOwner.has(key) && aliasOwner.get(key) !== index) {
        at(...nodeRange(['themes', index, 'aliases', aliasIndex]), 'vocabulary-alias-twice', msg('vocabulary.aliasTwice', alias, entries[aliasOwner.get(key) ?? 0].name));
      } else aliasOwner.set(key, index);
    });
  });
  if (problems.length > 0) return { vocabulary: EMPTY_VOCABULARY, problems };
  return {
    vocabulary: new Vocabulary(entries.map(entry => ({
      name: entry.name.trim(), key: normalizeTheme(entry.name), aliases: entry.aliases ?? [], description: entry.description, response: entry.response,
    }))),
    problems,
  };
}

function keyRange(document: ReturnType<typeof parseDocument>, path: readonly (string | number)[], key: string): [number, number] | undefined {
  const parent = path.length === 0 ? document.contents : document.getIn(path, true);
  if (!isMap(parent)) return undefined;
  const pair = parent.items.find(item => isNode(item.key) && String((item.key as { value?: unknown }).value) === key);
  const range = isNode(pair?.key) ? pair.key.range : undefined;
  return range ? [range[0], range[1]] : undefined;
}

function schemaMessage(error: ErrorObject): string {
  const where = error.instancePath ? error.instancePath.slice(1).replace(/\//g, '.') : msg('common.theFile');
  switch (error.keyword) {
    case 'additionalProperties': return msg('vocabulary.unknownField', String(error.params.additionalProperty), where);
    case 'required': return msg('vocabulary.needs', where, String(error.params.missingProperty));
    case 'enum': return msg('vocabulary.oneOf', where, (error.params.allowedValues as string[]).join(', '));
    case 'const': return msg('vocabulary.mustBe', where, JSON.stringify(error.params.allowedValue));
    default: return msg('vocabulary.notValid', where, error.message ?? msg('validate.isNotValid'));
  }
}

/** A plain-words label for an org status: "in progress", "won't fix". */
export function statusLabel(status: OrgStatus): string {
  return msg(status === 'open' ? 'status.open' : status === 'acknowledged' ? 'status.acknowledged' : status === 'in-progress' ? 'status.inProgress'
    : status === 'resolved' ? 'status.resolved' : 'status.wontFix');
}

/** "on-call load: in progress, Platform leads": one theme's org response in a line. */
export function describeResponse(theme: VocabularyTheme): string | undefined {
  const response = theme.response;
  if (!response) return undefined;
  return `${theme.name}: ${statusLabel(response.status)}${response.owner ? `, ${response.owner}` : ''}${response.note ? `. ${response.note}` : ''}`;
}

/**
 * The org responses for the themes a previous note raised (its frontmatter themes and its tags
 * outside private places), one line each, for the next conversation's question 8.
 */
export function orgResponsesFor(previousText: string, vocabulary: Vocabulary, script: QuestionScript): string[] {
  if (vocabulary.isEmpty || previousText === '') return [];
  const { note } = analyzeNote(previousText, script);
  const seen = new Set<VocabularyTheme>();
  for (const spelling of [...note.themes, ...note.tags.filter(tag => !tag.private).map(tag => tag.name)]) {
    const theme = vocabulary.lookup(spelling);
    if (theme?.response) seen.add(theme);
  }
  return [...seen].map(theme => describeResponse(theme) ?? theme.name);
}

/** The note with every theme and tag under its canonical name: an alias counts as its theme. */
export function withCanonicalThemes(note: IndexedNote, vocabulary: Vocabulary): IndexedNote {
  if (vocabulary.isEmpty) return note;
  return {
    ...note,
    themes: note.themes.map(theme => vocabulary.canonicalName(theme)),
    tags: note.tags.map(tag => {
      const name = vocabulary.lookup(tag.name)?.name;
      return name ? { ...tag, name, key: normalizeTheme(name) } : tag;
    }),
  };
}

/** An inline tag written as an alias (or another spelling) of an agreed theme, with the tag to write instead. */
export interface TagAliasHint {
  readonly line: number;
  readonly character: number;
  /** Length of the tag as written, `#` included. */
  readonly length: number;
  readonly message: string;
  /** The tag to write instead, `#` included. */
  readonly replacement: string;
}

/** The inline tags of a note that the vocabulary would write differently: aliases point at the agreed theme. */
export function tagAliasHints(tags: readonly { readonly name: string; readonly line: number; readonly character: number }[], vocabulary: Vocabulary): TagAliasHint[] {
  return tags.flatMap(tag => {
    const theme = vocabulary.lookup(tag.name);
    // Tags cannot hold spaces: the agreed theme is written as its key (on-call load → #on-call-load).
    if (!theme || tag.name === theme.key) return [];
    const spelling = normalizeTheme(tag.name) === theme.key;
    return [{
      line: tag.line, character: tag.character, length: tag.name.length + 1, replacement: `#${theme.key}`,
      message: msg(spelling ? 'vocabulary.anotherSpelling' : 'vocabulary.alias', tag.name, theme.name, theme.key),
    }];
  });
}
