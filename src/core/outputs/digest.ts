import { effectiveMinGroupSize, effectiveMinThemeGroup, everyoneAnsweredAlike, labelHoldsName, latestPerPerson, mentionsAName, namesIn, nameScrubber, reportableNotes, suppressSmallGroups } from '../privacy';
import { msg, normalizeTheme, randomHex, sha256Hex } from '../base';
import { EMPTY_VOCABULARY, IndexedNote, personOf, Vocabulary } from '../workspace';

export const DIGEST_FORMAT = 'growth-team-digest';
/**
 * Bumped when the digest format changes in a way an older collation could misread. Version 2 added the
 * notes folder's `sourceId` (so a newer digest replaces an older one) and `notesNotRead`. Version 3
 * carries themes raised by fewer than `minThemeGroup` people only when they are agreed themes, for the
 * whole group, and says how many mentions it kept back (`otherThemes`): an older collation would show
 * such a theme's small count as it is, so it must refuse the file.
 */
export const DIGEST_FORMAT_VERSION = 4;
/**
 * The version a digest without person tokens says: it is exactly a version 3 digest, so a collation
 * that knows only version 3 still reads it. Version 4 adds `personTokens` to a quarter.
 */
const VERSION_WITHOUT_TOKENS = 3;
/** Versions a collation reads: 1 has no source id (its label, when it has one, stands in for it). */
export const KNOWN_DIGEST_VERSIONS: readonly number[] = [1, 2, 3, 4];
/** A notes folder's anonymous id: 128 random bits as hex, nothing derived from a name or a path. */
const SOURCE_ID = /^[0-9a-f]{32}$/;
/** A theme name longer than this, or with more words, may be a sentence from a note: it is left out unless the vocabulary knows it. */
const MAX_THEME_CHARS = 40;
const MAX_THEME_WORDS = 5;

/** Distinct people per theme name: a map keeps a digest of 200 themes small and quick to read. */
export type DigestThemeCounts = Readonly<Record<string, number>>;

export interface DigestTeam {
  readonly team: string;
  readonly people: number;
  readonly themes: DigestThemeCounts;
}

/** People per career path or flight-risk value; `other` holds the values too rare to show. */
export type DigestValueCounts = Readonly<Record<string, number>>;

/** One calendar quarter of a digest. */
export interface DigestQuarter {
  readonly quarter: string;
  readonly people: number;
  readonly themes: DigestThemeCounts;
  readonly teams: readonly DigestTeam[];
  readonly hiddenTeamPeople: number;
  readonly careerPaths: DigestValueCounts;
  readonly flightRisk: DigestValueCounts;
  /** Mentions (a person raising a theme) of themes too rare to leave (format version 3). */
  readonly otherThemes?: number;
  /**
   * One token per person counted whose notes carry a stable id (`personId`), so a collation counts a
   * person held by two managers in one quarter (a handover) once (format version 4). See `personToken`.
   */
  readonly personTokens?: readonly string[];
}

/** A team digest: what one manager shares for collation (schemas/digest.schema.json). */
export interface TeamDigest {
  readonly format: typeof DIGEST_FORMAT;
  readonly formatVersion: number;
  readonly label?: string;
  readonly created: string;
  /** The notes folder's anonymous id (format version 2). */
  readonly sourceId?: string;
  readonly minGroupSize: number;
  /** Fewest people a theme is carried for, unless it is an agreed theme (format version 3). */
  readonly minThemeGroup?: number;
  /** Notes that could not be read when it was made: its counts may be low. */
  readonly notesNotRead?: number;
  readonly quarters: readonly DigestQuarter[];
  /** sha256 of the file's bytes with these digits zeroed (see sealDigest). */
  readonly contentHash: string;
}

