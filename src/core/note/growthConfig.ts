import type { ErrorObject } from 'ajv';
import { growthConfig as configValidator } from 'growth:schema-validators';
import configSchema from '../../../schemas/growth-config.schema.json';
import { LineIndex, msg, Range, Severity } from '../base';
import { JsonNode, jsonValue, parseJsonTree } from './jsonTree';

/**
 * growth.config.json: the rules of a notes repository that the editor and the command line both
 * read, so a copy, a report or a digest is the same wherever it is made. JSON, because VS Code
 * validates and completes it from its schema with no extra parser, and JSON never runs code.
 */
export const GROWTH_CONFIG_FILE = 'growth.config.json';

/** Larger than any real configuration: a bigger file is refused unread. */
export const MAX_CONFIG_BYTES = 256 * 1024;

/**
 * What a configuration file sets. A key the file leaves out is undefined here, so a merge can tell
 * "not said" from "said"; `effectiveRules` (core/privacy) fills in the defaults.
 */
export interface GrowthConfig {
  readonly notesFolder?: string;
  readonly questionScriptPath?: string;
  readonly templatePath?: string;
  readonly seniorLeaderTitle?: string;
  readonly patternThreshold?: number;
  readonly vocabularyPath?: string;
  readonly privateFields?: readonly string[];
  readonly privateSections?: readonly string[];
  readonly sensitiveWords?: readonly string[];
  readonly privacyWords?: readonly string[];
  readonly minimumGroupSize?: number;
  readonly minimumQuoteGroup?: number;
  readonly minimumThemeGroup?: number;
  /** Months a note is kept after its date (`retention.keepMonths`). */
  readonly keepMonths?: number;
  /** How a person's notes folder is named (`store.folderNames`): after them, or by their stable id. */
  readonly folderNames?: 'names' | 'pseudonymous';
}

/** A problem in the configuration file, where it is in the file. */
export interface ConfigProblem {
  readonly range: Range;
  readonly severity: Severity;
  readonly code: 'config-too-large' | 'config-json' | 'config-duplicate-key' | 'config-schema';
  readonly message: string;
}

/**
 * The file read: what it sets, and its problems. With any problem, outputs meant for someone else
 * refuse until it is fixed (the file fails closed); the values that are well formed are still given,
 * so the editor keeps working meanwhile.
 */
export interface ConfigReading {
  readonly config: GrowthConfig;
  readonly problems: readonly ConfigProblem[];
}

type Path = readonly (string | number)[];

/** Compiled from schemas/growth-config.schema.json at build time (scripts/schemaValidators.mjs). */
function schemaErrors(data: unknown): ErrorObject[] {
  return configValidator(data) ? [] : [...(configValidator.errors ?? [])];
}

/** Reads and checks a growth.config.json text against schemas/growth-config.schema.json. */
export function parseGrowthConfig(text: string): ConfigReading {
  const lines = new LineIndex(text);
  const problems: ConfigProblem[] = [];
  const at = (start: number, end: number, code: ConfigProblem['code'], message: string) =>
    problems.push({ range: lines.rangeOf(start, end), severity: 'error', code, message });
  if (text.length > MAX_CONFIG_BYTES) {
    at(0, 0, 'config-too-large', msg('config.tooLarge', GROWTH_CONFIG_FILE, MAX_CONFIG_BYTES / 1024));
    return { config: {}, problems };
  }
  const parsed = parseJsonTree(text);
  if ('error' in parsed) {
    at(parsed.error.offset, parsed.error.offset + 1, 'config-json', msg('config.json', parsed.error.message));
    return { config: {}, problems };
  }
  for (const [keyStart, keyEnd, key] of repeatedKeys(parsed.tree)) at(keyStart, keyEnd, 'config-duplicate-key', msg('config.duplicateKey', key));
  const data = jsonValue(parsed.tree);
  for (const error of schemaErrors(data).slice(0, 50)) {
    const path = pointerPath(error.instancePath);
    const unknown = error.keyword === 'additionalProperties' ? String(error.params.additionalProperty) : undefined;
    const duplicate = error.keyword === 'uniqueItems' ? [...path, Number(error.params.j)] : undefined;
    const [start, end] = unknown !== undefined ? keySpan(parsed.tree, path, unknown) : nodeSpan(parsed.tree, duplicate ?? path);
    at(start, end, 'config-schema', schemaMessage(error, path));
  }
  // In file order, as the manager reads them.
  const ordered = problems.map((problem, i) => ({ problem, i }))
    .sort((a, b) => a.problem.range.start.line - b.problem.range.start.line || a.problem.range.start.character - b.problem.range.start.character || a.i - b.i);
  return { config: wellFormedValues(data), problems: ordered.map(entry => entry.problem) };
}

/** Keys written twice in one object: JSON.parse would silently keep the last, hiding the first rule. */
function repeatedKeys(node: JsonNode): [number, number, string][] {
  if (node.kind === 'array') return node.items.flatMap(repeatedKeys);
  if (node.kind !== 'object') return [];
  const seen = new Set<string>();
  const found: [number, number, string][] = [];
  for (const member of node.members) {
    if (seen.has(member.key)) found.push([member.keyStart, member.keyEnd, member.key]);
    seen.add(member.key);
    found.push(...repeatedKeys(member.value));
  }
  return found;
}

function pointerPath(pointer: string): Path {
  return pointer.split('/').slice(1).map(part => (/^\d+$/.test(part) ? Number(part) : part.replace(/~1/g, '/').replace(/~0/g, '~')));
}

