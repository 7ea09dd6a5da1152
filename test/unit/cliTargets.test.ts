import * as assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../src/cli/main';

const SAMPLE_NOTES = 'test/fixtures/sample-workspace/growth-notes';

/** Runs `growth validate` with these paths; the files it names and its exit code. */
async function validate(...args: string[]): Promise<{ files: string[]; code: number }> {
  const out: string[] = [];
  const code = await runCli(['validate', ...args], { print: text => out.push(text), printError: () => undefined, today: '2026-11-26' });
  const files = [...new Set(out.join('\n').split('\n').filter(Boolean).map(line => line.slice(0, line.indexOf(':'))))];
  return { files: files.map(file => file.replace(/\\/g, '/')), code };
}

describe('growth validate: folders, notes and patterns', () => {
  let folder = '';
  before(() => {
    folder = mkdtempSync(join(tmpdir(), 'growth-targets-'));
    cpSync(SAMPLE_NOTES, join(folder, 'notes'), { recursive: true });
    // A draft kept out of git: passed over in folders and patterns, checked when named.
    mkdirSync(join(folder, 'notes', 'drafts'));
    cpSync(join(SAMPLE_NOTES, 'jordan-kim', '2026-03-15.md'), join(folder, 'notes', 'drafts', 'jordan.md'));
    // The repository's top (git reads .gitignore files from there down).
    mkdirSync(join(folder, '.git'));
    writeFileSync(join(folder, '.gitignore'), 'notes/drafts/\n');
  });
  after(() => rmSync(folder, { recursive: true, force: true }));

  it('checks one note, and only that note, named on its own', async () => {
    const { files, code } = await validate(join(folder, 'notes', 'jordan-kim', '2026-03-15.md'));
    assert.equal(code, 1);
    assert.equal(files.length, 1);
    assert.match(files[0], /notes\/jordan-kim\/2026-03-15\.md$/);
  });

  it('expands a quoted pattern itself, and passes over what .gitignore lists', async () => {
    const all = await validate(join(folder, 'notes', '**', '*.md'));
    assert.ok(all.files.some(file => file.endsWith('notes/jordan-kim/2026-03-15.md')), all.files.join(' '));
    assert.ok(!all.files.some(file => file.includes('drafts')), all.files.join(' '));
    const one = await validate(join(folder, 'notes', 'alex-*', '*.md'));
    assert.deepEqual([one.code, one.files.every(file => file.includes('/alex-morgan/'))], [0, true]);
  });

  it('passes over ignored notes in a folder too, yet checks an ignored note named on the line', async () => {
    const inFolder = await validate(folder);
    assert.ok(!inFolder.files.some(file => file.includes('drafts')), inFolder.files.join(' '));
    const named = await validate(join(folder, 'notes', 'drafts', 'jordan.md'));
    assert.equal(named.files.length, 1);
    assert.match(named.files[0], /drafts\/jordan\.md$/);
  });

  it('takes several paths at once, and refuses what is none of the three', async () => {
    const both = await validate(join(folder, 'notes', 'alex-morgan'), join(folder, 'notes', 'sam-lee', '2026-04-20.md'));
    assert.deepEqual(both.files.map(file => file.split('/').slice(-2, -1)[0]).sort(), ['alex-morgan', 'sam-lee']);
    assert.equal((await validate(join(folder, 'missing.md'))).code, 2);
    assert.equal((await validate(join(folder, 'nowhere', '*.md'))).code, 2);
    assert.equal((await validate(join(folder, 'notes', '*.txt'))).code, 2);
  });
});
