import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { runCli } from '../../src/cli/main';
import { subjectAccessExport } from '../../src/core/outputs';

// A person's request for their data, through the CLI, over a real git repository.

function note(person: string, date: string, checkin: string, privateNote: string): string {
  return `---\ntype: growth-conversation\nperson: ${person}\ndate: ${date}\nmanager: Dana Reyes\nflightRisk: high\n---\n\n# Growth conversation: ${person}, ${date}\n\n`
    + `## 1. How are you doing? How is work? <!-- growth:checkin -->\n${checkin}\n\n## Private notes <!-- growth:private -->\n${privateNote}\n`;
}

function filesUnder(folder: string): Map<string, string> {
  const found = new Map<string, string>();
  const walk = (at: string) => readdirSync(at).forEach(name => {
    const full = join(at, name);
    if (statSync(full).isDirectory()) walk(full);
    else found.set(relative(folder, full).split('\\').join('/'), readFileSync(full, 'utf8'));
  });
  walk(folder);
  return found;
}

describe('growth access: a person\'s request for their data', function () {
  this.timeout(120000);
  let base: string;
  let repo: string;

  before(() => {
    base = mkdtempSync(join(tmpdir(), 'growth-access-'));
    repo = join(base, 'repo');
    const write = (path: string, text: string) => {
      mkdirSync(join(repo, path, '..'), { recursive: true });
      writeFileSync(join(repo, path), text);
    };
    write('growth-notes/priya-shah/2026-01-10.md', note('Priya Shah', '2026-01-10', 'Good. Pairing with Alex Morgan helped. PRIYA-OWN-1', 'Asked about leave. PRIYA-PRIVATE-1'));
    write('growth-notes/priya-shah/2026-06-03.md', note('Priya Shah', '2026-06-03', 'Tired. PRIYA-OWN-2', 'Pay band question. PRIYA-PRIVATE-2'));
    write('growth-notes/alex-morgan/2026-05-12.md', note('Alex Morgan', '2026-05-12',
      'Priya mentored me with Sam Lee on the release.\n\nOn-call is heavy. ALEX-ONLY-1', 'Alex may leave; offer from elsewhere. ALEX-PRIVATE-1'));
    write('growth-notes/sam-lee/2026-04-20.md', note('Sam Lee', '2026-04-20', 'Fine. SAM-ONLY-1', 'Nothing. SAM-PRIVATE-1'));
    write('growth-exports/priya-2026-06-03.md', '---\ntype: growth-shared-copy\nperson: Priya Shah\ndate: 2026-06-03\n---\n\nTired. PRIYA-OWN-2\n');
    write('growth-exports/alex-2026-05-12.md', '---\ntype: growth-shared-copy\nperson: Alex Morgan\ndate: 2026-05-12\n---\n\nOn-call. ALEX-SHARED-1\n');
    const env = { ...process.env, GIT_AUTHOR_NAME: 'M', GIT_AUTHOR_EMAIL: 'm@example.invalid', GIT_COMMITTER_NAME: 'M', GIT_COMMITTER_EMAIL: 'm@example.invalid' };
    for (const args of [['init', '-q'], ['add', '-A'], ['commit', '-qm', 'Growth notes: 4 conversations']]) {
      assert.equal(spawnSync('git', args, { cwd: repo, env }).status, 0);
    }
  });

  after(() => rmSync(base, { recursive: true, force: true }));

  it('gives their notes in full, their shared copy, mentions with other names replaced, versions and an index; nothing of anyone else', async () => {
    const out = join(base, 'priya-request');
    const err: string[] = [];
    const code = await runCli(['access', 'priya shah', repo, '--out', out], { print: () => undefined, printError: text => err.push(text) });
    assert.equal(code, 0, err.join('\n'));
    const files = filesUnder(out);
    assert.deepEqual([...files.keys()].sort(), ['index.md', 'mentions.md', 'notes/2026-01-10.md', 'notes/2026-06-03.md', 'shared/priya-2026-06-03.md', 'versions.md']);
    // Their notes in full, Private notes included, with the other person's name replaced.
    assert.equal(files.get('notes/2026-01-10.md'), note('Priya Shah', '2026-01-10', 'Good. Pairing with [name] helped. PRIYA-OWN-1', 'Asked about leave. PRIYA-PRIVATE-1'));
    assert.match(files.get('notes/2026-06-03.md') ?? '', /Pay band question\. PRIYA-PRIVATE-2/);
    // The one passage of Alex's note that names Priya, with Sam's name replaced; nothing else of it.
    assert.match(files.get('mentions.md') ?? '', /^- 2026-05-12: Priya mentored me with \[name\] on the release\.$/m);
    const everything = [...files.values()].join('\n');
    for (const other of ['ALEX-ONLY-1', 'ALEX-PRIVATE-1', 'ALEX-SHARED-1', 'SAM-ONLY-1', 'SAM-PRIVATE-1', 'Alex', 'Morgan', 'Sam', 'Lee', 'alex-morgan', 'sam-lee']) {
      assert.ok(!everything.includes(other), other);
    }
    assert.match(files.get('versions.md') ?? '', /## 2026-01-10\.md\n\n- \d{4}-\d{2}-\d{2} \(version [0-9a-f]{7,}\)/);
    assert.match(files.get('index.md') ?? '', /^\| mentions\.md \| passages of notes about other people that name you \|$/m);
  });

  it('refuses a person without notes, and an output folder that is not empty', async () => {
    const run = (args: string[]) => runCli(args, { print: () => undefined, printError: () => undefined });
    assert.equal(await run(['access', 'Nobody Here', repo, '--out', join(base, 'nobody')]), 2);
    mkdirSync(join(base, 'full'));
    writeFileSync(join(base, 'full', 'x.md'), 'x');
    assert.equal(await run(['access', 'Priya Shah', repo, '--out', join(base, 'full')]), 2);
    assert.equal(readFileSync(join(base, 'full', 'x.md'), 'utf8'), 'x');
  });

  it('an owner written by the person\'s first name does not take their name out of their own notes', () => {
    const own = (person: string, owner: string) => `---\ntype: growth-conversation\nperson: ${person}\ndate: 2026-03-01\nmanager: Dana Reyes\n---\n\n# ${person}\n\n## Next steps <!-- growth:next-steps -->\n- [ ] Book the course @${owner}\n`;
    const exportOf = (notes: { path: string; text: string }[]) => subjectAccessExport({ person: 'Priya Shah', notes, exported: [], versions: new Map() })
      .find(file => file.path === 'notes/a.md')?.content ?? '';
    // Every @handle is replaced, as always; the person's and the manager's names stay.
    assert.equal(exportOf([{ path: 'p/a.md', text: own('Priya Shah', 'priya') }]), own('Priya Shah', 'priya').replace('@priya', '[name]'));
    // With a second Priya in the notes, "Priya" alone may be her: it is replaced (fail closed), and nothing of her leaves.
    const shared = exportOf([{ path: 'p/a.md', text: own('Priya Shah', 'priya') }, { path: 'q/b.md', text: own('Priya Patel', 'sam') }]);
    assert.match(shared, /^manager: Dana Reyes$/m);
    assert.ok(!shared.includes('Patel'));
  });
});
