import * as assert from 'node:assert/strict';
import { BUILT_IN_SCRIPT, summarizeNote } from '../../src/core/note';
import { classifyTrend, previousPeriod, quoteSourcePaths, ReportResult, themesReport } from '../../src/core/outputs';
import { parseVocabulary, WorkspaceIndex } from '../../src/core/workspace';

interface Person { name: string; team?: string; risk?: string; path?: string; line: string; date?: string }

function noteText(p: Person): string {
  return `---
type: growth-conversation
person: ${p.name}
date: ${p.date ?? '2026-10-01'}
manager: Dana Reyes
${p.team ? `team: ${p.team}\n` : ''}${p.risk ? `flightRisk: ${p.risk}\n` : ''}${p.path ? `careerPath: ${p.path}\n` : ''}---
## 8. Change <!-- growth:change-anything -->
${p.line}
- (private) counter-offer for ${p.name} #secret-offer
## Next steps
- [ ] Call @dana due:2026-01-01
## Private notes <!-- growth:private -->
${p.name} is interviewing #secret-interviewing #faster-ci
`;
}

function indexOf(people: Person[]): { index: WorkspaceIndex; lines: Map<string, string> } {
  const index = new WorkspaceIndex();
  const lines = new Map<string, string>();
  people.forEach((p, i) => {
    index.set(`n${i}.md`, summarizeNote(noteText(p), BUILT_IN_SCRIPT));
    lines.set(`n${i}.md`, p.line);
  });
  return { index, lines };
}

function markdown(result: ReportResult): string {
  assert.ok('markdown' in result, 'refusal' in result ? result.refusal : '');
  return result.markdown;
}

const TWELVE: Person[] = [
  ...['Zoë Quinn', 'José Álvarez', 'Renée Dubois', 'Björn Lind', 'Amélie Roy', 'Chidi Okafor'].map((name, i) => ({
    name, team: 'Platform', risk: i < 5 ? 'low' : 'hgih', path: 'undecided', line: `${name.split(' ')[0]} says builds are slow #faster-ci`,
  })),
  ...['Priya Shah', 'Léa Martin', 'Kofi Mensah', 'Ingrid Sørensen', 'Jürgen Weiß'].map(name => ({
    name, team: 'Data', risk: 'medium', path: 'undecided', line: `Mail ${name.split(' ')[0].toLowerCase()}@example.com about #faster-ci and #pager-load`,
  })),
  { name: 'Sam Lee', team: 'Mobile', risk: 'high', path: 'people-management', line: 'Sam wants #faster-ci' },
];
const OPTIONS = { today: '2026-11-26', includeNames: false, patternThreshold: 2 } as const;

