import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../src/cli/main';
import { collateDigests, DigestFile, sealDigest } from '../../src/core/outputs';

async function run(args: string[], today: string) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { print: text => out.push(text), printError: text => err.push(text), today });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** The quarters of the flow, the day each quarter's digest is made, and how many of each team's 6 people raise on-call load. */
const QUARTERS = [
  { quarter: '2026-Q2', day: '2026-05-10', made: '2026-06-28', raising: 2 },
  { quarter: '2026-Q3', day: '2026-08-10', made: '2026-09-28', raising: 3 },
  { quarter: '2026-Q4', day: '2026-11-10', made: '2026-12-20', raising: 5 },
];
const MANAGERS = ['north', 'south', 'east'];

/** One conversation with person `i` of a manager's team in a quarter. */
function writeNote(folder: string, manager: string, i: number, day: string, raises: boolean) {
  const person = `${manager}-person-${i}`;
  mkdirSync(join(folder, person), { recursive: true });
  writeFileSync(join(folder, person, `${day}.md`), `---\ntype: growth-conversation\nperson: Person ${manager} ${i}\ndate: ${day}\nteam: Team ${manager}\n---\n`
    + `## 1. How are you? <!-- growth:checkin -->\n${raises ? 'Too many pages. #on-call-load' : 'Fine. #ci-speed'}\n`);
}

/**
 * The org repository's README, followed quarter after quarter: each manager adds a conversation per
 * person to their notes, exports a digest of everything, and commits it as digests/<label>-<quarter>.json.
 */
async function quarterlyFlow(root: string, labels: boolean): Promise<string> {
  const digests = join(root, 'org', 'digests');
  mkdirSync(digests, { recursive: true });
  // The org's agreed themes: on-call load, raised by 2 of a team's 6 in Q2, travels because it is agreed.
  writeFileSync(join(root, 'org', 'growth-themes.yaml'), 'themes:\n  - name: on-call-load\n');
  for (const { quarter, day, made, raising } of QUARTERS) {
    for (const manager of MANAGERS) {
      const notes = join(root, manager);
      for (let i = 0; i < 6; i++) writeNote(notes, manager, i, day, i < raising);
      const args = ['digest', notes, '--vocabulary', join(root, 'org', 'growth-themes.yaml'), '--out', join(digests, `${manager}-${quarter}.json`), ...(labels ? ['--label', manager] : [])];
      const result = await run(args, made);
      assert.equal(result.code, 0, result.err);
    }
  }
  return digests;
}

describe('Collation over time: the org flow over three quarters gives the right numbers', () => {
  for (const labels of [true, false]) {
    it(`${labels ? 'with' : 'without'} labels: 18 people a quarter, on-call load 6 → 9 → 15 and growing, each older digest replaced`, async function () {
      this.timeout(60000);
      const root = mkdtempSync(join(tmpdir(), 'growth-flow-'));
      try {
        const digests = await quarterlyFlow(root, labels);
        assert.equal(readdirSync(digests).length, 9);
        for (const manager of MANAGERS) assert.match(readFileSync(join(root, manager, '.growth-source-id'), 'utf8'), /\n[0-9a-f]{32}\n$/);
        const vocabulary = join(root, 'org', 'growth-themes.yaml');
        const collated = async (quarter: string) => JSON.parse((await run(['collate', digests, '--vocabulary', vocabulary, '--quarter', quarter, '--json'], '2026-12-21')).out);
        const rows = [];
        for (const { quarter } of QUARTERS) {
          const c = await collated(quarter);
          const onCall = c.themes.find((t: { theme: string }) => t.theme === 'on-call-load');
          rows.push([c.quarter, c.people, c.sources, onCall.people, onCall.trend, onCall.previousPeople, c.rejected.length]);
        }
        assert.deepEqual(rows, [
          ['2026-Q2', 18, 3, 6, 'new', 0, 0],
          ['2026-Q3', 18, 3, 9, 'growing', 6, 0],
          ['2026-Q4', 18, 3, 15, 'growing', 9, 0],
        ]);
        const latest = JSON.parse((await run(['collate', digests, '--json'], '2026-12-21')).out);
        assert.equal(latest.quarter, '2026-Q4', 'the latest quarter is the default');
        // Each manager's Q2 digest lost Q2 to the Q3 one, which lost Q2 and Q3 to the Q4 one.
        assert.equal(latest.superseded.length, 6);
        assert.deepEqual(latest.superseded.map((s: { quarters: string[] }) => s.quarters.join(' ')).sort(), ['2026-Q2', '2026-Q2', '2026-Q2', '2026-Q2 2026-Q3', '2026-Q2 2026-Q3', '2026-Q2 2026-Q3']);
      } finally {
        rmSync(root, { recursive: true, force: true });
      }
    });
  }
});