export interface DigestOptions {
  readonly today: string;
  readonly minGroupSize?: number;
  /** Fewest people a theme is carried for, unless the vocabulary knows it (default 3, never below 2). */
  readonly minThemeGroup?: number;
  readonly label?: string;
  readonly vocabulary?: Vocabulary;
  /** The notes folder's id (`readSourceId`, kept in the notes repository). */
  readonly sourceId: string;
  /** Notes that could not be read, when the manager chose to go on without them. */
  readonly notesNotRead?: number;
}

/** A digest and what was kept back, for telling the manager before anything is written. */
export interface DigestBuilt {
  readonly digest: TeamDigest;
  /** Quarters with fewer people than the minimum: not in the digest. */
  readonly quartersLeftOut: readonly { quarter: string; people: number }[];
  /** Themes left out because they look like a sentence or hold a name. */
  readonly themesLeftOut: number;
  /** Breakdowns left empty because everyone gave the same answer ("2026-Q3 flightRisk"). */
  readonly sameAnswers: readonly string[];
  /** The sealed file content, exactly as it is to be written. */
  readonly text: string;
}

export type DigestResult = DigestBuilt | { readonly refusal: string };

/** "2026-Q4" for a YYYY-MM-DD day; undefined for anything else. */
export function quarterOf(day: string | undefined): string | undefined {
  const match = day ? /^(\d{4})-(\d{2})-\d{2}$/.exec(day) : null;
  if (!match) return undefined;
  const month = Number(match[2]);
  return month >= 1 && month <= 12 ? `${match[1]}-Q${Math.ceil(month / 3)}` : undefined;
}

/** The quarter before: 2026-Q1 gives 2025-Q4. */
export function previousQuarter(quarter: string): string {
  const [year, q] = [Number(quarter.slice(0, 4)), Number(quarter.slice(6))];
  return q === 1 ? `${year - 1}-Q4` : `${year}-Q${q - 1}`;
}

const UNSEALED = `sha256:${'0'.repeat(64)}`;
const SEAL = /"contentHash"\s*:\s*"sha256:([0-9a-f]{64})"/g;

/**
 * The digest as the file it is written to, sealed: `contentHash` is the sha256 of these exact bytes
 * with the hash's own 64 digits set to zeros. Any change to the file, even its spacing, breaks it.
 */
export function sealDigest(withoutHash: object): string {
  const unsealed = `${JSON.stringify({ ...withoutHash, contentHash: UNSEALED }, null, 2)}\n`;
  return unsealed.replace(UNSEALED, `sha256:${sha256Hex(unsealed)}`);
}

/** True when the file's text still has the hash it was sealed with (and only one). */
export function sealHolds(text: string): boolean {
  const seals = [...text.matchAll(SEAL)];
  if (seals.length !== 1) return false;
  const digits = seals[0][1];
  const at = (seals[0].index ?? 0) + seals[0][0].length - 65;
  const unsealed = `${text.slice(0, at)}${'0'.repeat(64)}${text.slice(at + 64)}`;
  return sha256Hex(unsealed) === digits;
}

/**
 * Builds a team digest from the notes. Built from an allowlist: counts of distinct people per
 * quarter, canonical theme and large enough team; nothing from private places; no names, text,
 * paths or days. Refuses when no quarter has at least the minimum number of people.
 */