describe('the themes report: never pointing at a person', () => {
  it('shows no theme or team whose name holds a person\'s name, as the digest does', () => {
    const people = TWELVE.map((p, i) => ({ ...p, team: i < 6 ? 'Zoes Squad' : p.team, line: `${p.line} #zoes-burnout` }));
    const { index } = indexOf(people);
    const text = markdown(themesReport(index, OPTIONS));
    assert.doesNotMatch(text, /zoes/i);
    assert.match(text, /faster-ci/);
  });

  it('refuses a period with fewer people than the minimum, saying why', () => {
    const { index } = indexOf(TWELVE.slice(0, 4));
    assert.deepEqual(themesReport(index, OPTIONS), {
      refusal: 'This period has conversations with 4 people; an anonymised report needs at least 5, or a reader could tell who said what. Choose a longer period, or make a report with names for your own use.',
    });
  });

  it('counts one person once however their name is spelt, so a small group cannot pass as large', () => {
    const spellings = ['Zoë Quinn', 'Zoe Quinn', 'zoe  quinn', 'José Álvarez', 'Jose Alvarez'].map(name => ({ name, line: 'x #faster-ci' }));
    const { index } = indexOf([...spellings, ...TWELVE.slice(2, 5)]);
    assert.match(JSON.stringify(themesReport(index, OPTIONS)), /8 conversations with 5 people/);
    const four = indexOf([...spellings, ...TWELVE.slice(2, 4)]).index;
    assert.match(JSON.stringify(themesReport(four, OPTIONS)), /"refusal":"This period has conversations with 4 people/);
  });

  it('never goes below 3 people, whatever is asked', () => {
    const { index } = indexOf(TWELVE.slice(0, 2));
    assert.ok('refusal' in themesReport(index, { ...OPTIONS, minGroupSize: 1 }));
    assert.ok('markdown' in themesReport(indexOf(TWELVE.slice(0, 3)).index, { ...OPTIONS, minGroupSize: 1 }));
  });

  it('shows teams of at least the minimum, hides the rest so none can be worked out, and counts nothing private', () => {
    const { index } = indexOf(TWELVE);
    const report = markdown(themesReport(index, OPTIONS));
    assert.match(report, /\| faster-ci ★ \| 12 \| 12 \| █{20} \|/);
    assert.match(report, /^\*\*Platform\*\*, 6 people: faster-ci \(6\)$/m);
    // Data (5) would leave Mobile (1) to be worked out by subtraction: it is hidden too.
    assert.doesNotMatch(report, /\*\*Data\*\*|\*\*Mobile\*\*/);
    assert.match(report, /^6 people in smaller teams or with no team recorded are counted above, not here\.$/m);
    assert.doesNotMatch(report, /secret|interviewing|counter-offer/i);
    // hgih is not a flight risk: it counts as not recorded; groups under 5 go into "other".
    // Low 5, medium 5 and 2 more: showing both would give the other 2 away, so medium joins them.
    assert.match(report, /## Flight risk[\s\S]*\| low \| 5 \| █{14} \|\n\| other \(smaller groups, not shown\) \| 7 \| █{20} \|\n\n/);
    assert.doesNotMatch(report, /hgih|\| high \||\| medium \|/);
    // Undecided 11 and people-management 1: 11 would give the 1 away.
    assert.match(report, /## Career paths[\s\S]*\nNot shown: every group has fewer than 5 people, or could be worked out from the others\.\n/);
  });

  it('is off quotes unless asked, then quotes one line per person, only from large patterns, with no names or addresses', () => {
    const { index, lines } = indexOf(TWELVE);
    const lineText = (path: string) => lines.get(path);
    assert.doesNotMatch(markdown(themesReport(index, { ...OPTIONS, lineText })), /In their words/);
    const quoted = markdown(themesReport(index, { ...OPTIONS, lineText, includeQuotes: true, quotesPerPattern: 20 }));
    const quotes = quoted.split('\n').filter(line => line.startsWith('> '));
    assert.equal(quotes.length, 12);
    assert.ok(quotes.every(q => !/Zo|José|Jose|Renée|Björn|Amélie|Chidi|priya|léa|kofi|ingrid|jürgen|Sam|@/i.test(q)), quotes.join('\n'));
    assert.ok(quotes.includes('> [name] says builds are slow #faster-ci'));
    assert.ok(quotes.includes('> Mail [name] about #faster-ci and #pager-load'));
    assert.deepEqual(quoteSourcePaths(index, OPTIONS).sort(), [...lines.keys()].sort(), 'the notes behind the patterns, to read before the report');
    const small = markdown(themesReport(index, { ...OPTIONS, lineText, includeQuotes: true, minQuoteGroup: 13 }));
    assert.match(small, /No pattern is large enough to quote from\./);
  });

  it('compares with the period before only when that period is large enough too', () => {
    const before = TWELVE.map(p => ({ ...p, date: '2026-03-01' }));
    const { index } = indexOf([...TWELVE, ...before.slice(0, 4)]);
    const report = markdown(themesReport(index, { ...OPTIONS, since: '2026-06-01' }));
    assert.match(report, /^No trend: the period before had fewer than 5 people\.$/m);
    const { index: both } = indexOf([...TWELVE, ...before.slice(0, 6)]);
    assert.match(markdown(themesReport(both, { ...OPTIONS, since: '2026-06-01' })), /\| faster-ci ★ \| 12 \| 12 \| growing \(6 before\) \| █{20} \|/);
  });

  it('counts an alias as its canonical theme', () => {
    const { index } = indexOf(TWELVE);
    const { vocabulary } = parseVocabulary('themes:\n  - name: on-call load\n    aliases: [pager load]\n  - name: CI speed\n    aliases: [faster-ci]\n');
    const report = markdown(themesReport(index, { ...OPTIONS, vocabulary }));
    assert.match(report, /\| CI speed ★ \| 12 \| 12 \| █{20} \|\n\| on-call load ★ \| 5 \| 5 \| █{8} \|/);
  });

  it('lists names only when asked, for the author alone, still without private themes', () => {
    const { index } = indexOf(TWELVE.slice(0, 2));
    const report = markdown(themesReport(index, { ...OPTIONS, includeNames: true }));
    assert.match(report, /Includes names: for your own use only/);
    assert.match(report, /\| faster-ci ★ \| 2 \| 2 \| José Álvarez, Zoë Quinn \| █{20} \|/);
    assert.doesNotMatch(report, /secret/);
  });

  it('classifies trends against the previous period of the same length', () => {
    assert.deepEqual([classifyTrend(2, 0), classifyTrend(3, 1), classifyTrend(1, 2), classifyTrend(2, 2)], ['new', 'growing', 'fading', 'steady']);
    assert.deepEqual(previousPeriod('2026-06-01', '2026-12-01'), { since: '2025-11-30', until: '2026-05-31' });
  });
});