/** The node at a path, or the deepest one on the way there. */
function nodeAt(tree: JsonNode, path: Path): JsonNode {
  let node = tree;
  for (const step of path) {
    const next = node.kind === 'object' ? [...node.members].reverse().find(m => m.key === step)?.value : node.kind === 'array' ? node.items[Number(step)] : undefined;
    if (!next) break;
    node = next;
  }
  return node;
}

function nodeSpan(tree: JsonNode, path: Path): [number, number] {
  const node = nodeAt(tree, path);
  return [node.start, node.end];
}

function keySpan(tree: JsonNode, path: Path, key: string): [number, number] {
  const parent = nodeAt(tree, path);
  const member = parent.kind === 'object' ? parent.members.find(m => m.key === key) : undefined;
  return member ? [member.keyStart, member.keyEnd] : [parent.start, parent.end];
}

/** `share.privateFields[1]`: where a value is, as a manager reads the file. */
function dotted(path: Path): string {
  return path.map((step, i) => (typeof step === 'number' ? `[${step}]` : i === 0 ? step : `.${step}`)).join('') || msg('common.theFile');
}

function schemaMessage(error: ErrorObject, path: Path): string {
  const where = dotted(path);
  switch (error.keyword) {
    case 'additionalProperties': return msg('config.unknownKey', String(error.params.additionalProperty), where);
    case 'type': return msg('config.mustBe', where, typeWords(String(error.params.type)));
    case 'minimum': return msg('config.minimum', where, Number(error.params.limit));
    case 'enum': return msg('config.oneOf', where, (error.params.allowedValues as string[]).join(', '));
    case 'uniqueItems': return msg('config.listedTwice', where);
    case 'minLength': return msg('config.empty', where);
    case 'maxLength': return msg('config.tooLong', where, Number(error.params.limit));
    case 'pattern': return msg('config.relativePath', where, GROWTH_CONFIG_FILE);
    default: return msg('config.notValid', where, error.message ?? msg('validate.isNotValid'));
  }
}

function typeWords(type: string): string {
  return type === 'integer' ? msg('type.wholeNumber') : type === 'array' ? msg('type.list') : type === 'object' ? msg('type.map') : msg('type.text');
}

type Raw = Record<string, unknown>;

function objectAt(data: unknown, key?: string): Raw {
  const object = data !== null && typeof data === 'object' && !Array.isArray(data) ? data as Raw : {};
  if (key === undefined) return object;
  return Object.prototype.hasOwnProperty.call(object, key) ? objectAt(object[key]) : {};
}

const RELATIVE_PATH = /^(?![/\\]|[A-Za-z]:)./;

function own(object: Raw, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(object, key) ? object[key] : undefined;
}

function pathValue(object: Raw, key: string): string | undefined {
  const value = own(object, key);
  return typeof value === 'string' && RELATIVE_PATH.test(value) ? value : undefined;
}

function wholeNumber(object: Raw, key: string, minimum: number): number | undefined {
  const value = own(object, key);
  return typeof value === 'number' && Number.isInteger(value) && value >= minimum ? value : undefined;
}

/** A list's well-formed items: a bad item is dropped, the rest still apply (a privacy list only grows stricter with more). */
function words(object: Raw, key: string, allowed?: readonly string[]): string[] | undefined {
  const value = own(object, key);
  if (!Array.isArray(value)) return undefined;
  return [...new Set(value.filter((item): item is string => typeof item === 'string' && item !== '' && (!allowed || allowed.includes(item))))];
}

const SHAREABLE_FIELDS = configSchema.properties.share.properties.privateFields.items.enum;

/** The values that match the schema; a value that does not is left unset (its problem is reported). */
function wellFormedValues(data: unknown): GrowthConfig {
  const root = objectAt(data);
  const themes = objectAt(root, 'themes');
  const share = objectAt(root, 'share');
  const report = objectAt(root, 'report');
  const retention = objectAt(root, 'retention');
  const folderNames = own(objectAt(root, 'store'), 'folderNames');
  const title = own(root, 'seniorLeaderTitle');
  const config: GrowthConfig = {
    notesFolder: pathValue(root, 'notesFolder'),
    questionScriptPath: pathValue(root, 'questionScriptPath'),
    templatePath: pathValue(root, 'templatePath'),
    seniorLeaderTitle: typeof title === 'string' && title.trim() !== '' && title.length <= 60 ? title : undefined,
    patternThreshold: wholeNumber(themes, 'patternThreshold', 1),
    vocabularyPath: pathValue(themes, 'vocabularyPath'),
    privateFields: words(share, 'privateFields', SHAREABLE_FIELDS),
    privateSections: words(share, 'privateSections'),
    sensitiveWords: words(share, 'sensitiveWords'),
    privacyWords: words(share, 'privacyWords'),
    minimumGroupSize: wholeNumber(report, 'minimumGroupSize', 3),
    minimumQuoteGroup: wholeNumber(report, 'minimumQuoteGroup', 3),
    minimumThemeGroup: wholeNumber(report, 'minimumThemeGroup', 2),
    keepMonths: wholeNumber(retention, 'keepMonths', 1),
    folderNames: folderNames === 'names' || folderNames === 'pseudonymous' ? folderNames : undefined,
  };
  return Object.fromEntries(Object.entries(config).filter(([, value]) => value !== undefined)) as GrowthConfig;
}
