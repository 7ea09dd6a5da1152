import { digest as digestValidator } from 'growth:schema-validators';
import { DIGEST_FORMAT, DIGEST_FORMAT_VERSION, DigestQuarter, KNOWN_DIGEST_VERSIONS, previousQuarter, quarterOf, sealHolds, TeamDigest } from './digest';
import { effectiveMinGroupSize, effectiveMinThemeGroup, suppressSmallGroups } from '../privacy';
import { classifyTrend, Trend } from './report';
import { addDays, msg, normalizeTheme } from '../base';
import { EMPTY_VOCABULARY, OrgStatus, Vocabulary } from '../workspace';

/** Larger files are rejected unread: a digest of 200 themes over 8 quarters is well under 100 KB. */
export const MAX_DIGEST_BYTES = 1024 * 1024;

/** A digest file as the caller read it. */
export interface DigestFile {
  /** How the file is named in the report (relative path or file name). */
  readonly file: string;
  readonly text: string;
  /** Why the caller did not read it (not a regular file, too large): the file is rejected with this reason. */
  readonly unreadable?: string;
  /**
   * Reads the file again, when a newer digest from the same notes replaces it after it was merged: so a
   * caller reading thousands of files need not keep their texts. Without it, the text is kept.
   */
  readonly reread?: () => string;
}

/** An older digest's quarters replaced by a newer digest from the same notes (the same source id, or label in format 1). */
export interface Superseded {
  readonly file: string;
  readonly by: string;
  readonly quarters: string[];
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
  /** Fewest people (across the digests) a theme is shown for. */
  readonly minThemeGroup: number;
  readonly people: number;
  readonly sources: number;
  readonly themes: CollatedTheme[];
  /** Mentions of themes too rare to show: those under the theme minimum here, and those no digest let leave its team. */
  readonly otherThemes: number;
  readonly teams: { team: string; people: number }[];
  readonly rejected: Rejection[];
  readonly superseded: Superseded[];
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
  /** Fewest people across the digests a theme is shown for (default 3, never below 2). */
  readonly minThemeGroup?: number;
  readonly vocabulary?: Vocabulary;
  /** Today, YYYY-MM-DD: a digest made later than this is refused. */
  readonly today?: string;
}

/** Compiled from schemas/digest.schema.json at build time (scripts/schemaValidators.mjs); stops at the first problem. */
function schemaErrors(data: unknown) {
  return digestValidator(data) ? [] : digestValidator.errors ?? [];
}

/**
 * Reads and checks one digest file; a digest that cannot be trusted is a reason, never a partial read.
 * With the org's vocabulary, a rare theme in a format 3 digest must be one of its agreed themes.
 */
export function readDigest(file: DigestFile, minGroupSize: number, today?: string, vocabulary?: Vocabulary): TeamDigest | { reason: string } {
  if (file.unreadable !== undefined) return { reason: file.unreadable };
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
  if (typeof version !== 'number' || !KNOWN_DIGEST_VERSIONS.includes(version)) return { reason: msg('collate.unknownFormat', KNOWN_DIGEST_VERSIONS.join(', ')) };
  const [error] = schemaErrors(data);
  if (error) {
    return error.keyword === 'additionalProperties'
      ? { reason: msg('collate.unknownField') }
      : { reason: msg('collate.schema') };
  }
  const digest = data as TeamDigest;
  // Version 2 always carries its source id (the schema allows it missing only for version 1).
  if (version >= 2 && digest.sourceId === undefined) return { reason: msg('collate.schema') };
  // Version 3 always says its theme minimum, by which its rare themes are checked.
  if (version >= 3 && digest.minThemeGroup === undefined) return { reason: msg('collate.schema') };
  if (!sealHolds(file.text)) return { reason: msg('collate.changed') };
  const seen = new Set<string>();
  const twice = digest.quarters.find(q => seen.size === seen.add(q.quarter).size);
  if (twice) return { reason: msg('collate.quarterTwice', twice.quarter) };
  const wrong = smallGroupIn(digest, minGroupSize) ?? impossibleCountIn(digest) ?? rareThemeIn(digest, vocabulary) ?? sameAnswerIn(digest) ?? wrongDayIn(digest, today);
  if (wrong) return { reason: wrong };
  return digest;
}

