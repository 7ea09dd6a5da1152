import * as assert from 'node:assert/strict';
import { collateDigests, collationHtml, collationMarkdown, DigestFile, DigestQuarter, sealDigest, TeamDigest } from '../../src/core/outputs';
import { parseVocabulary } from '../../src/core/workspace';

type Quarter = Partial<DigestQuarter> & { quarter: string; people: number };

function quarter(q: Quarter): DigestQuarter {
  // Unless a test says otherwise, everyone outside the listed teams is hidden, as growth digest writes it.
  const hiddenTeamPeople = q.people - (q.teams ?? []).reduce((sum, t) => sum + t.people, 0);
  return { themes: {}, teams: [], hiddenTeamPeople, careerPaths: {}, flightRisk: {}, ...q };
}

/** A digest file as `growth digest` would write it, with a correct hash unless the test changes it afterwards. */
function digest(file: string, quarters: Quarter[], extra: Partial<TeamDigest> = {}, edit?: (body: Record<string, unknown>) => void): DigestFile {
  const body: Record<string, unknown> = { format: 'growth-team-digest', formatVersion: 1, ...extra, created: '2026-12-01', minGroupSize: 5, quarters: quarters.map(quarter) };
  delete body.contentHash;
  if (edit) edit(body);
  return { file, text: sealDigest(body) };
}

const { vocabulary } = parseVocabulary(`themes:
  - name: on-call load
    aliases: [oncall]
    response: { status: in-progress, owner: Platform leads, note: A second rota in January. }
`);

const A = digest('a.json', [
  { quarter: '2026-Q3', people: 6, themes: { oncall: 2 }, hiddenTeamPeople: 6 },
  { quarter: '2026-Q4', people: 11, themes: { 'On Call Load': 4, 'CI speed': 3 },
    teams: [{ team: 'Platform', people: 6, themes: { 'on-call load': 4 } }, { team: 'Data', people: 5, themes: { 'ci speed': 3 } }] },
], { label: 'Group A' });
const B = digest('b.json', [
  { quarter: '2026-Q3', people: 5, themes: { 'ci-speed': 4, tooling: 2 }, hiddenTeamPeople: 5 },
  { quarter: '2026-Q4', people: 7, themes: { 'on-call-load': 3, ci_speed: 4 }, hiddenTeamPeople: 7 },
]);
const C = digest('c.json', [
  { quarter: '2026-Q4', people: 5, themes: { oncall: 3 }, teams: [{ team: 'platform', people: 5, themes: { oncall: 3 } }] },
]);

