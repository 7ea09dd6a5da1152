import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../src/cli/main';
import { nodeNoteSource } from '../../src/cli/nodeNoteSource';
import { BUILT_IN_SCRIPT } from '../../src/core/note';
import { NotePipeline, NoteSource, unreadNotes, validateBuiltSource } from '../../src/core/workspace';
import { InMemoryNoteSource } from '../support/inMemoryNoteSource';

async function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { print: text => out.push(text), printError: text => err.push(text), today: '2026-12-02' });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const note = (person: string, day: string) => `---\ntype: growth-conversation\nperson: ${person}\ndate: ${day}\nteam: Platform\n---\n## 1. How are you? <!-- growth:checkin -->\nBusy. #on-call-load\n`;
const PEOPLE = ['Ana Bell', 'Ben Cruz', 'Cai Dunn', 'Dee Ekwe', 'Eli Ford'];

/** An error as Node gives one, with its code. */
const failure = (code: string) => Object.assign(new Error(`${code}: injected`), { code });

describe('Nothing lost: failures injected through the NoteSource', () => {
  it('a note that can be listed but not read (EIO, EACCES) is an error in validate and an unread note, never dropped', async () => {
    const memory = new InMemoryNoteSource(PEOPLE.map((person, i) => [`p${i}.md`, note(person, '2026-10-01')]));
    const faults: Record<string, string> = { 'p1.md': 'EIO', 'p2.md': 'EACCES' };
    const source: NoteSource = {
      list: () => memory.list(), stat: path => memory.stat(path),
      read: async path => { if (faults[path]) throw failure(faults[path]); return memory.read(path); },
    };
    const pipeline = new NotePipeline(source, { script: BUILT_IN_SCRIPT, keepTexts: true });
    const { texts } = await pipeline.build();
    assert.equal(pipeline.index.size, 3);
    assert.deepEqual(unreadNotes(pipeline.skipped), ['p1.md', 'p2.md']);
    assert.deepEqual(validateBuiltSource(pipeline, texts).filter(f => f.problems.length > 0).map(f => [f.path, f.problems.map(p => `${p.severity} ${p.code} ${p.message}`)]), [
      ['p1.md', ['error unreadable Could not be read (the disk reported an error while reading it), so any note it holds is missing.']],
      ['p2.md', ['error unreadable Could not be read (no permission to read it), so any note it holds is missing.']],
    ]);
  });

  it('a file deleted between the listing and its read is a warning, not a crash, and nothing else is lost', async () => {
    const memory = new InMemoryNoteSource(PEOPLE.map((person, i) => [`p${i}.md`, note(person, '2026-10-01')]));
    const source: NoteSource = {
      list: async () => {
        const listed = await memory.list();
        memory.delete('p3.md');
        return listed;
      },
      stat: path => memory.stat(path), read: path => memory.read(path),
    };
    const pipeline = new NotePipeline(source, { script: BUILT_IN_SCRIPT, keepTexts: true });
    const { texts } = await pipeline.build();
    assert.equal(pipeline.index.size, 4);
    assert.deepEqual(unreadNotes(pipeline.skipped), []);
    assert.deepEqual(validateBuiltSource(pipeline, texts).filter(f => f.problems.length > 0).map(f => [f.path, f.problems.map(p => `${p.severity} ${p.code}`)]),
      [['p3.md', ['warning file-skipped']]]);
  });
});