/**
 * Counts no digest can hold, however it was made: a theme raised by more people than the group (or a
 * team's theme by more than the team, or than the whole quarter), a career-path or flight-risk breakdown
 * that does not add up to the group. The seal only shows the file is as it was sealed; these show it
 * could be true. (Whole, non-negative numbers are the schema's part.)
 */
function impossibleCountIn(digest: TeamDigest): string | undefined {
  for (const quarter of digest.quarters) {
    // Tokens come only with version 4, one per person counted: never more than the group.
    const tokens = quarter.personTokens?.length ?? 0;
    if (tokens > quarter.people || (tokens > 0 && digest.formatVersion < 4)) return msg('collate.tokensImpossible', quarter.quarter, tokens, quarter.people);
    const theme = Object.entries(quarter.themes).find(([, people]) => people > quarter.people);
    if (theme) return msg('collate.themeAboveGroup', quarter.quarter, theme[1], quarter.people);
    // Spellings of one theme may differ between the quarter and its teams: compare by the theme, not the spelling.
    const inQuarter = new Map<string, number>();
    for (const [name, people] of Object.entries(quarter.themes)) inQuarter.set(normalizeTheme(name), Math.max(people, inQuarter.get(normalizeTheme(name)) ?? 0));
    for (const team of quarter.teams) {
      const inTeam = Object.entries(team.themes).find(([name, people]) => people > team.people || people > (inQuarter.get(normalizeTheme(name)) ?? 0));
      if (inTeam) return msg('collate.teamThemeImpossible', quarter.quarter, team.team, inTeam[1]);
    }
    for (const [field, counts] of [['careerPaths', quarter.careerPaths], ['flightRisk', quarter.flightRisk]] as const) {
      const values = Object.values(counts);
      // An empty breakdown says nothing (and hides nothing); one that is given must count every person once.
      const sum = values.reduce((total, people) => total + people, 0);
      if (values.length > 0 && sum !== quarter.people) return msg('collate.breakdownDoesNotAddUp', quarter.quarter, field, sum, quarter.people);
    }
  }
  return undefined;
}

/**
 * A format 3 digest carries a theme fewer than its theme minimum raised only for the whole group, and
 * only when it is an agreed theme: one in a team, or (when the collation has the vocabulary) one the
 * vocabulary does not know, was not made by the rules it says it follows.
 */
function rareThemeIn(digest: TeamDigest, vocabulary: Vocabulary | undefined): string | undefined {
  const minimum = digest.minThemeGroup;
  if (minimum === undefined) return undefined;
  for (const quarter of digest.quarters) {
    for (const team of quarter.teams) {
      const rare = Object.entries(team.themes).find(([, people]) => people < minimum);
      if (rare) return msg('collate.rareTeamTheme', quarter.quarter, rare[1], team.team, minimum);
    }
    if (!vocabulary || vocabulary.isEmpty) continue;
    const rare = Object.entries(quarter.themes).find(([theme, people]) => people < minimum && vocabulary.lookup(theme) === undefined);
    if (rare) return msg('collate.rareThemeNotAgreed', quarter.quarter, rare[1], minimum);
  }
  return undefined;
}

/**
 * A format 3 digest gives no career-path or flight-risk breakdown where everyone with a value has the
 * same one (it would say what each person answered): one that does was not made by these rules.
 */
function sameAnswerIn(digest: TeamDigest): string | undefined {
  if (digest.minThemeGroup === undefined) return undefined;
  for (const quarter of digest.quarters) {
    for (const [field, counts] of [['careerPaths', quarter.careerPaths], ['flightRisk', quarter.flightRisk]] as const) {
      const answers = Object.keys(counts).filter(value => value !== 'not-recorded');
      if (answers.length === 1 && answers[0] !== 'other') return msg('collate.sameAnswerBreakdown', quarter.quarter, field);
    }
  }
  return undefined;
}

