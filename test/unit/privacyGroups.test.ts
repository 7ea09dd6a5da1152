import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { buildDigest, collateDigests, collationMarkdown, DigestBuilt, ReportResult, sealDigest, themesReport } from '../../src/core/outputs';
import { BUILT_IN_SCRIPT, summarizeNote } from '../../src/core/note';
import { IndexedNote, parseVocabulary, peopleSummaries, personIdentities, WorkspaceIndex } from '../../src/core/workspace';
import { labelHoldsName, nameScrubber } from '../../src/core/privacy';

/** Reports and digests that cannot be read back to a person (issue 22, items 5 and 6). */

interface Spec {
  readonly person: string;
  readonly path: string;
  readonly date?: string;
  readonly team?: string;
  readonly risk?: string;
  readonly careerPath?: string;
  readonly previous?: string;
  readonly answer?: string;
  readonly themes?: readonly string[];
}

function note(spec: Spec): IndexedNote {
  const text = `---
type: growth-conversation
person: ${spec.person}
date: ${spec.date ?? '2026-10-01'}
manager: Dana Reyes
${spec.team ? `team: ${spec.team}\n` : ''}${spec.risk ? `flightRisk: ${spec.risk}\n` : ''}${spec.careerPath ? `careerPath: ${spec.careerPath}\n` : ''}${spec.previous ? `previous: ${spec.previous}\n` : ''}${spec.themes ? `themes: [${spec.themes.join(', ')}]\n` : ''}---
## 8. Change <!-- growth:change-anything -->
${spec.answer ?? 'Builds are slow #ci-speed'}
`;
  return { ...summarizeNote(text, BUILT_IN_SCRIPT), path: spec.path };
}

function indexOf(notes: readonly IndexedNote[]): WorkspaceIndex {
  const index = new WorkspaceIndex();
  for (const n of notes) index.set(n.path, n);
  return index;
}

function markdown(result: ReportResult): string {
  assert.ok('markdown' in result, 'refusal' in result ? result.refusal : '');
  return result.markdown;
}

function built(result: ReturnType<typeof buildDigest>): DigestBuilt {
  assert.ok('digest' in result, 'refusal' in result ? result.refusal : '');
  return result;
}

/** Five people, each in their own folder. */
const FIVE = ['Ann Ash', 'Ben Birch', 'Cal Cedar', 'Dee Dogwood', 'Eve Elm'];
const folderOf = (name: string) => `growth-notes/${name.toLowerCase().replace(/ /g, '-')}`;
const OPTIONS = { today: '2026-11-30', includeNames: false, patternThreshold: 2 } as const;
const SOURCE = '0123456789abcdef0123456789abcdef';