export function buildDigest(allNotes: readonly IndexedNote[], options: DigestOptions): DigestResult {
  const minGroupSize = effectiveMinGroupSize(options.minGroupSize);
  const minThemeGroup = effectiveMinThemeGroup(options.minThemeGroup);
  const vocabulary = options.vocabulary ?? EMPTY_VOCABULARY;
  const everyName = namesIn(allNotes);
  const names: NameChecks = { scrub: nameScrubber(everyName), holdsName: labelHoldsName(everyName) };
  const rules: QuarterRules = { names, minGroupSize, minThemeGroup, vocabulary, sameAnswers: [] };
  const reportable = reportableNotes(allNotes, vocabulary);
  const stableIds = stableIdsByPerson(reportable);
  const byQuarter = notesByQuarter(reportable);
  const themes = themeNamer(vocabulary, names);
  const quarters: DigestQuarter[] = [];
  const quartersLeftOut: { quarter: string; people: number }[] = [];
  for (const quarter of [...byQuarter.keys()].sort()) {
    const notes = byQuarter.get(quarter) ?? [];
    const latest = latestPerPerson(notes);
    if (latest.size < minGroupSize) quartersLeftOut.push({ quarter, people: latest.size });
    else quarters.push(withPersonTokens(digestQuarter(quarter, latest, themesByPerson(notes, themes.name), rules), latest, stableIds));
  }
  if (quarters.length === 0) {
    const sizes = quartersLeftOut.map(q => `${q.quarter}: ${q.people}`).join(', ');
    return {
      refusal: msg('digest.groupTooSmall', minGroupSize, sizes ? msg('digest.quarterSizes', sizes) : ''),
    };
  }
  const label = options.label?.trim().slice(0, 80) || undefined;
  const body = {
    format: DIGEST_FORMAT, formatVersion: quarters.some(q => q.personTokens) ? DIGEST_FORMAT_VERSION : VERSION_WITHOUT_TOKENS, ...(label ? { label } : {}),
    created: options.today, sourceId: options.sourceId, minGroupSize, minThemeGroup, ...(options.notesNotRead ? { notesNotRead: options.notesNotRead } : {}), quarters,
  } as const;
  const text = sealDigest(body);
  return { digest: JSON.parse(text) as TeamDigest, text, quartersLeftOut, themesLeftOut: themes.dropped.size, sameAnswers: rules.sameAnswers };
}

/**
 * A person's token for one quarter: the first 128 bits of sha256 over the quarter and their stable id.
 * The id is random (never derived from a name), so the token cannot be traced to anyone; the quarter in
 * it means two quarters' tokens of one person do not match, so a digest shows no one's path over time.
 */
export function personToken(quarter: string, stableId: string): string {
  return sha256Hex(`growth-person-token\u0000${quarter}\u0000${stableId}`).slice(0, 32);
}

/** Each person's stable id: the one in their latest note that carries one. */
function stableIdsByPerson(notes: readonly IndexedNote[]): Map<string, string> {
  const found = new Map<string, { id: string; date: string }>();
  for (const note of notes) {
    if (!note.stablePersonId || !note.person?.trim()) continue;
    const person = personOf(note);
    const seen = found.get(person);
    if (!seen || seen.date < (note.date ?? '')) found.set(person, { id: note.stablePersonId, date: note.date ?? '' });
  }
  return new Map([...found].map(([person, { id }]) => [person, id]));
}

/** The quarter with the tokens of the people counted in it who have a stable id; unchanged when none has. */
function withPersonTokens(quarter: DigestQuarter, latest: ReadonlyMap<string, IndexedNote>, stableIds: ReadonlyMap<string, string>): DigestQuarter {
  const tokens = [...new Set([...latest.keys()].map(person => stableIds.get(person)).filter((id): id is string => id !== undefined)
    .map(id => personToken(quarter.quarter, id)))].sort();
  return tokens.length > 0 ? { ...quarter, personTokens: tokens } : quarter;
}

/** The two ways a theme or team name can point at someone: it mentions a name, or it holds one. */
interface NameChecks {
  readonly scrub: (text: string) => string;
  readonly holdsName: (label: string) => boolean;
}

/** What every quarter of one digest is held to, and what it noted on the way. */
interface QuarterRules {
  readonly names: NameChecks;
  readonly minGroupSize: number;
  readonly minThemeGroup: number;
  readonly vocabulary: Vocabulary;
  /** Breakdowns left empty because everyone gave the same answer. */
  readonly sameAnswers: string[];
}

/** The notes of each quarter, by the note's day; notes without a day or a person are left out. */
function notesByQuarter(notes: readonly IndexedNote[]): Map<string, IndexedNote[]> {
  const byQuarter = new Map<string, IndexedNote[]>();
  for (const note of notes) {
    const quarter = quarterOf(note.date);
    if (!quarter || !note.person?.trim()) continue;
    const list = byQuarter.get(quarter);
    if (list) list.push(note);
    else byQuarter.set(quarter, [note]);
  }
  return byQuarter;
}

