import { daysBetween, matchesFilter, NoteFilter, openActionItems, peopleSummaries, themePeople, themeTree } from './crossNoteViews';
import { IndexedNote, WorkspaceIndex } from './workspaceIndex';

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
  readonly includeNames: boolean;
  readonly patternThreshold: number;
  /** A note's line, for quotes; without it the report has none. */
  readonly lineText?: (path: string, line: number) => string | undefined;
  readonly quotesPerPattern?: number;
}

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
export function themeRows(index: WorkspaceIndex, options: Pick<ReportOptions, 'today' | 'since' | 'includeNames' | 'patternThreshold'>): ThemeRow[] {
  const filter: NoteFilter = { since: options.since, until: options.today };
  const current = themeTree(index, filter, options.patternThreshold);
  const before = options.since ? new Map(themeTree(index, previousPeriod(options.since, options.today), options.patternThreshold).map(t => [t.key, t])) : undefined;
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
      names: options.includeNames ? themePeople(index.all(), filter, theme.key).map(p => p.person) : undefined,
    };
  });
  if (before) {
    for (const [key, theme] of before) {
      if (!current.some(t => t.key === key)) rows.push({ key, theme: theme.name, people: 0, conversations: 0, pattern: false, previousPeople: theme.peopleCount, trend: 'fading' });
    }
  }
  return rows;
}

/** A Markdown report for collating with other managers: people counts, not names, unless asked. */
export function themesReport(index: WorkspaceIndex, options: ReportOptions): string {
  const filter: NoteFilter = { since: options.since, until: options.today };
  const notes = index.all().filter(note => matchesFilter(note, filter));
  const rows = themeRows(index, options);
  const scrub = options.includeNames ? (text: string) => text : nameScrubber(index.all());
  const out: string[] = [];
  const people = new Set(notes.map(n => n.person?.trim().toLowerCase()).filter(Boolean)).size;
  const managers = new Set(notes.map(n => n.manager?.trim().toLowerCase()).filter(Boolean)).size;

  out.push('# Themes report', '');
  out.push(options.since
    ? `Period: ${options.since} to ${options.today}, compared with the ${daysBetween(options.since, options.today)} days before.`
    : `Period: all conversations up to ${options.today}.`);
  out.push(`${notes.length} conversation${notes.length === 1 ? '' : 's'} with ${people} ${people === 1 ? 'person' : 'people'}, held by ${managers} manager${managers === 1 ? '' : 's'}.`);
  out.push(options.includeNames ? '**Includes names: for your own use only. Do not share.**' : 'Anonymised: people are counted, never named.', '');

  out.push('## Themes', '', `A theme raised by ${options.patternThreshold} or more people is a pattern (★).`, '');
  const current = rows.filter(r => r.people > 0);
  if (current.length === 0) out.push('No themes in this period.', '');
  else {
    const top = Math.max(...current.map(r => r.people));
    // The bar goes last, so a narrow preview never pushes the numbers out of view.
    out.push(`| Theme | People | Conversations |${options.since ? ' Trend |' : ''}${options.includeNames ? ' Who |' : ''} |`);
    out.push(`|---|---:|---:|${options.since ? '---|' : ''}${options.includeNames ? '---|' : ''}---|`);
    for (const row of current) {
      out.push(`| ${cell(row.theme)}${row.pattern ? ' ★' : ''} | ${row.people} | ${row.conversations} |${options.since ? ` ${trendText(row)} |` : ''}${options.includeNames ? ` ${cell((row.names ?? []).join(', '))} |` : ''} ${bar(row.people, top)} |`);
    }
    out.push('');
  }
  const faded = rows.filter(r => r.people === 0);
  if (faded.length > 0) out.push(`Not raised any more (were raised before): ${faded.map(r => `${r.theme} (${r.previousPeople} ${r.previousPeople === 1 ? 'person' : 'people'})`).join(', ')}.`, '');

  const patterns = current.filter(r => r.pattern);
  if (patterns.length > 0 && options.lineText) {
    out.push('## In their words', '', 'A few lines from the notes behind each pattern. Names are replaced by [name] unless names were asked for.', '');
    for (const row of patterns) {
      const quotes = themePeople(index.all(), filter, row.key)
        .flatMap(p => p.conversations.flatMap(c => c.lines.map(line => options.lineText?.(c.path, line))))
        .filter((q): q is string => !!q && q.trim() !== '')
        .slice(0, options.quotesPerPattern ?? 2);
      if (quotes.length === 0) continue;
      out.push(`**${cell(row.theme)}**`, '');
      for (const quote of quotes) out.push(`> ${scrub(quote.replace(/<!--[\s\S]*?-->/g, '').trim())}`, '');
    }
  }

  out.push('## By team', '');
  const teams = [...new Set(notes.map(n => n.team ?? null))].sort((a, b) => (a ?? '~').localeCompare(b ?? '~'));
  for (const team of teams) {
    const teamThemes = themeTree(index, { ...filter, team }, options.patternThreshold).slice(0, 5);
    const count = notes.filter(n => (n.team ?? null) === team).length;
    const summary = teamThemes.length > 0 ? teamThemes.map(t => `${t.name} (${t.peopleCount})`).join(', ') : 'no themes';
    out.push(`**${cell(team ?? 'No team')}**, ${count} conversation${count === 1 ? '' : 's'}: ${summary}`, '');
  }

  const latest = latestPerPerson(notes);
  out.push('## Career paths', '', 'From each person\'s latest conversation in the period.', '');
  out.push(...countTable('Path', latest.map(n => n.careerPath ?? 'not recorded')), '');
  out.push('## Flight risk', '', 'From each person\'s latest conversation in the period. Counts only.', '');
  out.push(...countTable('Risk', latest.map(n => n.flightRisk ?? 'not recorded')), '');

  const overdueConversations = peopleSummaries(index.all(), options.today).filter(p => p.overdue).length;
  const overdueActions = openActionItems(index.all(), options.today).filter(a => a.overdue).length;
  out.push('## Follow-up', '', `- People due for a conversation: ${overdueConversations}`, `- Action items past their due date: ${overdueActions}`, '');
  return out.join('\n');
}