describe('collation: merging', () => {
  it('merges themes through the vocabulary, counts sources and teams, and compares with the quarter before', () => {
    // In file order, as the CLI reads them: the first spelling of a theme or team names it.
    const { collation } = collateDigests([A, B, C], { vocabulary, today: '2026-12-02' });
    assert.deepEqual(collation, {
      quarter: '2026-Q4', minGroupSize: 5, minThemeGroup: 3, people: 23, sources: 3,
      themes: [
        // Platform (A and C merge as one team) and B's withheld breakdown: 2 teams. Two people before is
        // under the theme minimum, so that count is not given (0), though the trend is still told.
        { theme: 'on-call load', people: 10, sources: 3, teams: 2, crossTeam: true, trend: 'growing', previousPeople: 0, status: 'in-progress', owner: 'Platform leads' },
        { theme: 'ci speed', people: 7, sources: 2, teams: 2, crossTeam: true, trend: 'growing', previousPeople: 4, status: null, owner: null },
      ],
      otherThemes: 0,
      teams: [{ team: 'Platform', people: 11 }, { team: 'Data', people: 5 }],
      rejected: [],
      superseded: [],
    });
  });

  it('merges two spellings of one theme in one digest by the larger count, never adding the same people twice', () => {
    const D = digest('d.json', [{ quarter: '2026-Q4', people: 6, themes: { oncall: 4, 'on-call load': 3, 'On Call Load': 2 }, hiddenTeamPeople: 6 }]);
    const { collation } = collateDigests([D], { vocabulary, today: '2026-12-02' });
    assert.deepEqual(collation.themes.map(t => [t.theme, t.people, t.sources]), [['on-call load', 4, 1]]);
  });

  it('collates the quarter asked for, with every trend', () => {
    // With the theme minimum at its floor of 2, themes of two people show.
    const { collation } = collateDigests([A, B], { quarter: '2026-Q3', minThemeGroup: 2 });
    assert.deepEqual(collation.themes.map(t => [t.theme, t.people, t.trend, t.teams, t.crossTeam]), [['ci speed', 4, 'new', 1, false], ['oncall', 2, 'new', 1, false], ['tooling', 2, 'new', 1, false]]);
    // At the default of 3 they are other themes.
    const atThree = collateDigests([A, B], { quarter: '2026-Q3' }).collation;
    assert.deepEqual([atThree.themes.map(t => t.theme), atThree.otherThemes], [['ci speed'], 4]);
    const steady = digest('s.json', [{ quarter: '2026-Q1', people: 5, themes: { x: 2, y: 4 } },
      { quarter: '2026-Q2', people: 5, themes: { x: 2, y: 3 } }]);
    assert.deepEqual(collateDigests([steady], { minThemeGroup: 2 }).collation.themes.map(t => [t.theme, t.trend, t.previousPeople]), [['y', 'fading', 4], ['x', 'steady', 2]]);
  });

  it('keeps merged teams safe: each digest leaves 0 or at least the minimum hidden, so the merge does too', () => {
    const x = digest('x.json', [{ quarter: '2026-Q4', people: 10, teams: [{ team: 'Web', people: 5, themes: {} }, { team: 'Ops', people: 5, themes: {} }] }]);
    const y = digest('y.json', [{ quarter: '2026-Q4', people: 13, teams: [{ team: 'web', people: 8, themes: {} }], hiddenTeamPeople: 5 }]);
    const { collation } = collateDigests([x, y], { today: '2026-12-02' });
    assert.deepEqual([collation.people, collation.teams], [23, [{ team: 'Web', people: 13 }, { team: 'Ops', people: 5 }]]);
  });

  it('draws the Markdown and a self-contained HTML page with inline SVG and nothing remote', () => {
    const detail = collateDigests([A, B, C], { vocabulary });
    const markdown = collationMarkdown(detail);
    assert.match(markdown, /^# Growth themes across teams, 2026-Q4$/m);
    // Two people the quarter before is under the theme minimum: not given as a number.
    assert.match(markdown, /^\| on-call load ★ \| 10 \| 3 \| 2 \| growing \(fewer than 3 before\) \| in progress \(Platform leads\) \| █{20} \|$/m);
    assert.match(markdown, /^\| on-call load \| 0 \| 0 \| 0 \| 10 \|$/m);
    assert.match(markdown, /may be counted twice/);
    const html = collationHtml(detail);
    assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">/);
    assert.equal((html.match(/<svg /g) ?? []).length, 2);
    assert.doesNotMatch(html, /<script|<link|<img|https?:\/\/(?!www\.w3\.org\/2000\/svg)/);
    assert.match(html, /A second rota in January\./);
  });
});

describe('collation: every rejection, with its reason, while the rest merge', () => {
  const reasons = (files: DigestFile[], today = '2026-12-02') => collateDigests(files, { today }).collation.rejected;

  it('rejects a wrong or future format version', () => {
    assert.deepEqual(reasons([digest('old.json', [{ quarter: '2026-Q4', people: 5 }], {}, b => { b.formatVersion = 0; }),
      digest('new.json', [{ quarter: '2026-Q4', people: 5 }], {}, b => { b.formatVersion = 5; }), A]), [
      { file: 'new.json', reason: 'made in format version 5, newer than this collation knows (4); update the tool' },
      { file: 'old.json', reason: 'its format version is not one this collation knows (1, 2, 3, 4)' },
    ]);
  });

  it('rejects a digest changed after it was made', () => {
    const changed = { file: 'changed.json', text: A.text.replace('"people": 11', '"people": 12') };
    assert.deepEqual(reasons([changed, B]), [{ file: 'changed.json', reason: 'its content was changed after it was made (the content hash does not match)' }]);
  });

  it('rejects a group under the minimum, anywhere in the digest', () => {
    assert.deepEqual(reasons([
      digest('q.json', [{ quarter: '2026-Q4', people: 4 }]),
      digest('t.json', [{ quarter: '2026-Q4', people: 9, teams: [{ team: 'X', people: 4, themes: {} }], hiddenTeamPeople: 5 }]),
      digest('h.json', [{ quarter: '2026-Q4', people: 9, teams: [{ team: 'X', people: 7, themes: {} }], hiddenTeamPeople: 2 }]),
      digest('v.json', [{ quarter: '2026-Q4', people: 9, flightRisk: { high: 1 } }]),
      digest('s.json', [{ quarter: '2026-Q4', people: 13, teams: [{ team: 'X', people: 5, themes: {} }, { team: 'Y', people: 5, themes: {} }], hiddenTeamPeople: 0 }]),
      digest('m.json', [{ quarter: '2026-Q4', people: 9 }], {}, b => { b.minGroupSize = 3; }),
    ]), [
      { file: 'h.json', reason: '2026-Q4 lets a group of 2 be worked out by subtraction' },
      { file: 'm.json', reason: 'made with groups as small as 3; this collation needs at least 5' },
      { file: 'q.json', reason: '2026-Q4 has a group of 4 people, under the minimum of 5' },
      { file: 's.json', reason: "2026-Q4's team counts do not add up to its 13 people, so a hidden group could be worked out" },
      { file: 't.json', reason: '2026-Q4 shows a team of 4 people, under the minimum of 5' },
      { file: 'v.json', reason: '2026-Q4 counts 1 people for "high", under the minimum of 5' },
    ]);
  });

  it('rejects a field the schema does not know, such as a name slipped in, even with a matching hash', () => {
    const slipped = digest('names.json', [{ quarter: '2026-Q4', people: 5 }], {}, b => { (b.quarters as Record<string, unknown>[])[0].names = ['Zoë Quinn']; });
    assert.deepEqual(reasons([slipped]), [{ file: 'names.json', reason: 'it has a field the digest format does not know; a name or a note may have slipped in' }]);
    assert.doesNotMatch(JSON.stringify(reasons([slipped])), /"names"|quarters/, 'the reason never repeats what the file holds');
  });

  it('rejects the same digest twice; a second digest with the same label (format 1, no source id) replaces the first for the quarter they share', () => {
    const again = { file: 'z-copy.json', text: A.text };
    const sameLabel = digest('y.json', [{ quarter: '2026-Q4', people: 6 }], { label: 'group a' });
    const { collation } = collateDigests([A, again, sameLabel], { today: '2026-12-02' });
    assert.deepEqual(collation.rejected, [{ file: 'z-copy.json', reason: 'the same digest as a.json' }]);
    assert.deepEqual(collation.superseded, [{ file: 'a.json', by: 'y.json', quarters: ['2026-Q4'] }]);
    assert.deepEqual([collation.people, collation.sources], [6, 1]);
  });

  it('rejects a file over the size cap, a file that is not JSON or not a digest, and one dated after today', () => {
    assert.deepEqual(reasons([
      { file: 'big.json', text: ' '.repeat(1024 * 1024 + 1) }, { file: 'bad.json', text: '{' }, { file: 'other.json', text: '{"name":"x"}' },
      digest('late.json', [{ quarter: '2026-Q4', people: 5 }], {}, b => { b.created = '2027-01-01'; }),
    ]), [
      { file: 'bad.json', reason: 'not a JSON file' },
      { file: 'big.json', reason: 'larger than 1024 KB, so it was not read' },
      { file: 'late.json', reason: 'dated 2027-01-01, after today' },
      { file: 'other.json', reason: 'not a team digest (its "format" is not growth-team-digest)' },
    ]);
  });
});
