import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../src/cli/main';
import { OutputRefusedError, writeOutputFile } from '../../src/cli/outputFile';

async function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { print: text => out.push(text), printError: text => err.push(text), today: '2026-11-26' });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** The refusal a write gives, or undefined when it wrote. */
function refusal(write: () => void): string | undefined {
  try {
    write();
    return undefined;
  } catch (error) {
    assert.ok(error instanceof OutputRefusedError, String(error));
    return error.message;
  }
}

/** A tiny tmpfs of `size` (root can mount one here); undefined where the machine does not allow it. */
function tinyDisk(size: string): string | undefined {
  const folder = mkdtempSync(join(tmpdir(), 'growth-disk-'));
  if (spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', folder]).status === 0) return folder;
  rmSync(folder, { recursive: true, force: true });
  return undefined;
}

function unmount(folder: string) {
  spawnSync('umount', [folder]);
  rmSync(folder, { recursive: true, force: true });
}

const NO_ROOM = Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });

describe('Nothing lost: writes as git does them', () => {
  let folder: string;
  beforeEach(() => { folder = mkdtempSync(join(tmpdir(), 'growth-writes-')); });
  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  it('writes a valid 250-byte name (the temporary never pushes it over the limit) and leaves nothing beside it', () => {
    const name = `${'r'.repeat(245)}.html`;
    writeOutputFile(join(folder, name), '<p>report</p>', false);
    assert.deepEqual(readdirSync(folder), [name]);
    assert.equal(readFileSync(join(folder, name), 'utf8'), '<p>report</p>');
    const tooLong = `${'r'.repeat(300)}.html`;
    assert.equal(refusal(() => writeOutputFile(join(folder, tooLong), 'x', false)),
      `The name "${join(folder, tooLong)}" is too long for this disk, so nothing was written. Choose a shorter name.`);
    assert.deepEqual(readdirSync(folder), [name]);
  });

  it('a full disk: says so in plain words, leaves no temporary, and the old file is untouched', () => {
    const disk = tinyDisk('64k');
    const where = disk ?? folder;
    try {
      const target = join(where, 'report.md');
      writeFileSync(target, 'the old report');
      const big = 'x'.repeat(256 * 1024);
      // On a machine that cannot mount a tiny disk, the write step itself reports the disk full.
      const io = disk ? undefined : { writeAll: () => { throw NO_ROOM; } };
      assert.equal(refusal(() => writeOutputFile(target, big, true, io)), `There is no room left on the disk for "${target}", so nothing was written.`);
      assert.equal(readFileSync(target, 'utf8'), 'the old report');
      assert.deepEqual(readdirSync(where).filter(name => name !== 'lost+found'), ['report.md']);
      const fresh = join(where, 'new.md');
      assert.equal(refusal(() => writeOutputFile(fresh, big, false, io)), `There is no room left on the disk for "${fresh}", so nothing was written.`);
      assert.deepEqual(readdirSync(where).filter(name => name !== 'lost+found'), ['report.md']);
    } finally {
      if (disk) unmount(disk);
    }
  });

  it('a read-only disk: says so in plain words, and the old file is untouched', function () {
    const disk = tinyDisk('64k');
    if (!disk) {
      // Without a mount, a folder whose writes fail the same way stands in (root ignores file modes).
      const target = join(folder, 'report.md');
      writeFileSync(target, 'the old report');
      const readOnly = Object.assign(new Error('EROFS'), { code: 'EROFS' });
      assert.equal(refusal(() => writeOutputFile(target, 'new', true, { writeAll: () => { throw readOnly; } })), `"${target}" is on a disk that is read-only, so nothing was written.`);
      return;
    }
    try {
      const target = join(disk, 'report.md');
      writeFileSync(target, 'the old report');
      assert.equal(spawnSync('mount', ['-o', 'remount,ro', disk]).status, 0);
      assert.equal(refusal(() => writeOutputFile(target, 'new', true)), `"${target}" is on a disk that is read-only, so nothing was written.`);
      assert.equal(readFileSync(target, 'utf8'), 'the old report');
    } finally {
      unmount(disk);
    }
  });

  it('replaces with --force by one rename: killed at the rename, the old file is still there whole', function () {
    this.timeout(30000);
    const target = join(folder, 'copy.md');
    writeFileSync(target, 'the old copy');
    const note = 'test/fixtures/sample-workspace/growth-notes/alex-morgan/2026-05-12.md';
    // strace stops the process with SIGKILL on its first rename: the moment the old design left no file.
    const killed = spawnSync('strace', ['-f', '-o', '/dev/null', '-e', 'trace=rename,renameat,renameat2', '-e', 'inject=rename,renameat,renameat2:signal=SIGKILL',
      process.execPath, 'dist/cli.js', 'share', note, '--out', target, '--force'], { encoding: 'utf8' });
    if (killed.error || /PTRACE|Operation not permitted/.test(killed.stderr ?? '')) {
      // No tracing here: the write itself never moves the old file (asserted without the kill).
      assert.equal((spawnSync(process.execPath, ['dist/cli.js', 'share', note, '--out', target, '--force'])).status, 0);
      assert.match(readFileSync(target, 'utf8'), /^---\ntype: growth-shared-copy\n/);
      return;
    }
    assert.ok(killed.status === 137 || killed.signal === 'SIGKILL', 'killed at its rename');
    assert.equal(readFileSync(target, 'utf8'), 'the old copy');
    const finished = spawnSync(process.execPath, ['dist/cli.js', 'share', note, '--out', target, '--force'], { encoding: 'utf8' });
    assert.equal(finished.status, 0, finished.stderr);
    assert.match(readFileSync(target, 'utf8'), /^---\ntype: growth-shared-copy\n/);
  });

  it('the CLI prints the plain reason and exits 2 when the disk is full', async () => {
    const disk = tinyDisk('16k');
    if (!disk) {
      assert.equal(refusal(() => writeOutputFile(join(folder, 'r.md'), 'x', false, { writeAll: () => { throw NO_ROOM; } })),
        `There is no room left on the disk for "${join(folder, 'r.md')}", so nothing was written.`);
      return;
    }
    try {
      writeFileSync(join(disk, 'filler'), Buffer.alloc(16 * 1024));
      const target = join(disk, 'report.md');
      const { code, err } = await run(['report', 'test/fixtures/sample-workspace', '--names', '--out', target]);
      assert.deepEqual([code, err], [2, `There is no room left on the disk for "${target}", so nothing was written.`]);
      assert.deepEqual(readdirSync(disk), ['filler']);
    } finally {
      unmount(disk);
    }
  });
});