/** The digest's name for a theme spelling: the vocabulary's, or a short one that holds no name; the rest are dropped. */
function themeNamer(vocabulary: Vocabulary, names: NameChecks): { name: (spelling: string) => string | undefined; dropped: Set<string> } {
  const dropped = new Set<string>();
  // Every note repeats the same few spellings: each is checked against the names once.
  const named = new Map<string, string | undefined>();
  const name = (spelling: string): string | undefined => {
    if (!named.has(spelling)) named.set(spelling, check(spelling));
    return named.get(spelling);
  };
  const check = (spelling: string): string | undefined => {
    const known = vocabulary.lookup(spelling);
    if (known) return known.name;
    const key = normalizeTheme(spelling);
    const fits = key !== '' && key.length <= MAX_THEME_CHARS && key.split(/[-/]/).length <= MAX_THEME_WORDS && !mentionsAName(names.scrub, key.replace(/[-/]/g, ' ')) && !names.holdsName(key);
    if (!fits) dropped.add(key);
    return fits ? key : undefined;
  };
  return { name, dropped };
}

/**
 * One quarter of at least the minimum group: its counts, with teams too small to show folded into the
 * hidden people. A theme fewer than the theme minimum raised leaves only when it is an agreed theme, and
 * then only for the whole group (never per team), so the organisation can add it up across teams; the
 * others are counted as mentions of other themes. A breakdown where everyone gave the same answer is left empty.
 */
function digestQuarter(quarter: string, latest: ReadonlyMap<string, IndexedNote>, themesOf: Map<string, Set<string>>, rules: QuarterRules): DigestQuarter {
  const { names, minGroupSize, minThemeGroup, vocabulary } = rules;
  const people = latest.size;
  // A team is named only when the name holds no one's name; unnamed teams go with the hidden people.
  const nameable = new Map<string, boolean>();
  const members = new Map<string, string[]>();
  for (const [person, note] of latest) {
    const team = note.team?.trim();
    if (!team) continue;
    if (!nameable.has(team)) nameable.set(team, !mentionsAName(names.scrub, team) && !names.holdsName(team));
    if (!nameable.get(team)) continue;
    const list = members.get(team);
    if (list) list.push(person);
    else members.set(team, [person]);
  }
  const teams = suppressSmallGroups([...members].map(([key, list]) => ({ key, people: list.length })), people, minGroupSize);
  const all = countThemes(themesOf.values());
  const themes = Object.fromEntries(Object.entries(all).filter(([theme, count]) => count >= minThemeGroup || vocabulary.lookup(theme) !== undefined));
  const otherThemes = Object.entries(all).filter(([theme]) => !(theme in themes)).reduce((sum, [, count]) => sum + count, 0);
  const common = (counts: DigestThemeCounts) => Object.fromEntries(Object.entries(counts).filter(([, count]) => count >= minThemeGroup));
  const breakdown = (field: 'careerPaths' | 'flightRisk', values: readonly (string | undefined)[]): DigestValueCounts => {
    if (!everyoneAnsweredAlike(values)) return valueCounts(values.map(value => value ?? 'not-recorded'), minGroupSize);
    rules.sameAnswers.push(`${quarter} ${field}`);
    return {};
  };
  return {
    quarter,
    people,
    themes,
    teams: teams.shown.map(team => ({ team: team.key, people: team.people, themes: common(countThemes((members.get(team.key) ?? []).map(person => themesOf.get(person) ?? new Set<string>()))) })),
    hiddenTeamPeople: teams.hiddenPeople,
    careerPaths: breakdown('careerPaths', [...latest.values()].map(n => n.careerPath)),
    flightRisk: breakdown('flightRisk', [...latest.values()].map(n => n.flightRisk)),
    otherThemes,
  };
}