describe('privacy groups: who a note is about', () => {
  it('counts "Sam Lee" and "Samuel Lee" as one person through the previous chain and through the folder', () => {
    const chained = [
      note({ person: 'Sam Lee', path: 'notes/sam-lee/2026-04-01.md', date: '2026-04-01' }),
      note({ person: 'Samuel Lee', path: 'notes/sam-lee/2026-10-01.md', previous: '2026-04-01.md' }),
    ];
    const ids = personIdentities(chained);
    assert.equal(ids.get(chained[0].path), ids.get(chained[1].path));
    // The same folder alone is enough: the names match as the people picker matches them.
    const folderOnly = [note({ person: 'Sam Lee', path: 'notes/s/1.md' }), note({ person: 'Samuel Lee', path: 'notes/s/2.md' })];
    assert.equal(new Set(personIdentities(folderOnly).values()).size, 1);
    // And the chain alone, across folders (a note filed under the new spelling's folder).
    const chainOnly = [note({ person: 'Sam Lee', path: 'notes/sam-lee/1.md' }), note({ person: 'Samuel Lee', path: 'notes/samuel-lee/2.md', previous: '../sam-lee/1.md' })];
    assert.equal(new Set(personIdentities(chainOnly).values()).size, 1);
    // In the editor the paths are URIs; the chain is found the same way.
    const uris = [note({ person: 'Sam Lee', path: 'file:///w/notes/sam%20lee/1.md' }), note({ person: 'Samuel Lee', path: 'file:///w/notes/samuel/2.md', previous: '../sam lee/1.md' })];
    assert.equal(new Set(personIdentities(uris).values()).size, 1);
  });

  it('keeps two people with the same name in different folders two, and a previous link to someone else\'s note is not a person', () => {
    const two = [note({ person: 'Alex Kim', path: 'notes/alex-kim/1.md' }), note({ person: 'Alex Kim', path: 'notes/alex-kim-2/1.md' })];
    assert.equal(new Set(personIdentities(two).values()).size, 2);
    const wrongLink = [note({ person: 'Sam Lee', path: 'notes/sam-lee/1.md' }), note({ person: 'Jordan Kim', path: 'notes/jordan-kim/1.md', previous: '../sam-lee/1.md' })];
    assert.equal(new Set(personIdentities(wrongLink).values()).size, 2);
  });

  it('counts one person\'s folder found in two workspace folders (the notes and an archive beside them) as one person', () => {
    const roots = [
      note({ person: 'Alex Morgan', path: 'file:///work/growth-notes/alex-morgan/2026-05-12.md' }),
      note({ person: 'Alex Morgan', path: 'file:///archive/growth-notes/alex-morgan/2025-05-14.md' }),
      note({ person: 'Alex Morgan', path: 'file:///archive/growth-notes/Alex-Morgan-2/2025-06-01.md' }),
      note({ person: 'Casey Ng', path: 'file:///archive/growth-notes/casey-ng/2025-06-02.md' }),
      note({ person: 'Riley Ng', path: 'file:///work/growth-notes/casey-ng/2026-01-01.md' }),
    ];
    const ids = personIdentities(roots);
    assert.equal(ids.get(roots[0].path), ids.get(roots[1].path), 'alex-morgan/ in both roots');
    assert.notEqual(ids.get(roots[0].path), ids.get(roots[2].path), 'alex-morgan-2/ is a namesake');
    assert.notEqual(ids.get(roots[3].path), ids.get(roots[4].path), 'a folder of one name holding another person is not joined');
  });

  it('in a folder of many people\'s notes, counts by the folded name, letters such as ø and ł included', () => {
    const flat = [
      note({ person: 'Søren Ås', path: 'flat/a.md' }), note({ person: 'Soren As', path: 'flat/b.md' }),
      note({ person: 'Łukasz Nowak', path: 'flat/c.md' }), note({ person: 'Lukasz Nowak', path: 'flat/d.md' }), note({ person: 'Priya Shah', path: 'flat/e.md' }),
    ];
    const ids = personIdentities(flat);
    assert.equal(new Set(ids.values()).size, 3);
    assert.equal(ids.get('flat/a.md'), ids.get('flat/b.md'));
    assert.equal(ids.get('flat/c.md'), ids.get('flat/d.md'));
  });

  it('refuses a report of 4 real people written under 5 names, and the People view shows one row for the renamed person', () => {
    const notes = [
      ...FIVE.slice(0, 3).map(name => note({ person: name, path: `${folderOf(name)}/2026-10-01.md` })),
      note({ person: 'Sam Lee', path: 'growth-notes/sam-lee/2026-09-01.md', date: '2026-09-01' }),
      note({ person: 'Samuel Lee', path: 'growth-notes/sam-lee/2026-10-02.md', date: '2026-10-02', previous: '2026-09-01.md' }),
    ];
    const result = themesReport(indexOf(notes), OPTIONS);
    assert.ok('refusal' in result && /4 people/.test(result.refusal), JSON.stringify(result));
    const rows = peopleSummaries(notes, '2026-11-30');
    assert.deepEqual(rows.map(row => [row.person, row.conversations.length]).sort(), [['Ann Ash', 1], ['Ben Birch', 1], ['Cal Cedar', 1], ['Samuel Lee', 2]]);
  });
});