describe('Nothing lost: a file a listing cannot see', () => {
  it('stays named after a full listing while it is there (VS Code\'s file search skips pipes), and is forgotten once gone', async () => {
    const memory = new InMemoryNoteSource([['a.md', note('Ana Bell', '2026-10-01')]]);
    const pipe = { path: 'pipe.md', mtime: 1, size: 0, unreadable: { reason: 'not a regular file', lost: true } };
    let listsPipe = true;
    let pipeThere = true;
    const source: NoteSource = {
      list: async () => [...await memory.list(), ...(listsPipe ? [pipe] : [])],
      stat: async path => (path === 'pipe.md' ? (pipeThere ? pipe : undefined) : memory.stat(path)),
      read: path => memory.read(path),
    };
    const pipeline = new NotePipeline(source, { script: BUILT_IN_SCRIPT });
    await pipeline.build();
    assert.deepEqual([[...pipeline.skipped.keys()], pipeline.index.size], [['pipe.md'], 1]);
    listsPipe = false;
    await pipeline.build();
    assert.deepEqual([[...pipeline.skipped.keys()], pipeline.skipped.get('pipe.md')?.reason, pipeline.index.size], [['pipe.md'], 'not a regular file', 1]);
    pipeThere = false;
    await pipeline.build();
    assert.deepEqual([[...pipeline.skipped.keys()], pipeline.index.size], [[], 1]);
  });
});

