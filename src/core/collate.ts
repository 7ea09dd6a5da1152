import Ajv, { ValidateFunction } from 'ajv';
import digestSchema from '../../schemas/digest.schema.json';
import { DIGEST_FORMAT, DIGEST_FORMAT_VERSION, digestHash, DigestQuarter, previousQuarter, TeamDigest } from './digest';
import { effectiveMinGroupSize, suppressSmallGroups } from './groupPrivacy';
import { classifyTrend, Trend } from './report';
import { normalizeTheme } from './themes';
import { EMPTY_VOCABULARY, OrgStatus, Vocabulary } from './vocabulary';

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
  if (file.text.length > MAX_DIGEST_BYTES) return { reason: `larger than ${MAX_DIGEST_BYTES / 1024} KB, so it was not read` };
  let data: unknown;
  try {
    data = JSON.parse(file.text);
  } catch {
    return { reason: 'not a JSON file' };
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data) || (data as { format?: unknown }).format !== DIGEST_FORMAT) {
    return { reason: 'not a team digest (its "format" is not growth-team-digest)' };
  }
  const version = (data as { formatVersion?: unknown }).formatVersion;
  if (typeof version === 'number' && Number.isInteger(version) && version > DIGEST_FORMAT_VERSION) {
    return { reason: `made in format version ${version}, newer than this collation knows (${DIGEST_FORMAT_VERSION}); update the tool` };
  }
  if (version !== DIGEST_FORMAT_VERSION) return { reason: `format version ${JSON.stringify(version)} is not one this collation knows (${DIGEST_FORMAT_VERSION})` };
  const [error] = schemaErrors(data);
  if (error) {
    if (error.keyword === 'additionalProperties') {
      return { reason: `has a field the digest format does not know ("${String(error.params.additionalProperty)}" at ${error.instancePath || 'the top'}); a name or note may have slipped in` };
    }
    return { reason: `does not follow the digest format: ${error.instancePath || 'the top'} ${error.message ?? 'is not valid'}` };
  }
  const digest = data as TeamDigest;
  const { contentHash, ...body } = digest;
  if (digestHash(body) !== contentHash) return { reason: 'its content was changed after it was made (the content hash does not match)' };
  const small = smallGroupIn(digest, minGroupSize);
  if (small) return { reason: small };
  return digest;
}

function smallGroupIn(digest: TeamDigest, minGroupSize: number): string | undefined {
  if (digest.minGroupSize < minGroupSize) return `made with groups as small as ${digest.minGroupSize}; this collation needs at least ${minGroupSize}`;
  for (const quarter of digest.quarters) {
    if (quarter.people < minGroupSize) return `${quarter.quarter} has a group of ${quarter.people} people, under the minimum of ${minGroupSize}`;
    const team = quarter.teams.find(t => t.people < minGroupSize);
    if (team) return `${quarter.quarter} shows a team of ${team.people} people, under the minimum of ${minGroupSize}`;
    if (quarter.hiddenTeamPeople > 0 && quarter.hiddenTeamPeople < minGroupSize) return `${quarter.quarter} lets a group of ${quarter.hiddenTeamPeople} be worked out by subtraction`;
    if (quarter.teams.reduce((sum, t) => sum + t.people, 0) + quarter.hiddenTeamPeople !== quarter.people) {
      return `${quarter.quarter}'s team counts do not add up to its ${quarter.people} people, so a hidden group could be worked out`;
    }
    const value = [...quarter.careerPaths, ...quarter.flightRisk].find(v => v.people < minGroupSize);
    if (value) return `${quarter.quarter} counts ${value.people} people for "${value.value}", under the minimum of ${minGroupSize}`;
  }
  return undefined;
}

/** The key two digests' theme names are merged by: the vocabulary's canonical theme, else case, spaces and hyphens ignored. */
function mergeKey(theme: string, vocabulary: Vocabulary): string {
  return vocabulary.lookup(theme)?.key ?? normalizeTheme(theme);
}

/**
 * Merges digests into the report of one quarter (the latest present unless chosen). Every digest
 * is checked first; the ones that cannot be trusted are listed with their reason and the rest merge.
 */