describe('privacy groups: small cells and the same answer', () => {
  const teamOf = (i: number) => (i < 5 ? 'Platform' : 'Data');
  const TEN = [...FIVE, 'Fay Fir', 'Gus Gum', 'Hal Hazel', 'Ida Ivy', 'Jon Juniper'];

  it('shows a theme on its own only when at least 3 people raised it; the rest is one line of mentions, and a report with names shows all', () => {
    const notes = TEN.map((name, i) => note({
      person: name, path: `${folderOf(name)}/2026-10-01.md`, team: teamOf(i),
      answer: `Builds are slow #ci-speed${i === 0 ? ' #onboarding' : ''}${i < 2 ? ' #desk-booking' : ''}`,
    }));
    const report = markdown(themesReport(indexOf(notes), OPTIONS));
    assert.match(report, /\| ci-speed ★ \| 10 \|/);
    assert.doesNotMatch(report, /onboarding|desk-booking/);
    assert.match(report, /Other themes: 3 mentions\./);
    assert.match(report, /A theme is shown on its own once at least 3 people raised it/);
    // The configured minimum (never below 2) lets a theme of two people show.
    const two = markdown(themesReport(indexOf(notes), { ...OPTIONS, minThemeGroup: 1 }));
    assert.match(two, /\| desk-booking ★ \| 2 \|/);
    assert.match(two, /Other themes: 1 mention\./);
    // The manager's own report, with names: their own notes, everything shown.
    const own = markdown(themesReport(indexOf(notes), { ...OPTIONS, includeNames: true }));
    assert.match(own, /\| onboarding \| 1 \| 1 \| Ann Ash \|/);
    assert.doesNotMatch(own, /Other themes/);
  });

  it('does not show flight risk as counts when everyone gave the same answer, and shows it when answers differ', () => {
    const alike = FIVE.map(name => note({ person: name, path: `${folderOf(name)}/1.md`, risk: 'high', careerPath: 'undecided' }));
    const report = markdown(themesReport(indexOf(alike), OPTIONS));
    const flight = report.slice(report.indexOf('## Flight risk'));
    assert.match(flight, /Not shown: everyone in this group gave the same answer/);
    assert.doesNotMatch(report, /\| high \| 5 \|/);
    assert.doesNotMatch(report, /\| undecided \| 5 \|/);
    // "Not recorded" is no answer: four high and one not recorded still says what the four answered.
    const mostly = FIVE.map((name, i) => note({ person: name, path: `${folderOf(name)}/1.md`, risk: i < 4 ? 'high' : undefined }));
    assert.match(markdown(themesReport(indexOf(mostly), OPTIONS)).slice(report.indexOf('## Flight risk')), /Not shown: everyone in this group gave the same answer/);
    const differ = TEN.map((name, i) => note({ person: name, path: `${folderOf(name)}/1.md`, risk: i < 5 ? 'high' : 'low' }));
    assert.match(markdown(themesReport(indexOf(differ), OPTIONS)), /\| high \| 5 \|[^\n]*\n\| low \| 5 \|/);
  });

  it('counts a person who moved team in the team of their latest note only, with every theme they raised', () => {
    const notes = TEN.map((name, i) => note({ person: name, path: `${folderOf(name)}/2026-10-01.md`, team: teamOf(i), answer: i < 5 ? '#platform-pain' : '#data-pain' }));
    // Fay moved from Platform to Data: her old note raised #platform-pain in Platform.
    notes.push(note({ person: 'Fay Fir', path: `${folderOf('Fay Fir')}/2026-08-01.md`, date: '2026-08-01', team: 'Platform', answer: '#platform-pain' }));
    const report = markdown(themesReport(indexOf(notes), { ...OPTIONS, since: '2026-07-01' }));
    assert.match(report, /\*\*Platform\*\*, 5 people: platform-pain \(5\)/);
    assert.match(report, /\*\*Data\*\*, 5 people: data-pain \(5\)/);
  });

  it('never counts a theme tagged inside hidden HTML, through the note model', () => {
    const notes = TEN.map((name, i) => note({
      person: name, path: `${folderOf(name)}/1.md`, answer: i < 4 ? 'Fine #ci-speed\n\n<details>\n\n#hidden-theme in a fold\n\n</details>' : 'Fine #ci-speed',
    }));
    assert.equal(notes[0].tags.some(tag => tag.key === 'hidden-theme' && !tag.private), false);
    const report = markdown(themesReport(indexOf(notes), OPTIONS));
    assert.doesNotMatch(report, /hidden-theme/);
    assert.doesNotMatch(report, /Other themes/);
  });

  it('folds names in labels as in counts: a team or theme named after Søren or Łukasz is not shown', () => {
    const holds = labelHoldsName(['Søren Ås', 'Łukasz Nowak']);
    assert.equal(holds('sorens-team'), true);
    assert.equal(holds('lukasz-burnout'), true);
    assert.equal(holds('ci-speed'), false);
    assert.equal(nameScrubber(['Søren Ås'])('Ask Soren'), 'Ask [name]');
  });
});

