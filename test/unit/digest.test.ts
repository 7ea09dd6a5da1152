import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { buildDigest, DigestBuilt, previousQuarter, quarterOf, sealDigest, sealHolds } from '../../src/core/outputs';
import { BUILT_IN_SCRIPT, summarizeNote } from '../../src/core/note';
import { IndexedNote, parseVocabulary } from '../../src/core/workspace';

/** A notes folder's anonymous id, as `.growth-source-id` holds one. */
const SOURCE = '0123456789abcdef0123456789abcdef';

function note(person: string, date: string, team: string | undefined, body: string, extra = ''): IndexedNote {
  const text = `---\ntype: growth-conversation\nperson: ${person}\ndate: ${date}\nmanager: Dana Reyes\n${team ? `team: ${team}\n` : ''}${extra}---\n## 8. Change <!-- growth:change-anything -->\n${body}\n## Private notes <!-- growth:private -->\n#private-theme ${person} is leaving\n`;
  return { ...summarizeNote(text, BUILT_IN_SCRIPT), path: `${person}/${date}.md` };
}

function built(result: ReturnType<typeof buildDigest>): DigestBuilt {
  assert.ok('digest' in result, 'refusal' in result ? result.refusal : '');
  return result;
}

describe('team digest: building', () => {
  it('knows quarters', () => {
    assert.deepEqual([quarterOf('2026-01-31'), quarterOf('2026-12-01'), quarterOf('2026-13-01'), quarterOf(undefined), previousQuarter('2026-Q1'), previousQuarter('2026-Q3')],
      ['2026-Q1', '2026-Q4', undefined, undefined, '2025-Q4', '2026-Q2']);
  });

  it('holds counts per quarter, canonical theme and large enough team, and nothing else', () => {
    const { vocabulary } = parseVocabulary('themes:\n  - name: on-call load\n    aliases: [oncall]\n');
    const notes = [
      ...['Ann Ash', 'Ben Birch', 'Cal Cedar', 'Dee Dogwood', 'Eve Elm'].map((p, i) => note(p, `2026-10-0${i + 1}`, 'Platform', `#oncall #ci-speed`, 'flightRisk: low\n')),
      note('Fay Fir', '2026-11-02', 'Mobile', '#On-Call-Load', 'flightRisk: hgih\n'),
      note('Fay Fir', '2026-11-20', 'Mobile', '#tooling', 'flightRisk: hgih\n'),
      ...['Ann Ash', 'Ben Birch', 'Cal Cedar'].map(p => note(p, '2026-08-01', 'Platform', '#oncall')),
    ];
    const result = built(buildDigest(notes, { today: '2026-12-02', sourceId: SOURCE, label: ' Platform group ', vocabulary }));
    const { contentHash, ...body } = result.digest;
    assert.equal(result.text, sealDigest(body));
    assert.match(contentHash, /^sha256:[0-9a-f]{64}$/);
    assert.ok(sealHolds(result.text));
    assert.ok(!sealHolds(result.text.replace('"people": 6', '"people": 7')), 'a changed count breaks the seal');
    assert.ok(!sealHolds(result.text.replace(/\n/g, '\r\n')), 'so does re-saving it with other line endings');
    assert.deepEqual(body, {
      format: 'growth-team-digest', formatVersion: 3, label: 'Platform group', created: '2026-12-02', sourceId: SOURCE, minGroupSize: 5, minThemeGroup: 3,
      quarters: [{
        quarter: '2026-Q4', people: 6,
        // tooling, raised by one person and not an agreed theme, stays home: one mention of other themes.
        themes: { 'on-call load': 6, 'ci-speed': 5 },
        // Platform (5) alone would give Mobile's one person away by subtraction.
        teams: [], hiddenTeamPeople: 6,
        careerPaths: { 'not-recorded': 6 },
        // Everyone with a flight risk has "low" (the misspelt one counts as not recorded): not given.
        flightRisk: {},
        otherThemes: 1,
      }],
    });
    assert.deepEqual(result.quartersLeftOut, [{ quarter: '2026-Q3', people: 3 }]);
  });

  it('shows teams when what stays hidden is 0 or at least the minimum', () => {
    const notes = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j'].map((p, i) => note(`P${p}`, '2026-10-01', i < 5 ? 'Platform' : i < 8 ? 'Web' : undefined, i % 2 ? '#ci' : '#tooling'));
    const quarter = built(buildDigest(notes, { today: '2026-12-02', sourceId: SOURCE })).digest.quarters[0];
    // A team's line carries only themes at least 3 of its people raised.
    assert.deepEqual(quarter.teams, [{ team: 'Platform', people: 5, themes: { tooling: 3 } }]);
    assert.equal(quarter.hiddenTeamPeople, 5);
  });

  it('refuses when no quarter is large enough, saying why', () => {
    const notes = [note('Ann', '2026-10-01', 'X', '#a'), note('Ben', '2026-07-01', 'X', '#a')];
    assert.deepEqual(buildDigest(notes, { today: '2026-12-02', sourceId: SOURCE }), {
      refusal: 'No quarter has conversations with at least 5 people (2026-Q3: 1, 2026-Q4: 1). A digest of a smaller group could point at someone, so nothing was written.',
    });
    assert.ok('refusal' in buildDigest(notes.slice(0, 1), { today: '2026-12-02', sourceId: SOURCE, minGroupSize: 1 }), 'never below 3');
  });

  it('leaves out themes that look like sentences or hold a name, and teams named after a person', () => {
    const notes = ['Ann Ash', 'Ben Birch', 'Cal Cedar', 'Dee Dogwood', 'Eve Elm'].map(p => note(p, '2026-10-01', "Ann's team", '#ci',
      'themes: ["I want to leave because of the rota", "ann-is-unhappy", "ok"]\n'));
    const result = built(buildDigest(notes, { today: '2026-12-02', sourceId: SOURCE }));
    assert.deepEqual(result.digest.quarters[0].themes, { ci: 5, ok: 5 });
    assert.deepEqual([result.digest.quarters[0].teams, result.themesLeftOut], [[], 2]);
  });
});