export function collateDigests(files: readonly DigestFile[], options: CollateOptions = {}): CollationDetail {
  const minGroupSize = effectiveMinGroupSize(options.minGroupSize);
  const vocabulary = options.vocabulary ?? EMPTY_VOCABULARY;
  const rejected: Rejection[] = [];
  const accepted: { file: string; digest: TeamDigest; quarters: Map<string, DigestQuarter> }[] = [];
  const byHash = new Map<string, string>();
  const byLabelQuarter = new Map<string, string>();
  for (const file of [...files].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0))) {
    const read = readDigest(file, minGroupSize);
    if ('reason' in read) {
      rejected.push({ file: file.file, reason: read.reason });
      continue;
    }
    if (options.today && read.created > options.today) {
      rejected.push({ file: file.file, reason: `dated ${read.created}, after today` });
      continue;
    }
    const twin = byHash.get(read.contentHash);
    if (twin) {
      rejected.push({ file: file.file, reason: `the same digest as ${twin}` });
      continue;
    }
    const label = read.label?.trim().toLowerCase();
    const clash = label ? read.quarters.map(q => byLabelQuarter.get(`${label}\u0000${q.quarter}`)).find(Boolean) : undefined;
    if (clash) {
      rejected.push({ file: file.file, reason: `has the same label ("${read.label}") and quarter as ${clash}` });
      continue;
    }
    byHash.set(read.contentHash, file.file);
    if (label) for (const q of read.quarters) byLabelQuarter.set(`${label}\u0000${q.quarter}`, file.file);
    accepted.push({ file: file.file, digest: read, quarters: new Map(read.quarters.map(q => [q.quarter, q])) });
  }

  const present = [...new Set(accepted.flatMap(a => [...a.quarters.keys()]))].sort();
  const quarter = options.quarter ?? present[present.length - 1] ?? '';
  const recentQuarters = [previousQuarter(previousQuarter(previousQuarter(quarter))), previousQuarter(previousQuarter(quarter)), previousQuarter(quarter), quarter];
  const names = new Map<string, string>();
  const history = new Map<string, number[]>();
  interface Tally { people: number; sources: number; teams: Set<string> }
  const tallies = new Map<string, Tally>();
  const teamPeople = new Map<string, { team: string; people: number }>();
  let people = 0;
  let sources = 0;

  accepted.forEach(({ quarters }, digestIndex) => {
    recentQuarters.forEach((q, position) => {
      for (const theme of quarters.get(q)?.themes ?? []) {
        const key = mergeKey(theme.theme, vocabulary);
        if (!names.has(key)) names.set(key, vocabulary.lookup(theme.theme)?.name ?? theme.theme);
        let counts = history.get(key);
        if (!counts) history.set(key, counts = [0, 0, 0, 0]);
        counts[position] += theme.people;
      }
    });
    const current = quarters.get(quarter);
    if (!current) return;
    sources++;
    people += current.people;
    for (const team of current.teams) {
      const teamKey = team.team.trim().toLowerCase();
      const entry = teamPeople.get(teamKey) ?? { team: team.team.trim(), people: 0 };
      entry.people += team.people;
      teamPeople.set(teamKey, entry);
    }
    const namedTeams = new Map<string, Set<string>>();
    const namedCount = new Map<string, number>();
    for (const team of current.teams) {
      for (const theme of team.themes) {
        const key = mergeKey(theme.theme, vocabulary);
        namedTeams.set(key, (namedTeams.get(key) ?? new Set()).add(team.team.trim().toLowerCase()));
        namedCount.set(key, (namedCount.get(key) ?? 0) + theme.people);
      }
    }
    for (const theme of current.themes) {
      const key = mergeKey(theme.theme, vocabulary);
      const tally = tallies.get(key) ?? { people: 0, sources: 0, teams: new Set<string>() };
      tally.people += theme.people;
      tally.sources++;
      for (const team of namedTeams.get(key) ?? []) tally.teams.add(`team:${team}`);
      // People outside the named teams (a withheld breakdown, small teams) count as one more team of this digest.
      if ((namedCount.get(key) ?? 0) < theme.people) tally.teams.add(`digest:${digestIndex}`);
      tallies.set(key, tally);
    }
  });

  const themes: CollatedTheme[] = [...tallies].map(([key, tally]) => {
    const previousPeople = history.get(key)?.[2] ?? 0;
    const response = vocabulary.lookup(names.get(key) ?? key)?.response;
    return {
      theme: names.get(key) ?? key,
      people: tally.people,
      sources: tally.sources,
      teams: tally.teams.size,
      crossTeam: tally.teams.size >= 2,
      trend: classifyTrend(tally.people, previousPeople),
      previousPeople,
      status: response?.status ?? null,
      owner: response?.owner ?? null,
    };
  }).sort((a, b) => Number(b.crossTeam) - Number(a.crossTeam) || b.people - a.people || a.theme.localeCompare(b.theme));
  const teams = suppressSmallGroups([...teamPeople.values()].map(t => ({ key: t.team, people: t.people })), people, minGroupSize)
    .shown.map(t => ({ team: t.key, people: t.people }));
  const notes = new Map<string, string>();
  for (const theme of themes) {
    const note = vocabulary.lookup(theme.theme)?.response?.note;
    if (note) notes.set(theme.theme, note);
  }
  const historyByName = new Map([...history].map(([key, counts]) => [names.get(key) ?? key, counts]));
  return { collation: { quarter, minGroupSize, people, sources, themes, teams, rejected }, recentQuarters, history: historyByName, notes };
}