describe('Nothing lost: CR-only line endings are read as notes by every command', () => {
  let folder: string;
  before(() => {
    folder = mkdtempSync(join(tmpdir(), 'growth-cr-'));
    const people = ['Ana Bell', 'Ben Cruz', 'Cai Dunn', 'Dee Ekwe', 'Eli Ford'];
    for (const [i, person] of people.entries()) {
      mkdirSync(join(folder, `p${i}`));
      const note = ['---', 'type: growth-conversation', `person: ${person}`, `date: 2026-10-0${i + 1}`, 'team: Platform', 'careerPath: undecided', 'flightRisk: low', '---',
        '## 1. How are you doing? <!-- growth:checkin -->', 'Busy on call. #on-call-load', '',
        '## Next steps <!-- growth:next-steps -->', '- [ ] Book a slot @dana', '',
        '## Private notes <!-- growth:private -->', 'Secret: thinking of leaving.', ''].join('\r');
      writeFileSync(join(folder, `p${i}`, `2026-10-0${i + 1}.md`), note);
    }
  });
  after(() => rmSync(folder, { recursive: true, force: true }));

  it('validate finds no problem, themes counts the tag, share keeps the answer and drops the private notes, digest counts five people', async () => {
    assert.deepEqual(await run(['validate', folder]), { code: 0, out: '', err: '' });
    const themes = await run(['themes', folder, '--json']);
    assert.deepEqual(JSON.parse(themes.out), [{ theme: 'on-call-load', people: 5, conversations: 5, pattern: true }]);
    const shared = await run(['share', join(folder, 'p0', '2026-10-01.md')]);
    assert.equal(shared.code, 0, shared.err);
    assert.match(shared.out, /^---\ntype: growth-shared-copy\nperson: Ana Bell\n/);
    assert.match(shared.out, /Busy on call\. #on-call-load/);
    assert.doesNotMatch(shared.out, /Secret/);
    const out = join(folder, 'digest.json');
    const digest = await run(['digest', folder, '--out', out]);
    assert.equal(digest.code, 0, digest.err);
    const written = JSON.parse(readFileSync(out, 'utf8'));
    assert.deepEqual([written.quarters[0].quarter, written.quarters[0].people, written.quarters[0].themes], ['2026-Q4', 5, { 'on-call-load': 5 }]);
  });
});
