import Ajv, { ValidateFunction } from 'ajv';
import digestSchema from '../../../schemas/digest.schema.json';
import { DIGEST_FORMAT, DIGEST_FORMAT_VERSION, DigestQuarter, previousQuarter, sealHolds, TeamDigest } from './digest';
import { effectiveMinGroupSize, suppressSmallGroups } from '../privacy';
import { classifyTrend, Trend } from './report';
import { msg, normalizeTheme } from '../base';
import { EMPTY_VOCABULARY, OrgStatus, Vocabulary } from '../workspace';

/** Larger files are rejected unread: a digest of 200 themes over 8 quarters is well under 100 KB. */
export const MAX_DIGEST_BYTES = 1024 * 1024;

/** A digest file as the caller read it. */
export interface DigestFile {
  /** How the file is named in the report (relative path or file name). */
  readonly file: string;
  readonly text: string;
}

export interface Rejection {
  readonly file: string;
  readonly reason: string;
}

/** One theme of the collated quarter, in the exact shape `growth collate --json` prints. */
export interface CollatedTheme {
  readonly theme: string;
  readonly people: number;
  readonly sources: number;
  readonly teams: number;
  readonly crossTeam: boolean;
  readonly trend: Trend;
  readonly previousPeople: number;
  readonly status: OrgStatus | null;
  readonly owner: string | null;
}

/** The collated report of one quarter (`growth collate --json`). */
export interface Collation {
  readonly quarter: string;
  readonly minGroupSize: number;
  readonly people: number;
  readonly sources: number;
  readonly themes: CollatedTheme[];
  readonly teams: { team: string; people: number }[];
  readonly rejected: Rejection[];
}

/** What the Markdown and HTML views add to the JSON: the last four quarters of each theme. */
export interface CollationDetail {
  readonly collation: Collation;
  /** Oldest first, ending with the collated quarter. */
  readonly recentQuarters: string[];
  /** People per theme in each of `recentQuarters`. */
  readonly history: ReadonlyMap<string, number[]>;
  /** The theme's note from the vocabulary, when it has one. */
  readonly notes: ReadonlyMap<string, string>;
}

export interface CollateOptions {
  readonly quarter?: string;
  readonly minGroupSize?: number;
  readonly vocabulary?: Vocabulary;
  /** Today, YYYY-MM-DD: a digest made later than this is refused. */
  readonly today?: string;
}

let validator: ValidateFunction | undefined;

function schemaErrors(data: unknown) {
  if (!validator) validator = new Ajv({ strict: true, allErrors: false, ownProperties: true, coerceTypes: false, useDefaults: false, removeAdditional: false }).compile(digestSchema);
  return validator(data) ? [] : validator.errors ?? [];
}

/** Reads and checks one digest file; a digest that cannot be trusted is a reason, never a partial read. */
export function readDigest(file: DigestFile, minGroupSize: number): TeamDigest | { reason: string } {
  if (file.text.length > MAX_DIGEST_BYTES) return { reason: msg('collate.tooLarge', MAX_DIGEST_BYTES / 1024) };
  let data: unknown;
  try {
    data = JSON.parse(file.text);
  } catch {
    return { reason: msg('collate.notJson') };
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data) || (data as { format?: unknown }).format !== DIGEST_FORMAT) {
    return { reason: msg('collate.notDigest') };
  }
  const version = (data as { formatVersion?: unknown }).formatVersion;
  if (typeof version === 'number' && Number.isInteger(version) && version > DIGEST_FORMAT_VERSION) {
    return { reason: msg('collate.newerFormat', version, DIGEST_FORMAT_VERSION) };
  }
  // Reasons never repeat what the file holds: a rejected digest may carry exactly what must not leave.
  if (version !== DIGEST_FORMAT_VERSION) return { reason: msg('collate.unknownFormat', DIGEST_FORMAT_VERSION) };
  const [error] = schemaErrors(data);
  if (error) {
    return error.keyword === 'additionalProperties'
      ? { reason: msg('collate.unknownField') }
      : { reason: msg('collate.schema') };
  }
  const digest = data as TeamDigest;
  if (!sealHolds(file.text)) return { reason: msg('collate.changed') };
  const seen = new Set<string>();
  const twice = digest.quarters.find(q => seen.size === seen.add(q.quarter).size);
  if (twice) return { reason: msg('collate.quarterTwice', twice.quarter) };
  const small = smallGroupIn(digest, minGroupSize);
  if (small) return { reason: small };
  return digest;
}

