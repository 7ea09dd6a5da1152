import { daysBetween, EMPTY_VOCABULARY, IndexedNote, matchesFilter, noteMentions, NoteFilter, overdueActionCount, peopleDueCount, personOf, themesPeople, themeTree, unreadNotesLine, Vocabulary, WorkspaceIndex } from '../workspace';
import {
  effectiveMinGroupSize, effectiveMinQuoteGroup, effectiveMinThemeGroup, everyoneAnsweredAlike, labelHoldsName, latestPerPerson, mentionsAName, namesIn, nameScrubber, QuoteCandidate, reportableNotes, selectQuotes, suppressSmallGroups,
} from '../privacy';
import { msg, personKey } from '../base';

export type Trend = 'new' | 'growing' | 'steady' | 'fading';

/** One theme of the report: distinct people now and in the period before. */
export interface ThemeRow {
  readonly key: string;
  readonly theme: string;
  readonly people: number;
  readonly conversations: number;
  readonly pattern: boolean;
  readonly previousPeople?: number;
  readonly trend?: Trend;
  /** Only when names were asked for. */
  readonly names?: string[];
}

export interface ReportOptions {
  readonly today: string;
  /** Start of the period (YYYY-MM-DD); all time when undefined, and then there is no trend. */
  readonly since?: string;
  /** A report for the author's own use: names shown, group sizes not applied. */
  readonly includeNames: boolean;
  readonly patternThreshold: number;
  /** Smallest group shown (default 5, never below 3). */
  readonly minGroupSize?: number;
  /** Fewest distinct people a theme is shown for on its own in an anonymised report (default 3, never below 2). */
  readonly minThemeGroup?: number;
  /** Smallest pattern quoted from (default 10, never below the group minimum). */
  readonly minQuoteGroup?: number;
  /** Quotes are off unless asked for. */
  readonly includeQuotes?: boolean;
  /** A note's line, for quotes; without it the report has none. */
  readonly lineText?: (path: string, line: number) => string | undefined;
  readonly quotesPerPattern?: number;
  /** Aliases count as their canonical theme. */
  readonly vocabulary?: Vocabulary;
  /** Files that may be notes and could not be read: counted in the header, named only in a report with names. */
  readonly unreadNotes?: readonly string[];
}

/** A report, or the reason there is none (a group too small to be anonymous). */
export type ReportResult = { readonly markdown: string } | { readonly refusal: string };