describe('privacy groups: the digest and the org report', () => {
  const { vocabulary } = parseVocabulary('themes:\n  - name: onboarding\n    aliases: [new-joiner]\n');

  /** One team's digest: five people in Q4, one of them raising `rare`, all raising ci-speed. */
  function teamDigest(team: string, rare: string, today: string): DigestBuilt {
    const notes = FIVE.map((name, i) => note({
      person: name, path: `${team}/${name}/2026-10-01.md`, team, risk: i < 3 ? 'low' : 'medium',
      answer: `#ci-speed${i === 0 ? ` #${rare} #desk-booking` : ''}`,
    }));
    // Each team's notes folder has its own anonymous id.
    return built(buildDigest(notes, { today, sourceId: createHash('md5').update(team).digest('hex'), vocabulary }));
  }

  it('carries a rare theme only when it is an agreed theme, for the whole group and never per team; other rare themes stay home', () => {
    const digest = teamDigest('Platform', 'new-joiner', '2026-12-01');
    const [quarter] = digest.digest.quarters;
    assert.equal(digest.digest.formatVersion, 3);
    assert.equal(digest.digest.minThemeGroup, 3);
    assert.deepEqual(quarter.themes, { 'ci-speed': 5, onboarding: 1 });
    assert.equal(quarter.otherThemes, 1);
    assert.deepEqual(quarter.teams, [{ team: 'Platform', people: 5, themes: { 'ci-speed': 5 } }]);
    assert.doesNotMatch(digest.text, /desk-booking/);
    // Three low and two medium: answers differ, and each value alone is under 5, so together they are "other".
    assert.deepEqual(quarter.flightRisk, { other: 5 });
  });

  it('leaves out a breakdown where everyone gave the same answer, and says so before saving', () => {
    const notes = FIVE.map(name => note({ person: name, path: `${folderOf(name)}/1.md`, risk: 'high' }));
    const digest = built(buildDigest(notes, { today: '2026-12-01', sourceId: SOURCE }));
    assert.deepEqual(digest.digest.quarters[0].flightRisk, {});
    assert.deepEqual(digest.digest.quarters[0].careerPaths, { 'not-recorded': 5 });
    assert.deepEqual(digest.sameAnswers, ['2026-Q4 flightRisk']);
  });

  it('shows an agreed theme raised by one person in each of five teams once the org adds it up to 5, and a rare theme of one digest never', () => {
    const teams = ['Apps', 'Billing', 'Core', 'Data', 'Edge'];
    const files = teams.map(team => ({ file: `${team}.json`, text: teamDigest(team, 'onboarding', '2026-12-01').text }));
    const five = collateDigests(files, { vocabulary, today: '2026-12-02' });
    assert.deepEqual(five.collation.rejected, []);
    const onboarding = five.collation.themes.find(theme => theme.theme === 'onboarding');
    assert.deepEqual(onboarding && [onboarding.people, onboarding.sources, onboarding.teams, onboarding.crossTeam], [5, 5, 5, true]);
    assert.equal(five.collation.otherThemes, 5);
    assert.doesNotMatch(collationMarkdown(five), /desk-booking/);
    const one = collateDigests(files.slice(0, 1), { vocabulary, today: '2026-12-02' });
    assert.equal(one.collation.themes.some(theme => theme.theme === 'onboarding'), false);
    assert.equal(one.collation.otherThemes, 2);
    assert.match(collationMarkdown(one), /Other themes: 2 mentions\./);
  });

  it('rejects a format 3 digest that carries a rare theme in a team, a rare theme the vocabulary does not know, or everyone\'s same answer', () => {
    const good = teamDigest('Platform', 'onboarding', '2026-12-01').digest;
    const { contentHash, ...body } = good;
    assert.match(contentHash, /^sha256:/);
    const variants = {
      team: { ...body, quarters: [{ ...body.quarters[0], teams: [{ ...body.quarters[0].teams[0], themes: { 'ci-speed': 5, onboarding: 1 } }] }] },
      unknown: { ...body, quarters: [{ ...body.quarters[0], themes: { 'ci-speed': 5, 'desk-booking': 1 } }] },
      same: { ...body, quarters: [{ ...body.quarters[0], flightRisk: { high: 5 } }] },
    };
    const files = Object.entries(variants).map(([name, digest]) => ({ file: `${name}.json`, text: sealDigest(digest) }));
    const reasons = collateDigests(files, { vocabulary, today: '2026-12-02' }).collation.rejected.map(r => `${r.file}: ${r.reason}`);
    assert.deepEqual(reasons, [
      'same.json: 2026-Q4\'s flightRisk gives everyone the same answer, which says what each person answered',
      'team.json: 2026-Q4 counts a theme raised by 1 people in team "Platform", under its theme minimum of 3',
      'unknown.json: 2026-Q4 counts a theme raised by 1 people that is not an agreed theme, under its theme minimum of 3',
    ]);
  });
});