function smallGroupIn(digest: TeamDigest, minGroupSize: number): string | undefined {
  if (digest.minGroupSize < minGroupSize) return msg('collate.smallerMinimum', digest.minGroupSize, minGroupSize);
  for (const quarter of digest.quarters) {
    if (quarter.people < minGroupSize) return msg('collate.smallQuarter', quarter.quarter, quarter.people, minGroupSize);
    const team = quarter.teams.find(t => t.people < minGroupSize);
    if (team) return msg('collate.smallTeam', quarter.quarter, team.people, minGroupSize);
    if (quarter.hiddenTeamPeople > 0 && quarter.hiddenTeamPeople < minGroupSize) return msg('collate.subtraction', quarter.quarter, quarter.hiddenTeamPeople);
    if (quarter.teams.reduce((sum, t) => sum + t.people, 0) + quarter.hiddenTeamPeople !== quarter.people) {
      return msg('collate.teamsDoNotAddUp', quarter.quarter, quarter.people);
    }
    const value = [...Object.entries(quarter.careerPaths), ...Object.entries(quarter.flightRisk)].find(([, people]) => people < minGroupSize);
    if (value) return msg('collate.smallValue', quarter.quarter, value[1], value[0], minGroupSize);
  }
  return undefined;
}

/**
 * The key two digests' theme names are merged by (the vocabulary's canonical theme, else case,
 * spaces and hyphens ignored) and the name the report shows. Memoised: digests repeat their themes.
 */
class ThemeKeys {
  private readonly known = new Map<string, { key: string; name: string }>();
  private readonly firstNames = new Map<string, string>();

  constructor(private readonly vocabulary: Vocabulary) {}

  of(theme: string): { key: string; name: string } {
    let found = this.known.get(theme);
    if (!found) {
      const canonical = this.vocabulary.lookup(theme);
      const key = canonical?.key ?? normalizeTheme(theme);
      // Without a vocabulary entry, the first spelling seen names the theme.
      let name = canonical?.name ?? this.firstNames.get(key);
      if (name === undefined) this.firstNames.set(key, name = theme);
      this.known.set(theme, found = { key, name });
    }
    return found;
  }

  /** The name shown for a merge key. */
  nameOfKey(key: string): string {
    return this.vocabulary.themes.find(t => t.key === key)?.name ?? this.firstNames.get(key) ?? key;
  }
}

/** One theme in one quarter, across the digests merged so far. */
interface ThemeTally {
  people: number;
  sources: number;
  readonly namedTeams: Set<string>;
  /** Digests whose people raising the theme were (partly) outside any named team: one team each. */
  otherTeams: number;
}

/** One quarter across the digests merged so far. */
interface QuarterTally {
  people: number;
  sources: number;
  readonly themes: Map<string, ThemeTally>;
  readonly teams: Map<string, { team: string; people: number }>;
}

function foldQuarter(tally: QuarterTally, quarter: DigestQuarter, keys: ThemeKeys) {
  tally.people += quarter.people;
  tally.sources++;
  const namedTeams = new Map<string, string[]>();
  const namedPeople = new Map<string, number>();
  for (const team of quarter.teams) {
    const teamKey = team.team.trim().toLowerCase();
    const entry = tally.teams.get(teamKey) ?? { team: team.team.trim(), people: 0 };
    entry.people += team.people;
    tally.teams.set(teamKey, entry);
    for (const [key, people] of byCanonicalTheme(team.themes, keys)) {
      const list = namedTeams.get(key);
      if (list) list.push(teamKey);
      else namedTeams.set(key, [teamKey]);
      namedPeople.set(key, (namedPeople.get(key) ?? 0) + people);
    }
  }
  for (const [key, people] of byCanonicalTheme(quarter.themes, keys)) {
    let themeTally = tally.themes.get(key);
    if (!themeTally) tally.themes.set(key, themeTally = { people: 0, sources: 0, namedTeams: new Set(), otherTeams: 0 });
    themeTally.people += people;
    themeTally.sources++;
    const teams = namedTeams.get(key);
    if (teams) for (const team of teams) themeTally.namedTeams.add(team);
    // People outside the named teams (a withheld breakdown, small teams) count as one more team of this digest.
    if ((namedPeople.get(key) ?? 0) < people) themeTally.otherTeams++;
  }
}

/**
 * One digest's theme counts under their canonical keys. Two spellings of one theme in the same
 * digest may be the same people, so they merge by the larger count: a person is never counted twice.
 */
function byCanonicalTheme(themes: Readonly<Record<string, number>>, keys: ThemeKeys): Map<string, number> {
  const merged = new Map<string, number>();
  for (const theme in themes) {
    const { key } = keys.of(theme);
    merged.set(key, Math.max(merged.get(key) ?? 0, themes[theme]));
  }
  return merged;
}

