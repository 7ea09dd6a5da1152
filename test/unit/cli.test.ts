import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../src/cli/main';

const SAMPLE = 'test/fixtures/sample-workspace';
const HOSTILE = 'test/fixtures/hostile-workspace';

function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = runCli(args, text => out.push(text), text => err.push(text));
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const FEW = 'Struggling to name three can hint at low fulfilment: worth a follow-up.';

describe('CLI: growth validate', () => {
  it('reports exactly the problems the sample workspace was written to contain', () => {
    const { code, out } = run(['validate', SAMPLE]);
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

  it('prints the same problems as JSON with 1-based ranges', () => {
    const { code, out } = run(['validate', SAMPLE, '--json']);
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

  it('reports every hostile file clearly and skips files that are not growth notes', () => {
    const { code, out } = run(['validate', HOSTILE]);
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

  it('exits 0 when there are only warnings, and 2 on bad usage', () => {
    const folder = mkdtempSync(join(tmpdir(), 'growth-cli-'));
    try {
      writeFileSync(join(folder, 'a.md'), '---\ntype: growth-conversation\nperson: A\ndate: 2026-01-01\nmood: fine\n---\n');
      assert.equal(run(['validate', folder]).code, 0);
      assert.equal(run(['validate', join(folder, 'missing')]).code, 2);
      assert.equal(run(['frobnicate']).code, 2);
      assert.equal(run(['validate', '--yaml']).code, 2);
      assert.equal(run(['--help']).code, 0);
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
      assert.ok(Date.now() - started < 5000);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
