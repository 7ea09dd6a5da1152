import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../src/cli/main';
import { addMonths, isPastRetention } from '../../src/core/note';

const ENV = { ...process.env, GIT_AUTHOR_NAME: 'M', GIT_AUTHOR_EMAIL: 'm@example.invalid', GIT_COMMITTER_NAME: 'M', GIT_COMMITTER_EMAIL: 'm@example.invalid' };

function note(person: string, date: string, token: string, extra = ''): string {
  return `---\ntype: growth-conversation\nperson: ${person}\ndate: ${date}\n${extra}---\n\n# Growth conversation: ${person}, ${date}\n\n`
    + `## 1. How are you doing? How is work? <!-- growth:checkin -->\nFine. ${token}\n`;
}

function git(cwd: string, ...args: string[]): string {
  const run = spawnSync('git', args, { cwd, env: ENV, encoding: 'utf8' });
  assert.equal(run.status, 0, `git ${args.join(' ')}: ${run.stderr}`);
  return run.stdout;
}

async function cli(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { print: text => out.push(text), printError: text => err.push(text) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** A repository with notes in it, committed with a message that names no one. */
function repoWith(base: string, name: string, notes: Record<string, string>, config?: object): string {
  const repo = join(base, name);
  for (const [path, text] of Object.entries(notes)) {
    mkdirSync(join(repo, path, '..'), { recursive: true });
    writeFileSync(join(repo, path), text);
  }
  if (config) writeFileSync(join(repo, 'growth.config.json'), JSON.stringify(config));
  git(repo, 'init', '-q');
  git(repo, 'add', '-A');
  git(repo, 'commit', '-qm', 'Growth notes: some conversations');
  return repo;
}

describe('retention, legal hold and forget', function () {
  this.timeout(180000);
  let base: string;
  before(() => { base = mkdtempSync(join(tmpdir(), 'growth-retention-')); });
  after(() => rmSync(base, { recursive: true, force: true }));

  it('works out the day a note may go: months from its date, a later retainUntil, never under a hold', () => {
    assert.equal(addMonths('2025-01-31', 1), '2025-02-28');
    assert.equal(addMonths('2024-11-15', 14), '2026-01-15');
    assert.equal(isPastRetention({ date: '2020-01-01' }, 24, '2022-01-02'), true);
    assert.equal(isPastRetention({ date: '2020-01-01' }, 24, '2022-01-01'), false);
    assert.equal(isPastRetention({ date: '2020-01-01', retainUntil: '2023-06-30' }, 24, '2023-01-01'), false);
    assert.equal(isPastRetention({ date: '2020-01-01', retainUntil: '2019-01-01' }, 24, '2023-01-01'), true);
    assert.equal(isPastRetention({ date: '2020-01-01', legalHold: 'HR case 14' }, 24, '2099-01-01'), false);
  });

  it('validate lists notes past retention, and none that is held or kept on purpose', async () => {
    // Dates far in the past and the future: the result holds whatever day the test runs.
    const repo = repoWith(base, 'validate', {
      'growth-notes/old/2001-03-04.md': note('Old Person', '2001-03-04', 'T1'),
      'growth-notes/kept/2001-03-04.md': note('Kept Person', '2001-03-04', 'T2', 'retainUntil: 2999-01-01\n'),
      'growth-notes/held/2001-03-04.md': note('Held Person', '2001-03-04', 'T3', 'legalHold: HR case 2001-7\n'),
    }, { retention: { keepMonths: 24 } });
    const { code, out } = await cli(['validate', repo]);
    assert.equal(code, 0);
    assert.equal(out, 'growth-notes/old/2001-03-04.md:1:1 warning past-retention Kept past its retention: the rule keeps notes 24 months, '
      + 'so this one was due to go on 2003-03-04. Remove it (growth forget) or set retainUntil or legalHold to say why it stays.');
  });

  it('forget refuses under a legal hold and says why, removing nothing', async () => {
    const held = note('Priya Shah', '2026-01-10', 'HELD-1', 'legalHold: Tribunal claim 2026-3\n');
    const repo = repoWith(base, 'hold', { 'growth-notes/priya-shah/2026-01-10.md': held, 'growth-notes/priya-shah/2026-06-03.md': note('Priya Shah', '2026-06-03', 'HELD-2') });
    const { code, err } = await cli(['forget', 'Priya Shah', repo]);
    assert.equal(code, 1);
    assert.match(err, /Nothing was removed: a note is under legal hold\.\n {2}growth-notes\/priya-shah\/2026-01-10\.md: legalHold: Tribunal claim 2026-3/);
    assert.equal(readFileSync(join(repo, 'growth-notes/priya-shah/2026-01-10.md'), 'utf8'), held);
    assert.ok(existsSync(join(repo, 'growth-notes/priya-shah/2026-06-03.md')));
    assert.ok(!existsSync(join(repo, '.growth/audit.log')));
  });

  it('forget removes the notes, audits without a name, and its printed steps leave no trace in history', async () => {
    const repo = repoWith(base, 'forget', {
      'growth-notes/priya-shah/2026-01-10.md': note('Priya Shah', '2026-01-10', 'PRIYA-TOKEN-1'),
      'growth-notes/alex-morgan/2026-05-12.md': note('Alex Morgan', '2026-05-12', 'ALEX-TOKEN-1'),
    });
    writeFileSync(join(repo, 'growth-notes/priya-shah/2026-06-03.md'), note('Priya Shah', '2026-06-03', 'PRIYA-TOKEN-2'));
    git(repo, 'add', '-A');
    git(repo, 'commit', '-qm', 'Growth notes: 1 conversation');
    const { code, out } = await cli(['forget', 'priya shah', repo]);
    assert.equal(code, 0);
    assert.ok(!existsSync(join(repo, 'growth-notes/priya-shah')));
    assert.ok(existsSync(join(repo, 'growth-notes/alex-morgan/2026-05-12.md')));
    const audit = readFileSync(join(repo, '.growth/audit.log'), 'utf8');
    assert.match(audit, /^\d{4}-\d{2}-\d{2}T[\d:.]+Z forget: 2 notes of one person removed from the working tree; history not rewritten\.\n$/);
    // Still in history until the printed steps are run: run them, exactly as printed.
    assert.match(git(repo, 'log', '--all', '-p'), /PRIYA-TOKEN-1/);
    const steps = out.split('\n').filter(line => line.startsWith('  git '));
    assert.equal(steps.length, 5);
    for (const step of steps) {
      const run = spawnSync('sh', ['-c', step.trim()], { cwd: repo, env: { ...ENV, FILTER_BRANCH_SQUELCH_WARNING: '1' }, encoding: 'utf8' });
      assert.equal(run.status, 0, `${step}: ${run.stderr}`);
    }
    const history = git(repo, 'log', '--all', '-p', '--stat');
    for (const trace of ['Priya', 'priya', 'PRIYA-TOKEN']) assert.ok(!history.includes(trace), trace);
    assert.match(history, /ALEX-TOKEN-1/);
    assert.doesNotMatch(git(repo, 'rev-list', '--all', '--objects'), /priya/);
  });
});