/** Every growth note under a folder, read as the CLI does. */
function notesUnder(folder: string): { notes: IndexedNote[]; texts: string[] } {
  const notes: IndexedNote[] = [];
  const texts: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (name.endsWith('.md')) {
        const text = readFileSync(full, 'utf8');
        texts.push(text);
        notes.push({ ...summarizeNote(text, BUILT_IN_SCRIPT), path: full });
      }
    }
  };
  walk(folder);
  return { notes, texts };
}

describe('team digest: the managers corpus (test/fixtures/collation)', () => {
  const root = 'test/fixtures/collation';
  const { vocabulary } = parseVocabulary(readFileSync(join(root, 'growth-themes.yaml'), 'utf8'));
  for (const manager of ['dana-reyes', 'omar-haddad', 'mei-chen']) {
    it(`${manager}: no name (with or without accents, first names alone), no sentence, nothing private`, () => {
      const { notes, texts } = notesUnder(join(root, manager));
      const json = JSON.stringify(built(buildDigest(notes, { today: '2026-12-02', sourceId: SOURCE, vocabulary })).digest);
      const folded = json.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
      const names = notes.flatMap(n => [n.person ?? '', n.manager ?? '']).flatMap(name => [name, ...name.split(/\s+/)]);
      for (const name of names) {
        const plain = name.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
        assert.ok(!json.toLowerCase().includes(name.toLowerCase()) && !folded.includes(plain), `${name} appears in the digest`);
      }
      for (const text of texts) {
        const body = text.slice(text.indexOf('\n---', 3) + 4);
        for (const sentence of body.split(/[.!?\n]/).map(s => s.replace(/#[\w-]+|<!--.*?-->/g, '').trim()).filter(s => s.split(/\s+/).length >= 3)) {
          assert.ok(!folded.includes(sentence.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase()), `"${sentence}" appears in the digest`);
        }
      }
      assert.doesNotMatch(json, /secret|interviewing|layoff|counter|example\.com|@/i);
      assert.equal((json.match(/\d{4}-\d{2}-\d{2}/g) ?? []).join(), '2026-12-02', 'no day but the day it was made');
    });
  }

  it('tiny-team: two people, so no digest at all', () => {
    assert.ok('refusal' in buildDigest(notesUnder(join(root, 'tiny-team')).notes, { today: '2026-12-02', sourceId: SOURCE, vocabulary }));
  });
});
