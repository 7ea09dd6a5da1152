import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Decrypter, armor } from 'age-encryption';

// A real git repository in a temporary folder, the real CLI bundle (dist/cli.js, built by test:unit) as
// git's filter, and real age keys: what a manager's machine, a second machine and an outsider see.

const CLI = resolve('dist/cli.js');
const TOKENS = ['TOKEN-ALEX-PAY-7731', 'TOKEN-PRIYA-LEAVE-4410'];
const PEOPLE = ['Alex Morgan', 'Priya Shah'];

interface Run { status: number; stdout: string; stderr: string }

function note(person: string, date: string, token: string): string {
  return `---\ntype: growth-conversation\nperson: ${person}\ndate: ${date}\nmanager: Dana Reyes\n---\n\n# Growth conversation: ${person}, ${date}\n\n`
    + `## 1. How are you doing? How is work? <!-- growth:checkin -->\nFine. ${token}\n\n## Private notes <!-- growth:private -->\nPay talk. ${token}\n`;
}

class Machine {
  readonly env: NodeJS.ProcessEnv;
  constructor(readonly identityFile: string, home: string) {
    this.env = {
      PATH: process.env.PATH, HOME: home, GROWTH_IDENTITY_FILE: identityFile, GIT_CONFIG_NOSYSTEM: '1',
      GIT_AUTHOR_NAME: 'Manager', GIT_AUTHOR_EMAIL: 'm@example.invalid', GIT_COMMITTER_NAME: 'Manager', GIT_COMMITTER_EMAIL: 'm@example.invalid',
    };
  }

  git(cwd: string, ...args: string[]): Run {
    const run = spawnSync('git', ['-c', 'init.defaultBranch=main', ...args], { cwd, env: this.env, encoding: 'utf8' });
    return { status: run.status ?? 1, stdout: run.stdout, stderr: run.stderr };
  }

  ok(cwd: string, ...args: string[]): string {
    const run = this.git(cwd, ...args);
    assert.equal(run.status, 0, `git ${args.join(' ')}: ${run.stderr}`);
    return run.stdout;
  }

  growth(cwd: string, ...args: string[]): Run {
    const run = spawnSync(process.execPath, [CLI, ...args], { cwd, env: this.env, encoding: 'utf8' });
    return { status: run.status ?? 1, stdout: run.stdout, stderr: run.stderr };
  }

  publicKey(): string {
    return /# public key: (age1\S+)/.exec(readFileSync(this.identityFile, 'utf8'))?.[1] ?? '';
  }

  secretKey(): string {
    return /^(AGE-SECRET-KEY-1\S+)$/m.exec(readFileSync(this.identityFile, 'utf8'))?.[1] ?? '';
  }
}

/** Every blob in the repository's object store, as git stores it. */
function allBlobs(machine: Machine, repo: string): { id: string; text: string }[] {
  const ids = machine.ok(repo, 'cat-file', '--batch-all-objects', '--batch-check=%(objectname) %(objecttype)').trim().split('\n')
    .map(line => line.split(' ')).filter(([, type]) => type === 'blob').map(([id]) => id);
  return ids.map(id => ({ id, text: machine.ok(repo, 'cat-file', '-p', id) }));
}

async function opens(secretKey: string, stored: string): Promise<boolean> {
  const decrypter = new Decrypter();
  decrypter.addIdentity(secretKey);
  try {
    await decrypter.decrypt(armor.decode(stored));
    return true;
  } catch {
    return false;
  }
}