type Body = Record<string, unknown> & { quarters: Record<string, unknown>[] };

/** A version-2 digest of one quarter, sealed, after `edit` (a hand edit resealed: the seal cannot tell). */
function digest(file: string, edit: (body: Body) => void = () => undefined, created = '2026-12-01'): DigestFile {
  const body: Body = {
    format: 'growth-team-digest', formatVersion: 2, created, sourceId: '0123456789abcdef0123456789abcdef', minGroupSize: 5,
    quarters: [{ quarter: '2026-Q4', people: 8, themes: { 'on-call load': 5 }, teams: [{ team: 'Web', people: 8, themes: { 'on-call load': 5 } }], hiddenTeamPeople: 0,
      careerPaths: { undecided: 8 }, flightRisk: { low: 8 } }],
  };
  edit(body);
  return { file, text: sealDigest(body) };
}

describe('Collation: counts that cannot be true, and days, are rejected even when resealed', () => {
  const reasons = (files: DigestFile[], today = '2026-12-02') => collateDigests(files, { today }).collation.rejected;

  it('a theme above the group, a team theme above its team, breakdowns that are not the group, fractions and negatives', () => {
    const q = (body: Body) => body.quarters[0];
    assert.deepEqual(reasons([
      digest('a-theme.json', b => { q(b).themes = { 'on-call load': 5000 }; }),
      digest('b-team.json', b => { q(b).teams = [{ team: 'Web', people: 8, themes: { 'on-call load': 9 } }]; }),
      digest('c-paths.json', b => { q(b).careerPaths = { undecided: 5, other: 5 }; }),
      digest('d-risk.json', b => { q(b).flightRisk = { low: 5 }; }),
      digest('e-fraction.json', b => { q(b).people = 8.5; }),
      digest('f-negative.json', b => { q(b).themes = { 'on-call load': -5 }; }),
      digest('g-ok.json'),
    ]), [
      { file: 'a-theme.json', reason: '2026-Q4 counts a theme raised by 5000 people in a group of 8, which cannot be' },
      { file: 'b-team.json', reason: '2026-Q4 counts a theme raised by 9 people in team "Web", more than the team or the whole group, which cannot be' },
      { file: 'c-paths.json', reason: "2026-Q4's careerPaths count 10 people in a group of 8, which cannot be" },
      { file: 'd-risk.json', reason: "2026-Q4's flightRisk count 5 people in a group of 8, which cannot be" },
      { file: 'e-fraction.json', reason: 'it does not follow the digest format (a value has the wrong type or is out of range)' },
      { file: 'f-negative.json', reason: 'it does not follow the digest format (a value has the wrong type or is out of range)' },
    ]);
  });

  it('a quarter after the day it was made is rejected, so it never becomes the default quarter', () => {
    const future = digest('future.json', b => { b.quarters.push({ ...b.quarters[0], quarter: '2099-Q4' }); });
    const { collation } = collateDigests([future, digest('ok.json', b => { b.sourceId = 'ffffffffffffffffffffffffffffffff'; })], { today: '2026-12-02' });
    assert.deepEqual(collation.rejected, [{ file: 'future.json', reason: 'lists 2099-Q4, which starts after the day it was made (2026-12-01)' }]);
    assert.equal(collation.quarter, '2026-Q4');
  });

  it('days compare with a day to spare: made at UTC+14, collated at UTC-12 the day before, it counts; two days ahead it does not', () => {
    assert.deepEqual(reasons([digest('tomorrow.json', undefined, '2026-12-02')], '2026-12-01'), []);
    assert.deepEqual(reasons([digest('later.json', undefined, '2026-12-03')], '2026-12-01'), [{ file: 'later.json', reason: 'dated 2026-12-03, after today' }]);
    // The first day of a quarter, made where it is already that day, counts on the last day of the one before.
    assert.deepEqual(reasons([digest('new-quarter.json', b => { b.quarters[0].quarter = '2027-Q1'; }, '2026-12-31')], '2026-12-31'), []);
  });

  it('a newer digest from the same notes replaces the older one, whichever order they come in; an older one never replaces a newer', () => {
    const older = digest('older.json', b => { b.quarters[0].people = 6; b.quarters[0].teams = [{ team: 'Web', people: 6, themes: { 'on-call load': 5 } }]; b.quarters[0].careerPaths = { undecided: 6 }; b.quarters[0].flightRisk = { low: 6 }; }, '2026-11-01');
    const newer = digest('newer.json');
    for (const order of [[older, newer], [newer, older]]) {
      const { collation } = collateDigests(order, { today: '2026-12-02' });
      assert.deepEqual([collation.people, collation.sources, collation.teams, collation.superseded],
        [8, 1, [{ team: 'Web', people: 8 }], [{ file: 'older.json', by: 'newer.json', quarters: ['2026-Q4'] }]]);
    }
  });
});