/**
 * Merges digests into the report of one quarter (the latest present unless chosen). Every digest
 * is checked first; the ones that cannot be trusted are listed with their reason and the rest merge.
 * Files are read one at a time and folded into per-quarter counts, so memory does not grow with
 * the number of digests; when two clash, the one that comes first wins.
 */
export function collateDigests(files: Iterable<DigestFile>, options: CollateOptions = {}): CollationDetail {
  const minGroupSize = effectiveMinGroupSize(options.minGroupSize);
  const vocabulary = options.vocabulary ?? EMPTY_VOCABULARY;
  const keys = new ThemeKeys(vocabulary);
  const { quarters, rejected } = tallyDigests(files, options, minGroupSize, keys);
  const present = [...quarters.keys()].sort();
  const quarter = options.quarter ?? present[present.length - 1] ?? '';
  const recentQuarters = [previousQuarter(previousQuarter(previousQuarter(quarter))), previousQuarter(previousQuarter(quarter)), previousQuarter(quarter), quarter];
  const current = quarters.get(quarter) ?? { people: 0, sources: 0, themes: new Map<string, ThemeTally>(), teams: new Map() };
  const history = new Map<string, number[]>();
  for (const key of current.themes.keys()) history.set(keys.nameOfKey(key), recentQuarters.map(q => quarters.get(q)?.themes.get(key)?.people ?? 0));
  const themes: CollatedTheme[] = [...current.themes].map(([key, tally]) => {
    const name = keys.nameOfKey(key);
    const previousPeople = history.get(name)?.[2] ?? 0;
    const response = vocabulary.lookup(name)?.response;
    const teams = tally.namedTeams.size + tally.otherTeams;
    return {
      theme: name, people: tally.people, sources: tally.sources, teams, crossTeam: teams >= 2,
      trend: classifyTrend(tally.people, previousPeople), previousPeople, status: response?.status ?? null, owner: response?.owner ?? null,
    };
  }).sort((a, b) => Number(b.crossTeam) - Number(a.crossTeam) || b.people - a.people || a.theme.localeCompare(b.theme));
  const teams = suppressSmallGroups([...current.teams.values()].map(t => ({ key: t.team, people: t.people })), current.people, minGroupSize)
    .shown.map(t => ({ team: t.key, people: t.people }));
  const notes = new Map<string, string>();
  for (const theme of themes) {
    const note = vocabulary.lookup(theme.theme)?.response?.note;
    if (note) notes.set(theme.theme, note);
  }
  return { collation: { quarter, minGroupSize, people: current.people, sources: current.sources, themes, teams, rejected }, recentQuarters, history, notes };
}

/**
 * Checks each digest and folds the ones that can be trusted into per-quarter counts. A digest is
 * rejected, with its reason, when it cannot be read, is dated after today, repeats one already
 * read, or gives a label and quarter another digest already gave. Rejections come sorted by file.
 */
function tallyDigests(files: Iterable<DigestFile>, options: CollateOptions, minGroupSize: number, keys: ThemeKeys): { quarters: Map<string, QuarterTally>; rejected: Rejection[] } {
  const rejected: Rejection[] = [];
  const byHash = new Map<string, string>();
  const byLabelQuarter = new Map<string, string>();
  const quarters = new Map<string, QuarterTally>();
  const labelOf = (digest: TeamDigest) => digest.label?.trim().toLowerCase();
  // Why a readable digest cannot be used beside the ones before it; undefined when it can.
  const clashOf = (digest: TeamDigest): string | undefined => {
    if (options.today && digest.created > options.today) return msg('collate.future', digest.created);
    const twin = byHash.get(digest.contentHash);
    if (twin) return msg('collate.sameDigest', twin);
    const label = labelOf(digest);
    const clash = label ? digest.quarters.map(q => byLabelQuarter.get(`${label}\u0000${q.quarter}`)).find(Boolean) : undefined;
    return clash ? msg('collate.sameLabel', digest.label ?? '', clash) : undefined;
  };
  for (const file of files) {
    const read = readDigest(file, minGroupSize);
    const reason = 'reason' in read ? read.reason : clashOf(read);
    if (reason !== undefined) rejected.push({ file: file.file, reason });
    if (reason !== undefined || 'reason' in read) continue;
    const label = labelOf(read);
    byHash.set(read.contentHash, file.file);
    for (const quarter of read.quarters) {
      if (label) byLabelQuarter.set(`${label}\u0000${quarter.quarter}`, file.file);
      let tally = quarters.get(quarter.quarter);
      if (!tally) quarters.set(quarter.quarter, tally = { people: 0, sources: 0, themes: new Map(), teams: new Map() });
      foldQuarter(tally, quarter, keys);
    }
  }
  rejected.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  return { quarters, rejected };
}