/** The canonical themes each person raised in the quarter (frontmatter and public tags). */
function themesByPerson(notes: readonly IndexedNote[], themeName: (spelling: string) => string | undefined): Map<string, Set<string>> {
  const byPerson = new Map<string, Set<string>>();
  for (const note of notes) {
    const person = personOf(note);
    const themes = byPerson.get(person) ?? new Set<string>();
    for (const spelling of [...note.themes, ...note.tags.map(tag => tag.name)]) {
      const name = themeName(spelling);
      if (name) themes.add(name);
    }
    byPerson.set(person, themes);
  }
  return byPerson;
}

/** People per theme, most raised first. */
function countThemes(themesOfEach: Iterable<ReadonlySet<string>>): DigestThemeCounts {
  const counts = new Map<string, number>();
  for (const themes of themesOfEach) {
    for (const theme of themes) counts.set(theme, (counts.get(theme) ?? 0) + 1);
  }
  return Object.fromEntries([...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])));
}

/** Values held by at least the minimum; the rest (never fewer than the minimum together) as `other`. */
function valueCounts(values: readonly string[], minGroupSize: number): DigestValueCounts {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  const { shown, hiddenPeople } = suppressSmallGroups([...counts].map(([key, people]) => ({ key, people })), values.length, minGroupSize);
  const result = Object.fromEntries(shown.map(group => [group.key, group.people]));
  return hiddenPeople > 0 ? { ...result, other: hiddenPeople } : result;
}

/** In plain words, exactly what the digest holds: shown to the manager before it is written. */
export function describeDigest(built: DigestBuilt): string[] {
  const { digest } = built;
  const lines = [
    msg('digest.holds', digest.quarters.map(q => q.quarter).join(', ')),
    ...digest.quarters.map(q => ({ q, themes: Object.entries(q.themes) })).map(({ q, themes }) => msg(themes.length === 1 ? 'digest.quarterOneTheme' : 'digest.quarter',
      q.quarter, q.people, themes.length, `${themes.slice(0, 3).map(([theme, people]) => `${theme}: ${people}`).join(', ')}${themes.length > 3 ? ', …' : ''}`,
      q.teams.length > 0 ? msg('digest.teams', q.teams.map(t => `${t.team} (${t.people})`).join(', ')) : msg('digest.noTeams'))),
    msg('digest.nothingElse'),
  ];
  const tokens = digest.quarters.reduce((sum, q) => sum + (q.personTokens?.length ?? 0), 0);
  if (tokens > 0) lines.push(msg('digest.personTokens', tokens));
  if (digest.label) lines.push(msg('digest.label', digest.label));
  if (digest.notesNotRead) lines.push(msg('digest.notesNotRead', digest.notesNotRead));
  if (built.quartersLeftOut.length > 0) lines.push(msg('digest.quartersLeftOut', digest.minGroupSize, built.quartersLeftOut.map(q => q.quarter).join(', ')));
  if (built.themesLeftOut > 0) lines.push(msg(built.themesLeftOut === 1 ? 'digest.themeLeftOut' : 'digest.themesLeftOut', built.themesLeftOut));
  lines.push(msg('digest.rareThemes', digest.minThemeGroup ?? 0));
  if (built.sameAnswers.length > 0) lines.push(msg('digest.sameAnswer', built.sameAnswers.join(', ')));
  return lines;
}

/** The file in a notes repository that keeps its digests' source id: made once by the first digest, then committed. */
export const SOURCE_ID_FILE = '.growth-source-id';

/** The source id a `.growth-source-id` file holds; undefined when it holds none (then it is not replaced: say so). */
export function readSourceId(text: string): string | undefined {
  return text.split(/\r?\n/).map(line => line.trim()).find(line => SOURCE_ID.test(line));
}

/** A new `.growth-source-id` file: the id, after a comment saying what it is, from 16 random bytes. */
export function newSourceIdFile(): string {
  return `${msg('digest.sourceIdComment')}\n${randomHex(16)}\n`;
}