describe('Nothing lost: a note deleted on disk between the listing and its stat', () => {
  it('is a warning in validate, not a crash; every other note is read and validate exits 0', async () => {
    const { stat } = await import('node:fs/promises');
    const root = mkdtempSync(join(tmpdir(), 'growth-vanish-'));
    try {
      PEOPLE.forEach((person, i) => writeFileSync(join(root, `p${i}.md`), note(person, '2026-10-01')));
      // The folder was read with p3.md in it; it is deleted just before its own stat, as another program would.
      const source = nodeNoteSource(root, { io: { stat: async full => { if (full.endsWith('p3.md')) unlinkSync(full); return stat(full); } } });
      const pipeline = new NotePipeline(source, { script: BUILT_IN_SCRIPT, keepTexts: true });
      const { texts } = await pipeline.build();
      assert.deepEqual(pipeline.index.all().map(n => n.path).sort(), ['p0.md', 'p1.md', 'p2.md', 'p4.md']);
      assert.deepEqual(unreadNotes(pipeline.skipped), [], 'a file that is gone is no note missing');
      assert.deepEqual(validateBuiltSource(pipeline, texts).filter(f => f.problems.length > 0).map(f => [f.path, f.problems.map(p => `${p.severity} ${p.code}`)]),
        [['p3.md', ['warning file-skipped']]]);
      // The CLI on the same folder, the file now gone for good: nothing to say, exit 0.
      assert.equal((await run(['validate', root])).code, 0);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('Nothing lost: odd files on disk never stop a walk or block it', () => {
  let folder: string;
  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'growth-walk-'));
    for (const [i, person] of PEOPLE.entries()) {
      mkdirSync(join(folder, `p${i}`));
      writeFileSync(join(folder, `p${i}`, '2026-10-01.md'), note(person, '2026-10-01'));
    }
    spawnSync('mkfifo', [join(folder, 'pipe.md')]);
    symlinkSync('/dev/zero', join(folder, 'zero.md'));
    symlinkSync(join(folder, 'nowhere.md'), join(folder, 'dangling.md'));
    symlinkSync(folder, join(folder, 'p0', 'loop'));
    writeFileSync(Buffer.concat([Buffer.from(`${folder}/caf`), Buffer.from([0xe9]), Buffer.from('.md')]), note('Fay Gale', '2026-10-02'));
  });
  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  it('validate names every one with its reason, quickly, and exits 1', async function () {
    this.timeout(60000);
    const started = Date.now();
    const { code, out } = await run(['validate', folder]);
    // A pipe opened for reading would wait for ever; the limit allows a loaded machine.
    assert.ok(Date.now() - started < 30000, 'a pipe or /dev/zero is never opened for reading');
    assert.equal(code, 1);
    assert.deepEqual(out.split('\n'), [
      'caf\uFFFD.md:1:1 error unreadable Could not be read (its name is not UTF-8 text, so it cannot be opened by that name; rename it), so any note it holds is missing.',
      'dangling.md:1:1 error unreadable Could not be read (a link to a file that does not exist), so any note it holds is missing.',
      'p0/loop/:1:1 warning file-skipped Not read (a folder link that leads back into a folder already read); nothing is missing.',
      'pipe.md:1:1 error unreadable Could not be read (not a regular file (a pipe, a device or a socket), so it was not opened), so any note it holds is missing.',
      'zero.md:1:1 error unreadable Could not be read (not a regular file (a pipe, a device or a socket), so it was not opened), so any note it holds is missing.',
    ]);
  });

  it('themes and report say which notes could not be read; digest refuses unless told to go on, and then says how many', async function () {
    this.timeout(60000);
    const unread = '4 notes could not be read: caf\uFFFD.md, dangling.md, pipe.md, zero.md';
    const themes = await run(['themes', folder, '--json']);
    assert.deepEqual([themes.code, themes.err, JSON.parse(themes.out)], [0, unread, [{ theme: 'on-call-load', people: 5, conversations: 5, pattern: true }]]);
    const report = await run(['report', folder]);
    assert.equal(report.code, 0);
    assert.match(report.out, /^4 notes could not be read, so they are not counted\.$/m);
    assert.doesNotMatch(report.out, /dangling|pipe\.md/, 'an anonymised report never names a file: a path holds a name');
    const named = await run(['report', folder, '--names']);
    assert.match(named.out, new RegExp(`^${unread}$`, 'm'));
    const out = join(folder, 'digest.json');
    const refused = await run(['digest', folder, '--out', out]);
    assert.deepEqual([refused.code, refused.err.split('\n')], [2, [unread,
      'A digest short of a note counts fewer people than there are, so nothing was written. Fix or remove the file, or add --allow-unreadable to go on without it.']]);
    const allowed = await run(['digest', folder, '--allow-unreadable', '--out', out]);
    assert.equal(allowed.code, 0, allowed.err);
    assert.match(allowed.err, /^4 of the notes could not be read and are not counted\.$/m);
    assert.equal(JSON.parse(readFileSync(out, 'utf8')).notesNotRead, 4);
  });

  it('a pipe or /dev/zero given as --vocabulary or to collate is refused at once with a plain reason', async function () {
    this.timeout(60000);
    const started = Date.now();
    const report = await run(['report', folder, '--vocabulary', join(folder, 'pipe.md')]);
    assert.deepEqual([report.code, report.err.split('\n')[0]], [2, `"${join(folder, 'pipe.md')}" is not a regular file (a pipe, a device, a socket or a folder), so it was not read.`]);
    unlinkSync(join(folder, 'p0', 'loop'));
    spawnSync('mkfifo', [join(folder, 'p0', 'digest.json')]);
    symlinkSync('/dev/zero', join(folder, 'p1', 'zero.json'));
    const collate = await run(['collate', join(folder, 'p0'), join(folder, 'p1'), join(folder, 'zero.md'), '--json']);
    assert.equal(collate.code, 1);
    assert.deepEqual(JSON.parse(collate.out).rejected, [
      { file: join(folder, 'p0', 'digest.json'), reason: 'not a regular file (a pipe, a device or a socket), so it was not opened' },
      { file: join(folder, 'p1', 'zero.json'), reason: 'not a regular file (a pipe, a device or a socket), so it was not opened' },
      { file: join(folder, 'zero.md'), reason: 'not a regular file (a pipe, a device or a socket), so it was not opened' },
    ]);
    assert.ok(Date.now() - started < 30000);
  });

  it('an unreadable folder is named, the rest is read (through the source, since root ignores file modes)', async () => {
    const real = nodeNoteSource(folder, { blocking: true });
    const source: NoteSource = { ...real, list: async () => [...await real.list(), { path: 'private/', mtime: 0, size: 0, unreadable: { reason: 'a folder that could not be read: no permission to read it', lost: true } }] };
    const pipeline = new NotePipeline(source, { script: BUILT_IN_SCRIPT });
    await pipeline.build();
    assert.equal(pipeline.index.size, 5);
    assert.deepEqual(unreadNotes(pipeline.skipped), ['caf\uFFFD.md', 'dangling.md', 'pipe.md', 'private/', 'zero.md']);
  });
});