function latestPerPerson(notes: readonly IndexedNote[]): IndexedNote[] {
  const latest = new Map<string, IndexedNote>();
  for (const note of notes) {
    const key = note.person?.trim().toLowerCase();
    if (!key) continue;
    const seen = latest.get(key);
    if (!seen || (seen.date ?? '') < (note.date ?? '')) latest.set(key, note);
  }
  return [...latest.values()];
}

function countTable(label: string, values: string[]): string[] {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  const sorted = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  if (sorted.length === 0) return ['No conversations in this period.'];
  const top = Math.max(...sorted.map(([, n]) => n));
  return [`| ${label} | People | |`, '|---|---:|---|', ...sorted.map(([value, n]) => `| ${cell(value)} | ${n} | ${bar(n, top)} |`)];
}

function trendText(row: ThemeRow): string {
  return row.trend === 'new' ? 'new' : `${row.trend} (${row.previousPeople} before)`;
}

/** A bar of block characters: readable in plain text, and in any Markdown preview. */
function bar(value: number, top: number): string {
  return '█'.repeat(Math.max(1, Math.round((value / Math.max(1, top)) * 20)));
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

/** Replaces every name the notes know (people, managers, owners; whole and in parts) with [name]. */
export function nameScrubber(notes: readonly IndexedNote[]): (text: string) => string {
  const names = new Set<string>();
  const addName = (name: string | undefined) => {
    if (!name?.trim()) return;
    names.add(name.trim());
    for (const part of name.trim().split(/[\s.-]+/)) if (part.length >= 2) names.add(part);
  };
  for (const note of notes) {
    addName(note.person);
    addName(note.manager);
    for (const task of note.tasks) addName(task.owner);
  }
  if (names.size === 0) return text => text;
  const alternatives = [...names].sort((a, b) => b.length - a.length).map(n => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const pattern = new RegExp(`(^|[^\\p{L}\\p{N}])@?(?:${alternatives.join('|')})(?=[^\\p{L}\\p{N}]|$)`, 'giu');
  return text => text.replace(pattern, '$1[name]');
}
