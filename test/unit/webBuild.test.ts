import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import fc from 'fast-check';
import * as compiled from 'growth:schema-validators';
import { dirnamePosix, joinPosix, normalizePosix, randomHex, relativePosix, sha256Hex } from '../../src/core/base';
import { groupAjv, VALIDATOR_GROUPS } from '../../scripts/schemaValidatorGroups.mjs';
import { typeScriptFiles } from '../support/sourceFiles';

const manifest = JSON.parse(readFileSync('package.json', 'utf8'));

/** Path-like strings: names, dots, empty parts and slashes, which is where path functions differ. */
const pathText = fc.array(fc.constantFrom('a', 'b', 'note.md', '.', '..', '', '/', '//', 'é'), { maxLength: 8 }).map(parts => parts.join('/'));

describe('web build: the same code runs in a browser\'s web worker', () => {
  it('normalizePosix, joinPosix and dirnamePosix give what Node\'s path.posix gives', () => {
    fc.assert(fc.property(pathText, path => {
      assert.equal(normalizePosix(path), posix.normalize(path), `normalize ${JSON.stringify(path)}`);
      assert.equal(dirnamePosix(path), posix.dirname(path), `dirname ${JSON.stringify(path)}`);
    }), { numRuns: 2000 });
    fc.assert(fc.property(pathText, pathText, (a, b) => assert.equal(joinPosix(a, b), posix.join(a, b), `join ${JSON.stringify([a, b])}`)), { numRuns: 2000 });
  });

  it('relativePosix gives what Node gives between paths inside one folder', () => {
    const inside = fc.array(fc.constantFrom('a', 'b', 'notes', 'x.md'), { minLength: 1, maxLength: 5 }).map(parts => parts.join('/'));
    fc.assert(fc.property(inside, inside, (from, to) => assert.equal(relativePosix(from, to), posix.relative(from, to))), { numRuns: 2000 });
    assert.equal(relativePosix('growth-notes/alex', 'growth-notes/alex/2026-01-02.md'), '2026-01-02.md');
    assert.equal(relativePosix('growth-notes/alex', 'growth-notes/sam/2026-01-02.md'), '../sam/2026-01-02.md');
  });

  it('sha256Hex is SHA-256 of the UTF-8 bytes, as node:crypto computes it', () => {
    assert.equal(sha256Hex(''), 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    assert.equal(sha256Hex('abc'), 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    // Lengths around the 55/56/64-byte padding edges, and text beyond ASCII (lone surrogates included).
    for (let length = 0; length < 200; length++) assert.equal(sha256Hex('x'.repeat(length)), createHash('sha256').update('x'.repeat(length)).digest('hex'), `length ${length}`);
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 300 }), text => {
      assert.equal(sha256Hex(text), createHash('sha256').update(text).digest('hex'));
    }), { numRuns: 500 });
  });

  it('randomHex gives fresh hex of the asked length', () => {
    const ids = new Set(Array.from({ length: 50 }, () => randomHex(16)));
    assert.equal(ids.size, 50);
    for (const id of ids) assert.match(id, /^[0-9a-f]{32}$/);
  });

  it('the validators compiled at build time give ajv\'s own verdict and errors', () => {
    const samples: Record<string, unknown[]> = {
      conversation: [{}, { type: 'growth-conversation', person: 'A', date: '2026-01-02' }, { type: 'growth-conversation', person: 3, date: 'soon', flightRisk: 'hgih', mood: 'x' }],
      questionScript: [{}, { name: 'x', questions: [] }, { name: 3, questions: [{ id: 'a' }] }],
      themes: [{}, { themes: [] }, { themes: [{ name: 'ci-speed', aliases: ['builds'] }, { name: 4 }] }],
      growthConfig: [{}, { notesFolder: 'growth-notes' }, { notesFolder: 3, share: { privateFields: ['flightRisk', 'nope'] }, unknown: true }],
      digest: [{}, { format: 'growth-team-digest' }, { format: 'growth-team-digest', version: 'one' }],
    };
    // Every note of the sample workspace's frontmatter too, as the notes are read.
    for (const person of readdirSync('test/fixtures/sample-workspace/growth-notes')) {
      for (const file of readdirSync(join('test/fixtures/sample-workspace/growth-notes', person))) {
        const text = readFileSync(join('test/fixtures/sample-workspace/growth-notes', person, file), 'utf8');
        const fields = Object.fromEntries([...text.split('\n---')[0].matchAll(/^(\w+): (.*)$/gm)].map(match => [match[1], match[2]]));
        samples.conversation.push(fields);
      }
    }
    let compared = 0;
    for (const group of VALIDATOR_GROUPS) {
      const { ajv, ids } = groupAjv(group, (file: string) => JSON.parse(readFileSync(join('schemas', file), 'utf8')));
      for (const [name, id] of Object.entries(ids) as [keyof typeof compiled, string][]) {
        const atRunTime = ajv.getSchema(id)!;
        for (const data of samples[name]) {
          assert.equal(compiled[name](data), atRunTime(data), `${name}: ${JSON.stringify(data)}`);
          assert.deepEqual(compiled[name].errors ?? null, atRunTime.errors ?? null, `${name}: ${JSON.stringify(data)}`);
          compared++;
        }
      }
    }
    assert.ok(compared >= 20, `${compared} comparisons`);
  });

  it('no source compiles a schema at run time, and none reaches Node on the extension\'s path', () => {
    const offenders = typeScriptFiles('src').filter(file => !file.startsWith(join('src', 'cli')))
      .filter(file => /from 'ajv'|new Ajv\(|from '(node:)?(path|crypto|fs|os)'/.test(readFileSync(file, 'utf8').replace(/^\s*import type .*$/gm, '')));
    assert.deepEqual(offenders, []);
  });

  it('starts programs only from the two commands that refuse in the browser, where a stand-in takes child_process', () => {
    const starting = typeScriptFiles('src').filter(file => !file.startsWith(join('src', 'cli')))
      .filter(file => /from '(node:)?child_process'/.test(readFileSync(file, 'utf8')));
    assert.deepEqual(starting.sort(), [join('src', 'vscode', 'notes', 'commitNotesCommand.ts'), join('src', 'vscode', 'notes', 'protectNotesCommand.ts')]);
    for (const file of starting) assert.match(readFileSync(file, 'utf8'), /this\.host === 'web'/, `${file} says why on the web before it starts a program`);
    assert.match(readFileSync('scripts/build.mjs', 'utf8'), /child_process\$\/ \}, \(\) => \(\{ path: resolve\('scripts', 'web', 'child_process\.cjs'\)/);
  });

  it('the manifest has a browser entry beside main, and hides Commit Notes where git cannot run', () => {
    assert.equal(manifest.main, './dist/extension.js');
    assert.equal(manifest.browser, './dist/web/extension.js');
    const palette = manifest.contributes.menus.commandPalette as { command: string; when?: string }[];
    assert.match(palette.find(entry => entry.command === 'growth.notes.commit')?.when ?? '', /\(!isWeb \|\| growth\.nodeHost\)/);
    const viewTitle = manifest.contributes.menus['view/title'] as { command: string; when?: string }[];
    assert.ok(viewTitle.filter(entry => entry.command === 'growth.notes.commit').every(entry => /\(!isWeb \|\| growth\.nodeHost\)/.test(entry.when ?? '')));
    assert.ok(readFileSync('.vscodeignore', 'utf8').split('\n').includes('!dist/web/extension.js'), 'the .vsix carries the web build');
  });
});