/**
 * A digest made after today, or listing a quarter that starts after the day it was made, cannot be
 * right. Days compare with a day to spare: a digest made at UTC+14 may be collated at UTC-12.
 */
function wrongDayIn(digest: TeamDigest, today: string | undefined): string | undefined {
  if (today && digest.created > addDays(today, 1)) return msg('collate.future', digest.created);
  const made = quarterOf(addDays(digest.created, 1));
  const later = made === undefined ? undefined : digest.quarters.find(q => q.quarter > made);
  return later ? msg('collate.quarterAfterMade', later.quarter, digest.created) : undefined;
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
  /** Named teams raising it, each with the number of digests that named it (so a replaced digest can be taken out). */
  readonly namedTeams: Map<string, number>;
  /** Digests whose people raising the theme were (partly) outside any named team: one team each. */
  otherTeams: number;
}

/** One quarter across the digests merged so far. */
interface QuarterTally {
  people: number;
  sources: number;
  /** Mentions of themes the digests kept back as too rare. */
  otherThemes: number;
  readonly themes: Map<string, ThemeTally>;
  readonly teams: Map<string, { team: string; people: number }>;
  /** How many of the digests folded in count each person token: a person counted by two managers counts once. */
  readonly tokens: Map<string, number>;
}

/** Adds one digest's quarter to the tally (`sign` 1), or takes it out again (-1) when a newer digest replaces it. */
function foldQuarter(tally: QuarterTally, quarter: DigestQuarter, keys: ThemeKeys, sign: 1 | -1) {
  tally.people += sign * quarter.people;
  tally.sources += sign;
  foldTokens(tally, quarter.personTokens ?? [], sign);
  tally.otherThemes += sign * (quarter.otherThemes ?? 0);
  const namedTeams = new Map<string, string[]>();
  const namedPeople = new Map<string, number>();
  for (const team of quarter.teams) {
    const teamKey = team.team.trim().toLowerCase();
    const entry = tally.teams.get(teamKey) ?? { team: team.team.trim(), people: 0 };
    entry.people += sign * team.people;
    if (entry.people === 0) tally.teams.delete(teamKey);
    else tally.teams.set(teamKey, entry);
    for (const [key, people] of byCanonicalTheme(team.themes, keys)) {
      const list = namedTeams.get(key);
      if (list) list.push(teamKey);
      else namedTeams.set(key, [teamKey]);
      namedPeople.set(key, (namedPeople.get(key) ?? 0) + people);
    }
  }
  for (const [key, people] of byCanonicalTheme(quarter.themes, keys)) {
    let themeTally = tally.themes.get(key);
    if (!themeTally) tally.themes.set(key, themeTally = { people: 0, sources: 0, namedTeams: new Map(), otherTeams: 0 });
    themeTally.people += sign * people;
    themeTally.sources += sign;
    for (const team of namedTeams.get(key) ?? []) {
      const digests = (themeTally.namedTeams.get(team) ?? 0) + sign;
      if (digests === 0) themeTally.namedTeams.delete(team);
      else themeTally.namedTeams.set(team, digests);
    }
    // People outside the named teams (a withheld breakdown, small teams) count as one more team of this digest.
    if ((namedPeople.get(key) ?? 0) < people) themeTally.otherTeams += sign;
    if (themeTally.sources === 0) tally.themes.delete(key);
  }
}

/**
 * A person whose token another digest of the quarter holds already is counted once: the quarter's people
 * stay the sum of the digests' people less one for each repeat. (Themes and teams stay as each digest
 * counted them: a digest says how many people raised a theme, not who.)
 */