describe('protected store: notes encrypted in git, plain in the working tree', function () {
  // Each git call that stores or checks out a note starts the filter (a Node process): generous on a loaded machine.
  this.timeout(600000);
  let base: string;
  let manager: Machine;
  let repo: string;
  const notePaths = ['growth-notes/alex-morgan/2026-05-12.md', 'growth-notes/priya-shah/2026-06-03.md'];

  before(() => {
    base = mkdtempSync(join(tmpdir(), 'growth-store-'));
    manager = new Machine(join(base, 'manager', 'identity'), join(base, 'home-manager'));
    repo = join(base, 'repo');
    mkdirSync(repo);
    manager.ok(repo, 'init', '-q');
    writeFileSync(join(repo, 'README.md'), 'Team notes\n');
    manager.ok(repo, 'add', 'README.md');
    manager.ok(repo, 'commit', '-qm', 'Start');
    const protect = manager.growth(repo, 'protect');
    assert.equal(protect.status, 0, protect.stderr);
    writeNotes();
    manager.ok(repo, 'add', '-A');
    manager.ok(repo, 'commit', '-qm', 'Growth notes: 2 conversations');
  });

  after(() => rmSync(base, { recursive: true, force: true }));

  function writeNotes(): void {
    notePaths.forEach((path, i) => {
      mkdirSync(join(repo, path, '..'), { recursive: true });
      writeFileSync(join(repo, path), note(PEOPLE[i], path.slice(-13, -3), TOKENS[i]));
    });
  }

  it('makes the key readable only by its owner, outside the repository', () => {
    assert.equal(statSync(manager.identityFile).mode & 0o777, 0o600);
    assert.match(manager.publicKey(), /^age1/);
    assert.match(readFileSync(join(repo, '.growth/recipients'), 'utf8'), new RegExp(`^${manager.publicKey()}$`, 'm'));
    assert.match(readFileSync(join(repo, '.gitattributes'), 'utf8'), /^growth-notes\/\*\* filter=growth diff=growth$/m);
  });

  it('stores no note text in any object git holds, and the key opens every stored note', async () => {
    const blobs = allBlobs(manager, repo);
    const leaks = blobs.filter(blob => [...TOKENS, ...PEOPLE, 'growth-conversation'].some(word => blob.text.includes(word)));
    assert.deepEqual(leaks, []);
    for (const path of notePaths) {
      const stored = manager.ok(repo, 'cat-file', 'blob', `HEAD:${path}`);
      assert.match(stored, /^-----BEGIN AGE ENCRYPTED FILE-----\n/);
      assert.ok(await opens(manager.secretKey(), stored), path);
    }
  });

  it('keeps the working tree readable, and git sees nothing modified after a touch', () => {
    assert.equal(readFileSync(join(repo, notePaths[0]), 'utf8'), note(PEOPLE[0], '2026-05-12', TOKENS[0]));
    const later = new Date(Date.now() + 5000);
    for (const path of notePaths) utimesSync(join(repo, path), later, later);
    assert.equal(manager.ok(repo, 'status', '--porcelain'), '');
    // Diffs show the plain text through the textconv driver.
    writeFileSync(join(repo, notePaths[0]), note(PEOPLE[0], '2026-05-12', TOKENS[0]).replace('Fine.', 'Better.'));
    assert.match(manager.ok(repo, 'diff'), /^-Fine\. TOKEN-ALEX-PAY-7731\n\+Better\. TOKEN-ALEX-PAY-7731$/m);
    manager.ok(repo, 'checkout', '--', notePaths[0]);
    assert.equal(manager.ok(repo, 'status', '--porcelain'), '');
  });

  it('checks notes out readable in a fresh clone with the key, once protect has set the filter there', () => {
    const clone = join(base, 'clone-with-key');
    manager.ok(base, 'clone', '-q', repo, clone);
    // The filter is local configuration, so a clone starts with the stored (encrypted) text.
    assert.match(readFileSync(join(clone, notePaths[1]), 'utf8'), /^-----BEGIN AGE ENCRYPTED FILE-----/);
    const protect = manager.growth(clone, 'protect');
    assert.equal(protect.status, 0, protect.stderr);
    assert.match(protect.stdout, /Opened 2 notes checked out encrypted\./);
    assert.equal(readFileSync(join(clone, notePaths[1]), 'utf8'), note(PEOPLE[1], '2026-06-03', TOKENS[1]));
    assert.equal(manager.ok(clone, 'status', '--porcelain'), '');
    assert.equal(manager.growth(clone, 'validate').status, 0);
  });

  it('leaves ciphertext in a clone without a key, and validate says so once per file with its own code', () => {
    const outsider = new Machine(join(base, 'outsider', 'identity'), join(base, 'home-outsider'));
    const clone = join(base, 'clone-without-key');
    outsider.ok(base, 'clone', '-q', repo, clone);
    for (const path of notePaths) assert.match(readFileSync(join(clone, path), 'utf8'), /^-----BEGIN AGE ENCRYPTED FILE-----/);
    const validate = outsider.growth(clone, 'validate');
    assert.equal(validate.status, 1);
    assert.deepEqual(validate.stdout.trim().split('\n'), notePaths.map(path =>
      `${path}:1:1 error note-encrypted This note is encrypted and this machine has no key to read it, so it was not read. `
      + 'Put your key in ~/.config/growth-conversations/identity, or ask someone who holds one to add yours.'));
    // Reports count nothing they cannot read, and say so.
    const themes = outsider.growth(clone, 'themes');
    assert.match(themes.stderr, /2 notes could not be read/);
  });

  it('re-encrypts what is committed after a recipient is removed, so that key opens nothing new', async () => {
    const colleague = new Machine(join(base, 'colleague', 'identity'), join(base, 'home-colleague'));
    // The colleague makes a key (protect in a scratch repository), and the manager adds it.
    const scratch = join(base, 'scratch');
    mkdirSync(scratch);
    colleague.ok(scratch, 'init', '-q');
    assert.equal(colleague.growth(scratch, 'protect').status, 0);
    const added = manager.growth(repo, 'protect', '--add-recipient', colleague.publicKey());
    assert.equal(added.status, 0, added.stderr);
    manager.ok(repo, 'commit', '-qm', 'Growth notes: a recipient added');
    for (const path of notePaths) assert.ok(await opens(colleague.secretKey(), manager.ok(repo, 'cat-file', 'blob', `HEAD:${path}`)), path);

    const removed = manager.growth(repo, 'protect', '--remove-recipient', colleague.publicKey());
    assert.equal(removed.status, 0, removed.stderr);
    writeFileSync(join(repo, notePaths[0]), note(PEOPLE[0], '2026-05-12', TOKENS[0]).replace('Fine.', 'Changed since.'));
    manager.ok(repo, 'add', '-A');
    manager.ok(repo, 'commit', '-qm', 'Growth notes: a recipient removed');
    for (const path of notePaths) {
      const stored = manager.ok(repo, 'cat-file', 'blob', `HEAD:${path}`);
      assert.equal(await opens(colleague.secretKey(), stored), false, path);
      assert.equal(await opens(manager.secretKey(), stored), true, path);
    }
    assert.doesNotMatch(readFileSync(join(repo, '.growth/recipients'), 'utf8'), new RegExp(colleague.publicKey()));
  });

  it('warns, in a protected repository, of paths and commit messages that name a person', () => {
    const clean = manager.growth(repo, 'validate');
    assert.equal(clean.status, 0, clean.stderr);
    assert.deepEqual(clean.stdout.trim().split('\n').map(line => line.split(' ').slice(0, 3).join(' ')), [
      'growth-notes/alex-morgan/2026-05-12.md:1:1 warning name-in-path',
      'growth-notes/priya-shah/2026-06-03.md:1:1 warning name-in-path',
    ]);
    assert.match(clean.stdout, /The path "growth-notes\/alex-morgan" names a person\./);
    // A message in the old style, naming the person, is found in the history.
    writeFileSync(join(repo, 'README.md'), 'Team notes, again\n');
    manager.ok(repo, 'commit', '-qam', 'Growth notes: Priya Shah (2026-06-03)');
    const named = manager.growth(repo, 'validate');
    assert.match(named.stdout, /^growth-notes\/priya-shah\/2026-06-03\.md:1:1 warning name-in-history 1 commit message\(s\) name Priya Shah \(the latest: [0-9a-f]{7,}\)\./m);
    assert.doesNotMatch(named.stdout, /name-in-history .*Alex/);
  });

  it('refuses to store a note in plain text when the recipients file lists nobody', () => {
    const recipients = join(repo, '.growth/recipients');
    const kept = readFileSync(recipients, 'utf8');
    writeFileSync(recipients, '# nobody\n');
    writeFileSync(join(repo, 'growth-notes/alex-morgan/2026-11-02.md'), note(PEOPLE[0], '2026-11-02', 'TOKEN-NEW'));
    const add = manager.git(repo, 'add', 'growth-notes');
    assert.notEqual(add.status, 0);
    assert.match(add.stderr, /lists nobody, so the note was not stored/);
    writeFileSync(recipients, kept);
    rmSync(join(repo, 'growth-notes/alex-morgan/2026-11-02.md'));
  });

  it('serves every file of a git command from one filter process (git\'s long-running protocol), refusing per file', () => {
    assert.match(manager.ok(repo, 'config', '--local', 'filter.growth.process'), /filter process\n$/);
    assert.match(manager.ok(repo, 'config', '--local', 'filter.growth.clean'), /filter clean %f\n$/, 'git before 2.11 runs one process per file');
    const pkt = (text: string) => `${(Buffer.byteLength(text) + 4).toString(16).padStart(4, '0')}${text}`;
    const plain = note(PEOPLE[0], '2026-12-01', 'TOKEN-PROCESS');
    const stored = manager.ok(repo, 'cat-file', 'blob', `HEAD:${notePaths[1]}`);
    const request = [
      pkt('git-filter-client\n'), pkt('version=2\n'), '0000',
      pkt('capability=clean\n'), pkt('capability=smudge\n'), pkt('capability=delay\n'), '0000',
      pkt('command=clean\n'), pkt('pathname=growth-notes/alex-morgan/2026-12-01.md\n'), '0000', pkt(plain), '0000',
      pkt('command=smudge\n'), pkt(`pathname=${notePaths[1]}\n`), '0000', pkt(stored), '0000',
      pkt('command=unknown\n'), pkt('pathname=x.md\n'), '0000', pkt('x'), '0000',
    ].join('');
    const run = spawnSync(process.execPath, [CLI, 'filter', 'process'], { cwd: repo, env: manager.env, input: request });
    assert.equal(run.status, 0, run.stderr.toString());
    // Read the answer back, packet by packet.
    const answer: string[] = [];
    const out = run.stdout;
    for (let at = 0; at < out.length;) {
      const length = parseInt(out.subarray(at, at + 4).toString(), 16);
      answer.push(length === 0 ? '0000' : out.subarray(at + 4, at + length).toString());
      at += length === 0 ? 4 : length;
    }
    const flushes = (from: number) => answer.indexOf('0000', from);
    assert.deepEqual(answer.slice(0, 6), ['git-filter-server\n', 'version=2\n', '0000', 'capability=clean\n', 'capability=smudge\n', '0000']);
    assert.deepEqual(answer.slice(6, 8), ['status=success\n', '0000']);
    const cleaned = answer.slice(8, flushes(8)).join('');
    assert.match(cleaned, /^-----BEGIN AGE ENCRYPTED FILE-----/);
    assert.doesNotMatch(cleaned, /TOKEN-PROCESS/);
    let at = flushes(8) + 2; // the content's flush, then the empty list that keeps the status
    assert.deepEqual(answer.slice(at, at + 2), ['status=success\n', '0000']);
    const smudged = answer.slice(at + 2, flushes(at + 2)).join('');
    assert.match(smudged, new RegExp(TOKENS[1]));
    at = flushes(at + 2) + 2;
    assert.deepEqual(answer.slice(at), ['status=error\n', '0000']);
  });

  it('lists notes committed in plain text before protection', () => {
    const old = join(base, 'old');
    mkdirSync(join(old, 'growth-notes/sam-lee'), { recursive: true });
    manager.ok(old, 'init', '-q');
    writeFileSync(join(old, 'growth-notes/sam-lee/2025-01-10.md'), note('Sam Lee', '2025-01-10', 'TOKEN-OLD'));
    manager.ok(old, 'add', '-A');
    manager.ok(old, 'commit', '-qm', 'old notes');
    const protect = manager.growth(old, 'protect');
    assert.equal(protect.status, 0, protect.stderr);
    assert.match(protect.stdout, /1 note was committed in plain text before/);
    manager.ok(old, 'commit', '-qm', 'Protect growth notes');
    // The note is stored encrypted from this commit on, but the first commit still holds it in plain text.
    assert.match(manager.ok(old, 'cat-file', 'blob', 'HEAD:growth-notes/sam-lee/2025-01-10.md'), /^-----BEGIN AGE/);
    const status = manager.growth(old, 'protect', '--status');
    assert.equal(status.status, 0);
    assert.match(status.stdout, /^Protection: on \(filter set, \.gitattributes covers growth-notes\/, 1 recipient\)\.$/m);
    assert.match(status.stdout, /Committed in plain text \(still readable in history\): 1\n {2}growth-notes\/sam-lee\/2025-01-10\.md/);
  });

  it('with folders named by the stable id, no path names anyone', () => {
    const pseudonymous = join(base, 'pseudonymous');
    mkdirSync(pseudonymous);
    manager.ok(pseudonymous, 'init', '-q');
    writeFileSync(join(pseudonymous, 'growth.config.json'), '{ "store": { "folderNames": "pseudonymous" } }\n');
    assert.equal(manager.growth(pseudonymous, 'protect').status, 0);
    const ids = ['p-0123456789abcdef', 'p-fedcba9876543210'];
    ids.forEach((id, i) => {
      mkdirSync(join(pseudonymous, 'growth-notes', id), { recursive: true });
      writeFileSync(join(pseudonymous, 'growth-notes', id, '2026-05-12.md'), note(PEOPLE[i], '2026-05-12', TOKENS[i]).replace('manager: Dana Reyes\n', `manager: Dana Reyes\npersonId: ${id}\n`));
    });
    manager.ok(pseudonymous, 'add', '-A');
    manager.ok(pseudonymous, 'commit', '-qm', 'Growth notes: 2 conversations');
    const validate = manager.growth(pseudonymous, 'validate');
    assert.equal(validate.status, 0, validate.stderr);
    assert.doesNotMatch(validate.stdout, /name-in-path|name-in-history/);
    // And git's own list of paths, which anyone with the repository reads, names no one.
    const paths = manager.ok(pseudonymous, 'log', '--all', '--name-only', '--format=%s');
    for (const name of ['alex', 'morgan', 'priya', 'shah']) assert.ok(!paths.toLowerCase().includes(name), name);
  });
});