/** The period before `since` of the same length, to compare against. */
export function previousPeriod(since: string, today: string): NoteFilter {
  const days = daysBetween(since, today);
  const start = new Date(Date.parse(`${since}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);
  const end = new Date(Date.parse(`${since}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
  return { since: start, until: end };
}

export function classifyTrend(now: number, before: number): Trend {
  if (before === 0) return 'new';
  if (now > before) return 'growing';
  if (now < before) return 'fading';
  return 'steady';
}

/** The theme table: every theme raised in the period (and those that faded out of it), patterns first. */
export function themeRows(index: WorkspaceIndex, options: Pick<ReportOptions, 'today' | 'since' | 'includeNames' | 'patternThreshold'> & { readonly compare?: boolean }): ThemeRow[] {
  const filter: NoteFilter = { since: options.since, until: options.today };
  const current = themeTree(index, filter, options.patternThreshold);
  const before = options.since && options.compare !== false ? new Map(themeTree(index, previousPeriod(options.since, options.today), options.patternThreshold).map(t => [t.key, t])) : undefined;
  const people = options.includeNames ? themesPeople(index.all(), filter, current.map(theme => theme.key)) : undefined;
  const rows: ThemeRow[] = current.map(theme => {
    const previousPeople = before ? before.get(theme.key)?.peopleCount ?? 0 : undefined;
    return {
      key: theme.key,
      theme: theme.name,
      people: theme.peopleCount,
      conversations: theme.conversationCount,
      pattern: theme.pattern,
      previousPeople,
      trend: previousPeople === undefined ? undefined : classifyTrend(theme.peopleCount, previousPeople),
      names: people?.get(theme.key)?.map(p => p.person),
    };
  });
  if (before) {
    const shown = new Set(current.map(theme => theme.key));
    for (const [key, theme] of before) {
      if (!shown.has(key)) rows.push({ key, theme: theme.name, people: 0, conversations: 0, pattern: false, previousPeople: theme.peopleCount, trend: 'fading' });
    }
  }
  return rows;
}

/** The notes a report may count: nothing private, canonical themes, schema-checked values. */
function reportIndex(index: WorkspaceIndex, vocabulary: Vocabulary): WorkspaceIndex {
  const reportable = new WorkspaceIndex();
  reportable.batch(() => { for (const note of reportableNotes(index.all(), vocabulary)) reportable.set(note.path, note); });
  return reportable;
}

/**
 * The notes a report with quotes reads lines from: those behind its patterns, as the report counts
 * them (aliases merged, nothing private). The editor reads just these before building the report.
 */
export function quoteSourcePaths(sourceIndex: WorkspaceIndex, options: Pick<ReportOptions, 'today' | 'since' | 'patternThreshold' | 'vocabulary'>): string[] {
  const index = reportIndex(sourceIndex, options.vocabulary ?? EMPTY_VOCABULARY);
  const filter: NoteFilter = { since: options.since, until: options.today };
  const paths = new Set<string>();
  const patterns = themeRows(index, { ...options, includeNames: false, compare: false }).filter(r => r.pattern).map(row => row.key);
  for (const people of themesPeople(index.all(), filter, patterns).values()) {
    for (const person of people) for (const c of person.conversations) paths.add(c.path);
  }
  return [...paths];
}

function distinctPeople(notes: readonly IndexedNote[]): number {
  return new Set(notes.filter(n => n.person?.trim()).map(personOf)).size;
}

/**
 * A Markdown report for collating with other managers. Anonymised unless names are asked for:
 * then every breakdown shows only groups of at least the minimum size (with complementary
 * suppression), quotes only when asked and only for large patterns, and a period with fewer
 * people than the minimum is refused.
 */
export function themesReport(sourceIndex: WorkspaceIndex, options: ReportOptions): ReportResult {
  const index = reportIndex(sourceIndex, options.vocabulary ?? EMPTY_VOCABULARY);
  const anonymised = !options.includeNames;
  const minGroupSize = effectiveMinGroupSize(options.minGroupSize);
  const filter: NoteFilter = { since: options.since, until: options.today };
  const notes = index.all().filter(note => matchesFilter(note, filter));
  const people = distinctPeople(notes);
  if (anonymised && people < minGroupSize) {
    return {
      refusal: msg(people === 1 ? 'report.tooFewPeopleOne' : 'report.tooFewPeople', people, minGroupSize),
    };
  }
  const previousNotes = options.since ? index.all().filter(note => matchesFilter(note, previousPeriod(options.since as string, options.today))) : [];
  // The period before is compared only when it too is large enough to be anonymous.
  const showTrend = options.since !== undefined && (!anonymised || distinctPeople(previousNotes) >= minGroupSize);
  const everyName = namesIn(sourceIndex.all());
  const scrub = anonymised ? nameScrubber(everyName) : (text: string) => text;
  // The digest's own check on theme and team names: one that holds a name is not shown at all.
  const holdsName = labelHoldsName(everyName);
  const nameable = anonymised ? (label: string) => !mentionsAName(scrub, label.replace(/[-/]/g, ' ')) && !holdsName(label) : () => true;
  // The author's own report shows every theme: it is their own notes.
  const minThemeGroup = anonymised ? effectiveMinThemeGroup(options.minThemeGroup) : 1;
  const report: ReportContext = { index, options, anonymised, minGroupSize, minThemeGroup, filter, notes, people, showTrend, scrub, nameable };
  const latest = [...latestPerPerson(notes).values()];
  return {
    markdown: [
      ...reportHeader(report),
      ...themesSection(report, themeRows(index, { ...options, compare: showTrend })),
      ...teamsSection(report, latest),
      `## ${msg('report.careerPaths')}`, '', msg('report.fromLatest'), '',
      ...countTable(msg('column.path'), latest.map(n => n.careerPath), anonymised ? minGroupSize : 0), '',
      `## ${msg('report.flightRisk')}`, '', msg('report.fromLatestCounts'), '',
      ...countTable(msg('column.risk'), latest.map(n => n.flightRisk), anonymised ? minGroupSize : 0), '',
      ...followUpSection(report),
    ].join('\n'),
  };
}

/** What every part of one report needs: the period's notes and the rules it is held to. */
interface ReportContext {
  readonly index: WorkspaceIndex;
  readonly options: ReportOptions;
  readonly anonymised: boolean;
  readonly minGroupSize: number;
  /** Fewest distinct people a theme is shown for on its own (1 in a report with names: everything). */
  readonly minThemeGroup: number;
  readonly filter: NoteFilter;
  readonly notes: readonly IndexedNote[];
  readonly people: number;
  readonly showTrend: boolean;
  /** Takes names out of theme and team names in an anonymised report; the identity otherwise. */
  readonly scrub: (text: string) => string;
  /** Whether a theme or team name may be shown: in an anonymised report, not when it holds a person's name. */
  readonly nameable: (label: string) => boolean;
}

function reportHeader({ options, notes, people, showTrend, anonymised, minGroupSize }: ReportContext): string[] {
  const managers = new Set(notes.map(n => (n.manager ? personKey(n.manager) : '')).filter(Boolean)).size;
  const out = [`# ${msg('report.title')}`, ''];
  out.push(!options.since ? msg('report.periodAll', options.today)
    : showTrend ? msg('report.periodCompared', options.since, options.today, daysBetween(options.since, options.today))
      : msg('report.period', options.since, options.today));
  if (options.since && !showTrend) out.push(msg('report.noTrend', minGroupSize));
  out.push(msg('report.totals', conversationCount(notes.length), peopleCount(people), msg(managers === 1 ? 'count.manager' : 'count.managers', managers)));
  if (options.unreadNotes?.length) out.push(unreadNotesLine(options.unreadNotes, !anonymised));
  out.push(anonymised ? msg('report.anonymised', minGroupSize) : `**${msg('report.withNames')}**`, '');
  return out;
}

function themesSection(report: ReportContext, rows: readonly ThemeRow[]): string[] {
  const { options, showTrend, scrub, nameable, minThemeGroup } = report;
  const out = [`## ${msg('report.themes')}`, '', msg('report.patternRule', options.patternThreshold), ''];
  if (report.anonymised) out.splice(out.length - 1, 0, msg('report.themeRule', minThemeGroup));
  const raised = rows.filter(r => r.people > 0 && nameable(r.theme));
  // A theme too few people raised is counted, never named: in a small team it points at the person.
  const current = raised.filter(r => r.people >= minThemeGroup);
  const rareMentions = raised.filter(r => r.people < minThemeGroup).reduce((sum, r) => sum + r.people, 0);
  if (current.length === 0) out.push(msg('report.noThemes'), '');
  else {
    const top = Math.max(...current.map(r => r.people));
    // The bar goes last, so a narrow preview never pushes the numbers out of view.
    out.push(`| ${msg('column.theme')} | ${msg('column.people')} | ${msg('column.conversations')} |${showTrend ? ` ${msg('column.trend')} |` : ''}${options.includeNames ? ` ${msg('column.who')} |` : ''} |`);
    out.push(`|---|---:|---:|${showTrend ? '---|' : ''}${options.includeNames ? '---|' : ''}---|`);
    for (const row of current) {
      out.push(`| ${cell(scrub(row.theme))}${row.pattern ? ' ★' : ''} | ${row.people} | ${row.conversations} |${showTrend ? ` ${trendText(row, minThemeGroup)} |` : ''}${options.includeNames ? ` ${cell((row.names ?? []).join(', '))} |` : ''} ${bar(row.people, top)} |`);
    }
    out.push('');
  }
  if (rareMentions > 0) out.push(msg(rareMentions === 1 ? 'report.otherThemesOne' : 'report.otherThemes', rareMentions), '');
  const faded = rows.filter(r => r.people === 0 && nameable(r.theme) && (r.previousPeople ?? 0) >= minThemeGroup);
  if (faded.length > 0) out.push(msg('report.faded', faded.map(r => `${scrub(r.theme)} (${peopleCount(r.previousPeople ?? 0)})`).join(', ')), '');
  if (options.includeQuotes && options.lineText) {
    const minQuoteGroup = report.anonymised ? effectiveMinQuoteGroup(options.minQuoteGroup, report.minGroupSize) : 0;
    out.push(...quoteSection(report.index, report.filter, current.filter(r => r.pattern), options, minQuoteGroup, scrub));
  }
  return out;
}

/**
 * Each team's top themes; in an anonymised report only teams of the minimum size, with complementary
 * suppression. A team counts the people whose latest note in the period is in it (someone who moved
 * counts in the new team only), with the themes of all their notes in the period, and in an anonymised
 * report only themes at least the theme minimum of its people raised.
 */
function teamsSection(report: ReportContext, latest: readonly IndexedNote[]): string[] {
  const { index, anonymised, minGroupSize, minThemeGroup, notes, people, scrub, nameable } = report;
  const out = [`## ${msg('report.byTeam')}`, ''];
  // Each team's name is checked once, however many people are in it.
  const checked = new Map<string, boolean>();
  const nameableTeam = (team: string) => {
    let ok = checked.get(team);
    if (ok === undefined) checked.set(team, ok = nameable(team));
    return ok;
  };
  const teamGroups = countGroups(latest.filter(n => n.team && nameableTeam(n.team)).map(n => n.team as string));
  const teams = anonymised ? suppressSmallGroups(teamGroups, people, minGroupSize) : { shown: teamGroups, hiddenGroups: 0, hiddenPeople: people - teamGroups.reduce((s, g) => s + g.people, 0) };
  // The notes of each team's people, in one pass over the period (not one pass per team).
  const teamOf = new Map(latest.map(n => [personOf(n), n.team]));
  const notesOfTeam = new Map<string, IndexedNote[]>();
  for (const note of notes) {
    const team = teamOf.get(personOf(note));
    if (!team) continue;
    const list = notesOfTeam.get(team);
    if (list) list.push(note);
    else notesOfTeam.set(team, [note]);
  }
  for (const team of teams.shown) {
    const teamThemes = themeCounts(index, notesOfTeam.get(team.key) ?? [])
      .filter(t => t.people >= minThemeGroup && nameable(t.name)).slice(0, 5);
    const summary = teamThemes.length > 0 ? teamThemes.map(t => `${scrub(t.name)} (${t.people})`).join(', ') : msg('report.noTeamThemes');
    out.push(`**${cell(scrub(team.key))}**, ${peopleCount(team.people)}: ${summary}`, '');
  }
  if (teams.shown.length === 0) out.push(anonymised ? msg('report.noTeamBreakdown', minGroupSize) : msg('report.noTeam'), '');
  else if (teams.hiddenPeople > 0) out.push(msg('report.hiddenTeamPeople', teams.hiddenPeople), '');
  return out;
}

/** Distinct people per theme (top level, as the themes table) in some notes, most raised first. */
function themeCounts(index: WorkspaceIndex, notes: readonly IndexedNote[]): { name: string; people: number }[] {
  const tallies = new Map<string, { people: Set<string>; conversations: number }>();
  for (const note of notes) {
    for (const key of noteMentions(note, undefined).keys()) {
      if (key.includes('/')) continue;
      const tally = tallies.get(key) ?? { people: new Set<string>(), conversations: 0 };
      tally.people.add(personOf(note));
      tally.conversations++;
      tallies.set(key, tally);
    }
  }
  return [...tallies].map(([key, tally]) => ({ name: (index.preferredSpelling(key) ?? key).split('/').pop() ?? key, people: tally.people.size, conversations: tally.conversations }))
    .sort((a, b) => b.people - a.people || b.conversations - a.conversations || a.name.localeCompare(b.name));
}

function followUpSection({ index, options }: ReportContext): string[] {
  const overdueConversations = peopleDueCount(index.all(), options.today);
  const overdueActions = overdueActionCount(index.all(), options.today);
  return [`## ${msg('report.followUp')}`, '', `- ${msg('report.peopleDue', overdueConversations)}`, `- ${msg('report.actionsOverdue', overdueActions)}`, ''];
}

function quoteSection(index: WorkspaceIndex, filter: NoteFilter, patterns: readonly ThemeRow[], options: ReportOptions, minQuoteGroup: number, scrub: (text: string) => string): string[] {
  const out: string[] = [];
  const people = themesPeople(index.all(), filter, patterns.map(row => row.key));
  for (const row of patterns) {
    // Tags from private places were dropped from this index, so every line here is a public one.
    const candidates: QuoteCandidate[] = (people.get(row.key) ?? []).flatMap(person => person.conversations
      .flatMap(c => c.lines.map(line => ({ person: personKey(person.person), text: options.lineText?.(c.path, line) ?? '', private: false }))));
    const quotes = selectQuotes(candidates, { peopleInPattern: row.people, minQuoteGroup, maxQuotes: options.quotesPerPattern ?? 2, scrub });
    if (quotes.length === 0) continue;
    out.push(`**${cell(scrub(row.theme))}**`, '');
    for (const quote of quotes) out.push(`> ${quote}`, '');
  }
  const intro = minQuoteGroup > 0 ? msg('report.quotesAnonymised', minQuoteGroup) : msg('report.quotes');
  return [`## ${msg('report.inTheirWords')}`, '', intro, '', ...(out.length > 0 ? out : [msg('report.noQuotes'), ''])];
}

function countGroups(values: readonly string[]): { key: string; people: number }[] {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts.entries()].map(([key, people]) => ({ key, people }));
}

/**
 * A count table, each row a group of people; groups under `minGroupSize` are merged into one hidden row.
 * With a minimum (an anonymised report), a breakdown where everyone who has a value has the same one is
 * not shown: its count would say what each person answered.
 */
function countTable(label: string, recorded: readonly (string | undefined)[], minGroupSize: number): string[] {
  if (recorded.length === 0) return [msg('report.noConversations')];
  if (minGroupSize > 0 && everyoneAnsweredAlike(recorded)) return [msg('report.sameAnswer')];
  const values = recorded.map(value => value ?? msg('common.notRecorded'));
  const { shown, hiddenPeople } = suppressSmallGroups(countGroups(values), values.length, minGroupSize);
  if (shown.length === 0) return [msg('report.allGroupsHidden', minGroupSize)];
  const top = Math.max(hiddenPeople, ...shown.map(group => group.people));
  const rows = shown.map(({ key, people }) => `| ${cell(key)} | ${people} | ${bar(people, top)} |`);
  if (hiddenPeople > 0) rows.push(`| ${msg('report.otherGroups')} | ${hiddenPeople} | ${bar(hiddenPeople, top)} |`);
  return [`| ${label} | ${msg('column.people')} | |`, '|---|---:|---|', ...rows];
}

/** The trend; a count before under the theme minimum is not given (it would be a small group of its own). */
function trendText(row: ThemeRow, minThemeGroup: number): string {
  if (row.trend === 'new' || row.trend === undefined) return msg('trend.new');
  const before = row.previousPeople ?? 0;
  return before < minThemeGroup ? msg('trend.beforeFew', trendWord(row.trend), minThemeGroup) : msg('trend.before', trendWord(row.trend), before);
}

/** A trend in words, in the reader's language. */
export function trendWord(trend: Trend): string {
  return msg(trend === 'growing' ? 'trend.growing' : trend === 'steady' ? 'trend.steady' : trend === 'fading' ? 'trend.fading' : 'trend.new');
}

/** "1 person", "5 people". */
export function peopleCount(people: number): string {
  return msg(people === 1 ? 'count.person' : 'count.people', people);
}

function conversationCount(conversations: number): string {
  return msg(conversations === 1 ? 'count.conversation' : 'count.conversations', conversations);
}

/** A bar of block characters: readable in plain text, and in any Markdown preview. */
export function bar(value: number, top: number): string {
  return '█'.repeat(Math.max(1, Math.round((value / Math.max(1, top)) * 20)));
}

/** Text made safe for one Markdown table cell. */
export function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}