function foldTokens(tally: QuarterTally, tokens: readonly string[], sign: 1 | -1) {
  for (const token of tokens) {
    const before = tally.tokens.get(token) ?? 0;
    const after = before + sign;
    // Adding a repeat takes one person off; taking a digest out that held a repeat gives them back.
    if (sign === 1 && before >= 1) tally.people -= 1;
    if (sign === -1 && after >= 1) tally.people += 1;
    if (after === 0) tally.tokens.delete(token);
    else tally.tokens.set(token, after);
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
  const { quarters, rejected, superseded } = tallyDigests(files, options, minGroupSize, keys);
  const present = [...quarters.keys()].filter(q => (quarters.get(q)?.sources ?? 0) > 0).sort();
  const quarter = options.quarter ?? present[present.length - 1] ?? '';
  const recentQuarters = [previousQuarter(previousQuarter(previousQuarter(quarter))), previousQuarter(previousQuarter(quarter)), previousQuarter(quarter), quarter];
  const current = quarters.get(quarter) ?? { people: 0, sources: 0, otherThemes: 0, themes: new Map<string, ThemeTally>(), teams: new Map(), tokens: new Map() };
  const minThemeGroup = effectiveMinThemeGroup(options.minThemeGroup);
  // A theme shows once enough people raised it across the digests; a quarter's count under that is not given (0).
  const shownCount = (people: number) => (people >= minThemeGroup ? people : 0);
  const common = [...current.themes].filter(([, tally]) => tally.people >= minThemeGroup);
  const otherThemes = current.otherThemes + [...current.themes.values()].filter(tally => tally.people < minThemeGroup).reduce((sum, tally) => sum + tally.people, 0);
  const history = new Map<string, number[]>();
  for (const [key] of common) history.set(keys.nameOfKey(key), recentQuarters.map(q => shownCount(quarters.get(q)?.themes.get(key)?.people ?? 0)));
  const themes: CollatedTheme[] = common.map(([key, tally]) => {
    const name = keys.nameOfKey(key);
    const before = quarters.get(recentQuarters[2])?.themes.get(key)?.people ?? 0;
    const response = vocabulary.lookup(name)?.response;
    const teams = tally.namedTeams.size + tally.otherTeams;
    return {
      theme: name, people: tally.people, sources: tally.sources, teams, crossTeam: teams >= 2,
      trend: classifyTrend(tally.people, before), previousPeople: shownCount(before), status: response?.status ?? null, owner: response?.owner ?? null,
    };
  }).sort((a, b) => Number(b.crossTeam) - Number(a.crossTeam) || b.people - a.people || a.theme.localeCompare(b.theme));
  const teams = suppressSmallGroups([...current.teams.values()].map(t => ({ key: t.team, people: t.people })), current.people, minGroupSize)
    .shown.map(t => ({ team: t.key, people: t.people }));
  const notes = new Map<string, string>();
  for (const theme of themes) {
    const note = vocabulary.lookup(theme.theme)?.response?.note;
    if (note) notes.set(theme.theme, note);
  }
  return { collation: { quarter, minGroupSize, minThemeGroup, people: current.people, sources: current.sources, themes, otherThemes, teams, rejected, superseded }, recentQuarters, history, notes };
}

/** The digest that counts, so far, for one source's quarter: kept small, its counts read again only if it is replaced. */
interface Counted {
  readonly file: DigestFile;
  readonly created: string;
  readonly contentHash: string;
}

/**
 * Checks each digest and folds the ones that can be trusted into per-quarter counts. A digest is
 * rejected, with its reason, when it cannot be read or its counts cannot be true, or it repeats one
 * already read. Digests from the same notes (the same source id; in format 1, the same label) count
 * once per quarter: the one made last (on the same day, the one read last) replaces the others for the
 * quarters they share, and each replaced digest is listed. Rejections come sorted by file.
 */
function tallyDigests(files: Iterable<DigestFile>, options: CollateOptions, minGroupSize: number, keys: ThemeKeys)
  : { quarters: Map<string, QuarterTally>; rejected: Rejection[]; superseded: Superseded[] } {
  const rejected: Rejection[] = [];
  const byHash = new Map<string, string>();
  const quarters = new Map<string, QuarterTally>();
  const counted = new Map<string, Counted>();
  const replaced = new Replacements();
  for (const file of files) {
    const read = readDigest(file, minGroupSize, options.today, options.vocabulary);
    const twin = 'reason' in read ? undefined : byHash.get(read.contentHash);
    if ('reason' in read || twin) {
      rejected.push({ file: file.file, reason: 'reason' in read ? read.reason : msg('collate.sameDigest', twin ?? '') });
      continue;
    }
    byHash.set(read.contentHash, file.file);
    const source = sourceKey(read);
    // Only a digest that may yet be replaced keeps a way to read it again.
    const handle: DigestFile = source === undefined || file.reread ? { file: file.file, text: '', reread: file.reread } : file;
    const earlier = new EarlierDigests(minGroupSize);
    for (const quarter of read.quarters) {
      const slot = source === undefined ? undefined : `${source}\u0000${quarter.quarter}`;
      const before = slot === undefined ? undefined : counted.get(slot);
      if (before && before.created > read.created) {
        replaced.add(file.file, before.file.file, quarter.quarter);
        continue;
      }
      let tally = quarters.get(quarter.quarter);
      if (!tally) quarters.set(quarter.quarter, tally = { people: 0, sources: 0, otherThemes: 0, themes: new Map(), teams: new Map(), tokens: new Map() });
      if (before) {
        foldQuarter(tally, earlier.quarterOf(before, quarter.quarter), keys, -1);
        replaced.add(before.file.file, file.file, quarter.quarter);
      }
      foldQuarter(tally, quarter, keys, 1);
      if (slot !== undefined) counted.set(slot, { file: handle, created: read.created, contentHash: read.contentHash });
    }
  }
  rejected.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  return { quarters, rejected, superseded: replaced.list() };
}

/** Which notes a digest comes from: its source id, else (format 1) its label; undefined when it cannot be told. */
function sourceKey(digest: TeamDigest): string | undefined {
  if (digest.sourceId) return `id:${digest.sourceId}`;
  const label = digest.label?.trim().toLowerCase();
  return label ? `label:${label}` : undefined;
}

/** Digests merged earlier, read again to take a replaced quarter out; each at most once per newer digest. */
class EarlierDigests {
  private readonly read = new Map<string, TeamDigest>();

  constructor(private readonly minGroupSize: number) {}

  quarterOf(counted: Counted, quarter: string): DigestQuarter {
    let digest = this.read.get(counted.file.file);
    if (!digest) {
      const text = counted.file.reread ? counted.file.reread() : counted.file.text;
      const again = readDigest({ file: counted.file.file, text }, this.minGroupSize);
      // Changed on disk while the collation ran: its earlier counts can no longer be taken out exactly.
      if ('reason' in again || again.contentHash !== counted.contentHash) throw new Error(msg('collate.changedWhileRead', counted.file.file));
      this.read.set(counted.file.file, digest = again);
    }
    const found = digest.quarters.find(q => q.quarter === quarter);
    if (!found) throw new Error(msg('collate.changedWhileRead', counted.file.file));
    return found;
  }
}

/** The quarters each replaced digest lost, and to which digest, in the order first seen. */
class Replacements {
  private readonly byPair = new Map<string, Superseded>();

  add(file: string, by: string, quarter: string) {
    const key = `${file}\u0000${by}`;
    const entry = this.byPair.get(key) ?? { file, by, quarters: [] };
    entry.quarters.push(quarter);
    this.byPair.set(key, entry);
  }

  list(): Superseded[] {
    return [...this.byPair.values()].map(entry => ({ ...entry, quarters: [...entry.quarters].sort() }))
      .sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.by < b.by ? -1 : a.by > b.by ? 1 : 0));
  }
}
