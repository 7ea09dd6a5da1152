import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../src/cli/main';

const CORPUS = 'test/fixtures/collation';
const VOCABULARY = `${CORPUS}/growth-themes.yaml`;

async function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { print: text => out.push(text), printError: text => err.push(text), today: '2026-12-02' });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const theme = (name: string, people: number, sources: number, teams: number, trend: string, previousPeople: number, status: string | null = null, owner: string | null = null) =>
  ({ theme: name, people, sources, teams, crossTeam: teams >= 2, trend, previousPeople, status, owner });

describe('CLI: growth digest, collate and init-org', () => {
  let folder: string;
  before(() => { folder = mkdtempSync(join(tmpdir(), 'growth-collate-')); });
  after(() => rmSync(folder, { recursive: true, force: true }));

  it('writes a digest per manager, and refuses one for a team too small (exit 2)', async () => {
    mkdirSync(join(folder, 'digests'));
    for (const manager of ['dana-reyes', 'omar-haddad', 'mei-chen']) {
      const result = await run(['digest', join(CORPUS, manager), '--vocabulary', VOCABULARY, '--label', manager, '--out', join(folder, 'digests', `${manager}.json`)]);
      assert.equal(result.code, 0, result.err);
      assert.match(result.err, /No names, no note text, no file paths, no days: quarters only\./);
    }
    const tiny = await run(['digest', join(CORPUS, 'tiny-team'), '--out', join(folder, 'tiny.json')]);
    assert.deepEqual([tiny.code, tiny.err], [2, 'No quarter has conversations with at least 5 people (2026-Q4: 2). A digest of a smaller group could point at someone, so nothing was written.']);
    assert.equal(existsSync(join(folder, 'tiny.json')), false);
    assert.equal((await run(['digest', join(CORPUS, 'dana-reyes'), '--out', join(folder, 'digests', 'dana-reyes.json')])).code, 2, 'never replaces a file without --force');
    assert.equal((await run(['digest', join(CORPUS, 'dana-reyes')])).code, 2, '--out is required');
  });

  it('prints exactly the collated JSON of the latest quarter', async () => {
    const { code, out, err } = await run(['collate', join(folder, 'digests'), '--vocabulary', VOCABULARY, '--json']);
    assert.deepEqual([code, err], [0, '']);
    assert.deepEqual(JSON.parse(out), {
      quarter: '2026-Q4', minGroupSize: 5, minThemeGroup: 3, people: 19, sources: 3,
      themes: [
        theme('ci speed', 19, 3, 3, 'growing', 9, 'acknowledged', 'Developer experience'),
        theme('on-call load', 19, 3, 3, 'growing', 13, 'in-progress', 'Platform leads'),
        theme('career ladder', 7, 3, 3, 'fading', 11),
        // Not agreed themes: a digest carries them only where at least 3 of its people raised them, so
        // tooling's 2 + 2 of the quarter before stayed home (4 before, not 8), and meeting-load,
        // remote-work, pay-transparency and onboarding are only counted among the other themes.
        theme('tooling', 6, 2, 2, 'growing', 4),
      ],
      otherThemes: 9,
      teams: [{ team: 'Data', people: 5 }],
      rejected: [],
      superseded: [],
    });
    const q3 = JSON.parse((await run(['collate', join(folder, 'digests'), '--quarter', '2026-Q3', '--json'])).out);
    assert.deepEqual([q3.quarter, q3.people, q3.sources], ['2026-Q3', 19, 3]);
  });

  it('lists rejected digests with their reasons, merges the rest, and writes Markdown and HTML', async () => {
    const dana = readFileSync(join(folder, 'digests', 'dana-reyes.json'), 'utf8');
    writeFileSync(join(folder, 'digests', 'z-edited.json'), dana.replace('"people": 8', '"people": 9'));
    writeFileSync(join(folder, 'digests', 'z-copy.json'), dana);
    const { code, out, err } = await run(['collate', join(folder, 'digests'), '--json']);
    assert.equal(code, 0);
    const rel = (name: string) => join(folder, 'digests', name);
    assert.deepEqual(JSON.parse(out).rejected, [
      { file: rel('z-copy.json'), reason: `the same digest as ${rel('dana-reyes.json')}` },
      { file: rel('z-edited.json'), reason: 'its content was changed after it was made (the content hash does not match)' },
    ]);
    assert.match(err, /^Not used: .*z-copy\.json: the same digest as/m);
    assert.equal((await run(['collate', join(folder, 'digests'), '--out', join(folder, 'report.html')])).code, 0);
    const html = readFileSync(join(folder, 'report.html'), 'utf8');
    assert.match(html, /<svg role="img" aria-label="People per theme over the last four quarters"/);
    assert.doesNotMatch(html, /<script|https?:\/\/(?!www\.w3\.org)/);
    assert.equal((await run(['collate', join(folder, 'digests'), '--out', join(folder, 'report.html')])).code, 2, 'an existing report is not replaced without --force');
    assert.equal((await run(['collate', join(folder, 'digests'), '--out', join(folder, 'report.md')])).code, 0);
    assert.match(readFileSync(join(folder, 'report.md'), 'utf8'), /^## Digests not used$/m);
    assert.equal((await run(['collate', join(folder, 'nothing')])).code, 2);
    assert.equal((await run(['collate', join(folder, 'digests'), '--quarter', 'Q4'])).code, 2);
  });

  it('refuses a bad vocabulary with its problems (exit 2)', async () => {
    writeFileSync(join(folder, 'bad.yaml'), 'themes:\n  - name: a\n    aliases: [b]\n  - name: b\n');
    const { code, err } = await run(['collate', join(folder, 'digests'), '--vocabulary', join(folder, 'bad.yaml')]);
    assert.equal(code, 2);
    assert.match(err, /bad\.yaml:3:15 "b" is itself a theme \("b"\)/);
  });

  it('init-org writes the org repository, and keeps files that exist', async () => {
    const org = join(folder, 'org');
    const first = await run(['init-org', org]);
    assert.equal(first.code, 0);
    assert.deepEqual(first.err.split('\n'), ['Wrote README.md', 'Wrote growth-themes.yaml', 'Wrote digests/README.md', 'Wrote .github/workflows/collate.yml', 'Wrote .gitlab-ci.yml']);
    assert.match(readFileSync(join(org, '.github/workflows/collate.yml'), 'utf8'), /growth collate digests --vocabulary growth-themes\.yaml --out report\.html/);
    assert.match(readFileSync(join(org, '.gitlab-ci.yml'), 'utf8'), /artifacts:\n {4}paths:\n {6}- report\.html/);
    writeFileSync(join(org, 'README.md'), 'Our own readme\n', { flag: 'w' });
    const second = await run(['init-org', org]);
    assert.match(second.err, /^Kept README\.md: it already exists\.$/m);
    assert.equal(readFileSync(join(org, 'README.md'), 'utf8'), 'Our own readme\n');
    // The vocabulary it writes is valid, and collation runs in the new repository.
    assert.equal((await run(['collate', join(org, 'digests'), '--vocabulary', join(org, 'growth-themes.yaml'), '--json'])).code, 1);
  });

  it('the report takes --min-group and refuses a small period (exit 2)', async () => {
    const refused = await run(['report', join(CORPUS, 'tiny-team')]);
    assert.equal(refused.code, 2);
    assert.match(refused.err, /^This period has conversations with 2 people; an anonymised report needs at least 5/);
    assert.equal((await run(['report', join(CORPUS, 'dana-reyes'), '--min-group', 'x'])).code, 2);
    const ok = await run(['report', join(CORPUS, 'dana-reyes'), '--min-group', '8', '--quotes', '--vocabulary', VOCABULARY]);
    assert.equal(ok.code, 0, ok.err);
    assert.match(ok.out, /Groups smaller than 8 people are not shown/);
  });

  it('runs as a real process with the bin, offline', function () {
    this.timeout(20000);
    const result = spawnSync(process.execPath, ['--require', './test/support/no-network.cjs', 'dist/cli.js', 'collate', join(folder, 'digests'), '--json'], { encoding: 'utf8' });
    assert.equal(result.status, 0, result.stderr);
    assert.equal(JSON.parse(result.stdout).sources, 3);
    assert.match(readFileSync('dist/cli.js', 'utf8').slice(0, 30), /^#!\/usr\/bin\/env node/);
  });
});
