import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../src/cli/main';

const SAMPLE = 'test/fixtures/sample-workspace';
const HOSTILE = 'test/fixtures/hostile-workspace';

async function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { print: text => out.push(text), printError: text => err.push(text), today: '2026-11-26' });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const FEW = 'Struggling to name three can hint at low fulfilment: worth a follow-up.';

describe('CLI: growth validate', () => {
  it('reports exactly the problems the sample workspace was written to contain', async () => {
    const { code, out } = await run(['validate', SAMPLE]);
    assert.equal(code, 1);
    assert.equal(out, [
      `growth-notes/alex-morgan/2026-05-12.md:23:1 info few-achievements Only 2 of 3 achievements listed. ${FEW}`,
      'growth-notes/jordan-kim/2026-03-15.md:7:8 error invalid-value "mid-level" is not a valid level. Use one of: junior, mid, senior, staff, principal. Did you mean "mid"?',
      'growth-notes/jordan-kim/2026-03-15.md:8:13 error invalid-value "hgih" is not a valid flightRisk. Use one of: low, medium, high, not-assessed. Did you mean "high"?',
      'growth-notes/jordan-kim/2026-03-15.md:9:1 warning unknown-field "mood" is not a known field; views and reports ignore it.',
      'growth-notes/jordan-kim/2026-03-15.md:10:24 warning duplicate-theme "On Call Load" repeats the theme "on-call-load".',
      'growth-notes/jordan-kim/2026-03-15.md:11:19 error nonexistent-date 2026-09-31 is not a day in the calendar.',
      'growth-notes/jordan-kim/2026-03-15.md:12:11 error previous-other-person "../sam-lee/2026-04-20.md" is a conversation with Sam Lee, not Jordan Kim.',
      `growth-notes/jordan-kim/2026-03-15.md:20:1 info few-achievements Only 2 of 3 achievements listed. ${FEW}`,
      'growth-notes/priya-shah/2026-06-03.md:11:10 info theme-spelling "CI speed" is written "ci-speed" in most notes.',
      `growth-notes/sam-lee/2026-04-20.md:19:1 info few-achievements Only 1 of 3 achievements listed. ${FEW}`,
    ].join('\n'));
  });

  it('prints the same problems as JSON with 1-based ranges', async () => {
    const { code, out } = await run(['validate', SAMPLE, '--json']);
    assert.equal(code, 1);
    const problems = JSON.parse(out);
    assert.equal(problems.length, 10);
    assert.deepEqual(problems[2], {
      file: 'growth-notes/jordan-kim/2026-03-15.md', line: 8, column: 13, endLine: 8, endColumn: 17,
      severity: 'error', code: 'invalid-value',
      message: '"hgih" is not a valid flightRisk. Use one of: low, medium, high, not-assessed. Did you mean "high"?',
    });
    assert.deepEqual(problems.map((p: { code: string }) => p.code), ['few-achievements', 'invalid-value', 'invalid-value', 'unknown-field',
      'duplicate-theme', 'nonexistent-date', 'previous-other-person', 'few-achievements', 'theme-spelling', 'few-achievements']);
  });

  it('reports every hostile file clearly and skips files that are not growth notes', async () => {
    const { code, out } = await run(['validate', HOSTILE]);
    assert.equal(code, 1);
    assert.deepEqual(out.split('\n').map(line => line.split(' ').slice(0, 3).join(' ')), [
      'aliases.md:2:1 error yaml-alias',
      'bom-crlf.md:5:9 error invalid-type',
      'code-frontmatter.md:1:1 error frontmatter-language',
      'not-utf8.md:1:1 error not-utf8',
      'tagged.md:3:9 error yaml-tag',
      'unterminated.md:1:1 error frontmatter-unterminated',
    ]);
    assert.equal((globalThis as Record<string, unknown>).pwned, undefined);
  });

  it('exits 0 when there are only warnings, and 2 on bad usage', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'growth-cli-'));
    try {
      writeFileSync(join(folder, 'a.md'), '---\ntype: growth-conversation\nperson: A\ndate: 2026-01-01\nmood: fine\n---\n');
      assert.equal((await run(['validate', folder])).code, 0);
      assert.equal((await run(['validate', join(folder, 'missing')])).code, 2);
      assert.equal((await run(['frobnicate'])).code, 2);
      assert.equal((await run(['validate', '--yaml'])).code, 2);
      assert.equal((await run(['--help'])).code, 0);
      assert.equal((await run([])).code, 2);
      assert.equal((await run(['themes', folder, '--since', 'May'])).code, 2);
      const empty = await run(['themes', join(folder, '..', 'growth-cli-nothing-here')]);
      assert.equal(empty.code, 2);
      mkdirSync(join(folder, 'no-notes'));
      writeFileSync(join(folder, 'no-notes', 'readme.md'), '# Just a readme\n');
      const none = await run(['report', join(folder, 'no-notes')]);
      assert.deepEqual([none.code, none.err.split('\n')[0]], [2, `No growth notes in "${join(folder, 'no-notes')}". A growth note is a Markdown file whose frontmatter says type: growth-conversation.`]);
      assert.equal((await run(['share', join(folder, 'missing.md')])).code, 2);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('survives a body built to stall remark, as a real process, quickly', function () {
    this.timeout(20000);
    const folder = mkdtempSync(join(tmpdir(), 'growth-cli-'));
    try {
      const head = '---\ntype: growth-conversation\nperson: A\ndate: 2026-01-01\n---\n';
      writeFileSync(join(folder, 'stars.md'), head + '*a'.repeat(50_000));
      writeFileSync(join(folder, 'quotes.md'), head + '>'.repeat(10_000));
      const started = Date.now();
      const result = spawnSync(process.execPath, ['dist/cli.js', 'validate', folder], { encoding: 'utf8', timeout: 15000 });
      assert.equal(result.status, 0, result.stderr);
      assert.deepEqual(result.stdout.trim().split('\n').map(line => line.split(' ').slice(0, 3).join(' ')),
        ['quotes.md:6:1 warning body-too-complex', 'stars.md:6:1 warning body-too-complex']);
      // Refused at once: a stalled parse would take minutes. The limit allows a loaded machine.
      assert.ok(Date.now() - started < 14000);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

describe('CLI: themes, report and share', () => {
  it('prints the theme table as JSON, asserted in full', async () => {
    const { code, out } = await run(['themes', SAMPLE, '--json']);
    assert.equal(code, 0);
    assert.deepEqual(JSON.parse(out), [
      { theme: 'ci-speed', people: 2, conversations: 4, pattern: true },
      { theme: 'on-call-load', people: 2, conversations: 3, pattern: true },
      { theme: 'onboarding', people: 2, conversations: 3, pattern: true },
      { theme: 'career-ladder', people: 2, conversations: 2, pattern: true },
    ]);
    assert.deepEqual(JSON.parse((await run(['themes', SAMPLE, '--since', '2026-05-01', '--json'])).out), [
      { theme: 'ci-speed', people: 2, conversations: 2, pattern: true },
      { theme: 'career-ladder', people: 1, conversations: 1, pattern: false },
      { theme: 'on-call-load', people: 1, conversations: 1, pattern: false },
      { theme: 'onboarding', people: 1, conversations: 1, pattern: false },
    ]);
  });

  it('writes an anonymised report, and an HTML one with nothing remote', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'growth-cli-'));
    try {
      const { code, out } = await run(['report', SAMPLE, '--since', '2026-01-01', '--min-group', '3', '--min-theme-group', '2']);
      assert.equal(code, 0);
      assert.match(out, /^# Themes report/);
      assert.match(out, /\| ci-speed ★ \| 2 \| 2 \| █+ \|/);
      // At the default theme minimum of 3, no theme of these four people is named on its own.
      const atThree = (await run(['report', SAMPLE, '--since', '2026-01-01', '--min-group', '3'])).out;
      assert.doesNotMatch(atThree, /ci-speed/);
      assert.match(atThree, /^Other themes: \d+ mentions\.$/m);
      assert.match(out, /^No trend: the period before had fewer than 3 people\.$/m);
      for (const name of ['Alex', 'Morgan', 'Priya', 'Shah', 'Sam', 'Lee', 'Jordan', 'Kim', 'Dana', 'Reyes', 'Chris', 'Okafor', 'alex-morgan', 'priya-shah']) {
        assert.doesNotMatch(out, new RegExp(`(^|[^\\p{L}])${name}([^\\p{L}]|$)`, 'u'), name);
      }
      const withNames = await run(['report', SAMPLE, '--since', '2026-01-01', '--names']);
      assert.match(withNames.out, /Alex Morgan/);
      const html = join(folder, 'report.html');
      assert.equal((await run(['report', SAMPLE, '--min-group', '3', '--min-theme-group', '2', '--out', html])).code, 0);
      const page = readFileSync(html, 'utf8');
      assert.match(page, /<table>/);
      assert.match(page, /default-src 'none'/);
      assert.doesNotMatch(page, /https?:\/\/|<script|<link/);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('shares a note without anything manager-only', async () => {
    const { code, out, err } = await run(['share', `${SAMPLE}/growth-notes/alex-morgan/2026-05-12.md`]);
    assert.equal(code, 0);
    assert.equal(err, 'Left out: the previous field, the flightRisk field, the themes field, comments and guidance, the "Private notes" section.');
    assert.doesNotMatch(out, /flightRisk|Private notes|<!--|talk to the director/);
    assert.match(out, /## 7\. If you were to leave, what would be the number one reason\?\n\n"If another company offered a real architect role\."/);
    // What was agreed in November, read from the notes folder the note sits in.
    assert.ok(out.endsWith([
      '## What we agreed last time', '',
      '- Propose an on-call rota change (@dana): written 2025-11-10, open for 183 days.',
      '- Share the observability budget (@dana): written 2025-11-10, done on 2025-11-10.', '',
    ].join('\n')), out);
  });

  it('refuses a note it cannot read with certainty, with the reason, and exits 1', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'growth-share-'));
    try {
      const cases: [string, string | Uint8Array, RegExp][] = [
        ['duplicate.md', '---\ntype: growth-conversation\nperson: A\ndate: 2026-01-01\nflightRisk: high\nflightRisk: low\n---\n## Q <!-- growth:checkin -->\nok\n', /frontmatter has a problem on line \d+/],
        ['typo.md', '---\ntype: growth-conversation\nperson: A\ndate: 2026-01-01\nlevel: sennior\n---\n', /frontmatter has a problem on line 5: "sennior"/],
        ['plain.md', '# Just a README\n', /not a growth note/],
        ['latin1.md', new Uint8Array([0x2d, 0x2d, 0x2d, 0x0a, 0xe9, 0x0a]), /not valid/],
        ['log.md', `---\ntype: growth-conversation\nperson: A\ndate: 2026-01-01\n---\n## Q <!-- growth:checkin -->\n${'>'.repeat(40)} deep\n`, /too large or too deeply nested/],
      ];
      for (const [name, content, reason] of cases) {
        writeFileSync(join(folder, name), content);
        const { code, out, err } = await run(['share', join(folder, name)]);
        assert.equal(code, 1, name);
        assert.equal(out, '', name);
        assert.match(err, reason, name);
        assert.match(err, /Nothing was shared\.$/, name);
      }
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('never replaces a file with --out: not the note itself, not a note even with --force, another file only with --force', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'growth-out-'));
    try {
      const note = join(folder, 'note.md');
      const text = readFileSync(`${SAMPLE}/growth-notes/alex-morgan/2026-05-12.md`, 'utf8');
      writeFileSync(note, text);
      for (const args of [['share', note, '--out', note], ['share', note, '--out', note, '--force'], ['report', SAMPLE, '--names', '--out', note, '--force']]) {
        const { code, err } = await run(args);
        assert.equal(code, 2, args.join(' '));
        assert.match(err, /is a growth note\. A copy or report is never written over a note/);
        assert.equal(readFileSync(note, 'utf8'), text);
      }
      const other = join(folder, 'old-copy.md');
      writeFileSync(other, 'an older copy');
      const refused = await run(['share', note, '--out', other]);
      assert.equal(refused.code, 2);
      assert.match(refused.err, /already exists\. Choose a new file, or add --force/);
      assert.equal(readFileSync(other, 'utf8'), 'an older copy');
      assert.equal((await run(['share', note, '--out', other, '--force'])).code, 0);
      assert.match(readFileSync(other, 'utf8'), /^---\ntype: growth-shared-copy\n/);
      assert.deepEqual(readdirSync(folder).filter(name => name.startsWith('.')), [], 'no temporary file is left behind');
      // Notes written as other tools write them are never replaced either, even with --force.
      for (const [name, written] of [['bom.md', `\uFEFF${text}`], ['tagged.md', text.replace('type: growth-conversation', 'type: !!str growth-conversation')],
        ['anchor.md', text.replace('type: growth-conversation', 'type: &t growth-conversation')], ['folded.md', text.replace('type: growth-conversation', 'type: >-\n  growth-conversation')]]) {
        writeFileSync(join(folder, name), written);
        const result = await run(['share', note, '--out', join(folder, name), '--force']);
        assert.equal(result.code, 2, name);
        assert.equal(readFileSync(join(folder, name), 'utf8'), written, name);
      }
      // A named pipe is refused at once, never opened for writing or waited on.
      const fifo = join(folder, 'pipe.md');
      spawnSync('mkfifo', [fifo]);
      const piped = await run(['share', note, '--out', fifo, '--force']);
      assert.equal(piped.code, 2);
      assert.match(piped.err, /is not a regular file/);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
