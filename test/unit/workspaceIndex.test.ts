import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { CachedSummary, cacheFromBytes, cacheShardOf, groupActions, monthsBefore, NotePipeline, openActionItems, peopleSummaries, ShardedCache, themePeople, ThemePerson, ThemeTallies, themeTree, WorkspaceIndex } from '../../src/core/workspace';
import { BUILT_IN_SCRIPT, summarizeNote } from '../../src/core/note';
import { InMemoryNoteSource } from '../support/inMemoryNoteSource';
import { generateNotes, random } from '../support/corpus';

const ROOT = 'test/fixtures/sample-workspace';
const TODAY = '2026-11-26';

function files(folder: string): string[] {
  return readdirSync(folder).flatMap(name => {
    const full = join(folder, name);
    return statSync(full).isDirectory() ? files(full) : name.endsWith('.md') ? [full] : [];
  });
}

function sampleIndex(): WorkspaceIndex {
  const index = new WorkspaceIndex();
  for (const file of files(ROOT)) index.set(relative(ROOT, file), summarizeNote(readFileSync(file, 'utf8'), BUILT_IN_SCRIPT));
  return index;
}

describe('the workspace index and its views', () => {
  it('indexes only growth notes', () => {
    const index = sampleIndex();
    assert.equal(index.size, 6);
    assert.equal(index.get('README.md'), undefined);
  });

  it('ranks themes by distinct people, marks patterns, and uses the most common spelling', () => {
    const tree = themeTree(sampleIndex(), {}, 2);
    assert.deepEqual(tree.map(t => [t.name, t.peopleCount, t.conversationCount, t.pattern]), [
      ['ci-speed', 2, 4, true],
      ['on-call-load', 2, 3, true],
      ['onboarding', 2, 3, true],
      ['career-ladder', 2, 2, true],
    ]);
    const ci = tree.find(t => t.key === 'ci-speed')!;
    assert.deepEqual(themePeople(sampleIndex().all(), {}, 'ci-speed').map((p: ThemePerson) => [p.person, p.conversations.map(c => [c.path, c.lines])]), [
      ['Alex Morgan', [['growth-notes/alex-morgan/2026-05-12.md', [42]], ['growth-notes/alex-morgan/2025-11-10.md', [40]]]],
      ['Priya Shah', [['growth-notes/priya-shah/2026-06-03.md', [35]], ['growth-notes/priya-shah/2025-12-02.md', [15]]]],
    ]);
    assert.deepEqual([...ci.byMonth.entries()].sort(), [['2025-11', 1], ['2025-12', 1], ['2026-05', 1], ['2026-06', 1]]);
  });

  it('filters by period, team, manager and question', () => {
    const notes = sampleIndex();
    assert.deepEqual(themeTree(notes, { since: monthsBefore(TODAY, 6) }, 2).map(t => [t.name, t.peopleCount]), [['ci-speed', 1], ['onboarding', 1]]);
    assert.deepEqual(themeTree(notes, { team: 'Mobile' }, 2).map(t => t.name), ['career-ladder', 'on-call-load', 'onboarding']);
    assert.deepEqual(themeTree(notes, { manager: 'Chris Okafor', questionId: 'checkin' }, 2).map(t => [t.name, t.peopleCount]), [['on-call-load', 1], ['onboarding', 1]]);
    assert.deepEqual(themeTree(notes, { questionId: 'change-anything' }, 2).map(t => [t.name, t.peopleCount, t.pattern]), [['ci-speed', 2, true], ['career-ladder', 1, false], ['onboarding', 1, false]]);
    assert.equal(monthsBefore('2026-08-31', 6), '2026-02-28');
  });

  it('nests a/b under a, and counts a for everyone under it', () => {
    const index = new WorkspaceIndex();
    const note = (person: string, tags: string) => summarizeNote(`---\ntype: growth-conversation\nperson: ${person}\ndate: 2026-01-01\n---\n${tags}\n`, BUILT_IN_SCRIPT);
    index.set('a.md', note('A', '#docs/api #docs'));
    index.set('b.md', note('B', '#Docs/Runbooks'));
    const [docs] = themeTree(index, {}, 2);
    assert.deepEqual([docs.name, docs.peopleCount, docs.pattern, docs.children.map(c => [c.key, c.name, c.peopleCount])],
      ['docs', 2, true, [['docs/api', 'api', 1], ['docs/runbooks', 'Runbooks', 1]]]);
  });

  it('keeps theme names like __proto__ as plain data', () => {
    const index = new WorkspaceIndex();
    index.set('x.md', summarizeNote('---\ntype: growth-conversation\nperson: X\ndate: 2026-01-01\nthemes: [__proto__, constructor]\n---\n#__proto__ #toString\n', BUILT_IN_SCRIPT));
    assert.deepEqual(themeTree(index, {}, 2).map(t => [t.key, t.name, t.conversationCount]).sort(), [['constructor', 'constructor', 1], ['proto', '__proto__', 1], ['tostring', 'toString', 1]]);
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
    assert.equal(Object.getPrototypeOf({}), Object.prototype);
  });

  it('lists open actions once, overdue first, wherever they were last carried', () => {
    const items = openActionItems(sampleIndex().all(), TODAY);
    assert.deepEqual(items.map(i => [i.person, i.text, i.path.split('/').pop(), i.line]), [
      ['Alex Morgan', 'Propose an on-call rota change @dana due:2025-12-15', '2026-05-12.md', 48],
      ['Jordan Kim', 'Review on-call hours @chris due:2026-04-01', '2026-03-15.md', 24],
      ['Sam Lee', 'Pair Sam with a mentor @chris due:2026-05-01', '2026-04-20.md', 28],
      ['Sam Lee', 'Walk Sam through the levels document @chris due:2026-05-15', '2026-04-20.md', 29],
      ['Alex Morgan', 'Draft an architect track for the career ladder @dana due:2026-06-30', '2026-05-12.md', 49],
      ['Priya Shah', 'Ask the platform team about build caching @priya due:2026-07-01', '2026-06-03.md', 38],
      ['Alex Morgan', 'Book Alex a slot at the all-hands @alex due:2026-07-15', '2026-05-12.md', 50],
    ]);
    assert.equal(items.length, 7, 'the carried on-call item counts once');
    assert.ok(items.every(i => i.overdue));
    assert.deepEqual(items.map(i => i.due), ['2025-12-15', '2026-04-01', '2026-05-01', '2026-05-15', '2026-06-30', '2026-07-01', '2026-07-15']);
    assert.deepEqual(groupActions(items, 'owner').map(g => [g.group, g.items.length]), [['@alex', 1], ['@chris', 3], ['@dana', 2], ['@priya', 1]]);
    assert.deepEqual(openActionItems(sampleIndex().all(), '2025-01-01').filter(i => i.overdue), []);
  });

  it('summarises people: last conversation, overdue, risk, open actions', () => {
    const people = peopleSummaries(sampleIndex().all(), TODAY);
    assert.deepEqual(people.map(p => [p.person, p.lastDate, p.daysSince, p.overdue, p.flightRisk, p.openActions, p.conversations.length]), [
      ['Jordan Kim', '2026-03-15', 256, true, 'hgih', 1, 1],
      ['Sam Lee', '2026-04-20', 220, true, 'high', 2, 1],
      ['Alex Morgan', '2026-05-12', 198, true, 'medium', 3, 2],
      ['Priya Shah', '2026-06-03', 176, false, 'low', 1, 2],
    ]);
  });

  it('an incremental update equals a full rebuild after random creates, changes, deletes and renames', () => {
    const next = random(11);
    const texts = files(ROOT).map(file => readFileSync(file, 'utf8'));
    const disk = new Map<string, string>();
    const live = new WorkspaceIndex();
    // Asked for once first: from then on the theme counts are kept note by note through every step.
    assert.equal(live.themeTallies().size, 0);
    for (let step = 0; step < 300; step++) {
      const paths = [...disk.keys()];
      const choice = next();
      if (choice < 0.4 || paths.length === 0) {
        const path = `n${Math.floor(next() * 40)}.md`;
        const text = texts[Math.floor(next() * texts.length)].replace(/person: [^\n]+/, `person: P${Math.floor(next() * 8)}`);
        disk.set(path, text);
        live.set(path, summarizeNote(text, BUILT_IN_SCRIPT));
      } else if (choice < 0.7) {
        const path = paths[Math.floor(next() * paths.length)];
        disk.delete(path);
        live.delete(path);
      } else {
        const from = paths[Math.floor(next() * paths.length)];
        const to = `r${step}.md`;
        disk.set(to, disk.get(from)!);
        disk.delete(from);
        // The pipeline sees a rename as the old path gone and a new one come.
        const moved = live.get(from);
        live.delete(from);
        if (moved) live.set(to, moved);
      }
    }
    const rebuilt = new WorkspaceIndex();
    for (const [path, text] of disk) rebuilt.set(path, summarizeNote(text, BUILT_IN_SCRIPT));
    assert.deepEqual(live.themeUsage(), rebuilt.themeUsage(), 'spelling counts kept note by note equal counts from scratch');
    const mapsAsLists = (_key: string, value: unknown) => (value instanceof Map ? [...value.entries()].sort() : value);
    const sorted = (index: WorkspaceIndex) => index.all().sort((a, b) => a.path.localeCompare(b.path));
    assert.deepEqual(sorted(live), sorted(rebuilt));
    assert.deepEqual(JSON.stringify(themeTree(live, {}, 2), mapsAsLists), JSON.stringify(themeTree(rebuilt, {}, 2), mapsAsLists));
    // The theme tree's counts, kept note by note through every delete and rename, equal counts from scratch.
    const fresh = new ThemeTallies();
    for (const note of live.all()) fresh.count(note, 1);
    assert.ok(fresh.byKey.size > 3);
    assert.equal(JSON.stringify(live.themeTallies(), mapsAsLists), JSON.stringify(fresh.byKey, mapsAsLists));
  });

  it('reads back only cache entries of the shape it writes: a damaged one means that note is read again', async () => {
    const good = { mtime: 1, size: 2, script: 'k', summary: summarizeNote('---\ntype: growth-conversation\nperson: Alex\n---\n#ci-speed\n', BUILT_IN_SCRIPT) };
    const lines = [
      ['good.md', good],
      ['bare.md', { mtime: 1, size: 2, script: 'k', summary: { isGrowthNote: true } }],
      ['odd-tag.md', { ...good, summary: { ...good.summary, tags: [{ name: 7 }] } }],
      ['no-size.md', { mtime: 1, script: 'k', summary: good.summary }],
      ['__proto__', good],
    ].map(line => JSON.stringify(line)).join('\n');
    const cache = await cacheFromBytes(new TextEncoder().encode(`${lines}\n{not json\n`));
    assert.deepEqual([...cache.keys()], ['good.md', '__proto__']);
    const index = new WorkspaceIndex();
    for (const [path, entry] of cache) index.set(path, entry.summary);
    assert.deepEqual(index.themeUsage().map(t => t.key), ['ci-speed']);
  });

  it('keeps the cache in shards: a change rewrites only its shard, and a warm start from them parses nothing', async () => {
    const source = new InMemoryNoteSource(generateNotes(300, 3).map(n => [n.path, n.text] as const));
    const pipeline = new NotePipeline(source, { script: BUILT_IN_SCRIPT });
    const stored = new Map<number, Uint8Array>();
    const written: number[] = [];
    const shards = new ShardedCache(16);
    const stamps = new Map<number, number>();
    const save = () => shards.write(pipeline.cacheEntries, async (shard, bytes) => {
      written.push(shard);
      stored.set(shard, bytes);
      stamps.set(shard, source.stamp());
      return stamps.get(shard);
    }, 0, (entries, writtenAt) => pipeline.cacheWritten(entries, writtenAt));
    const load = () => shards.read(async shard => ({ bytes: stored.get(shard) ?? await Promise.reject(new Error('no shard')), writtenAt: stamps.get(shard) ?? 0 }));
    // As JSON: the cache is stored as JSON, which leaves out fields that are undefined.
    const entries = (cache: ReadonlyMap<string, CachedSummary>) => JSON.stringify([...cache].sort(([a], [b]) => a.localeCompare(b)));
    shards.noteUpdate(await pipeline.build());
    await save();
    assert.deepEqual(written.sort((a, b) => a - b), [...Array(16).keys()], 'a full build writes every shard');
    assert.equal(entries(await load()), entries(pipeline.cacheEntries));

    const [changed, deleted] = [source.paths[10], source.paths[20]];
    source.write(changed, `${source.text(changed)}\nMore: #new-worry\n`);
    source.delete(deleted);
    source.flush();
    shards.noteUpdate(await pipeline.apply([{ path: changed, kind: 'changed' }, { path: deleted, kind: 'deleted' }]));
    written.length = 0;
    await save();
    assert.deepEqual(written.sort((a, b) => a - b), [...new Set([cacheShardOf(changed, 16), cacheShardOf(deleted, 16)])].sort((a, b) => a - b));
    const reloaded = await load();
    assert.equal(entries(reloaded), entries(pipeline.cacheEntries));
    assert.equal(reloaded.has(deleted), false);

    const warm = await new NotePipeline(source, { script: BUILT_IN_SCRIPT, cache: load() }).build();
    assert.deepEqual([warm.parsed, warm.reused], [0, 299]);

    // A shard that cannot be written stays to be written next time.
    source.write(changed, `${source.text(changed)}\nAgain.\n`);
    source.flush();
    shards.noteUpdate(await pipeline.apply([{ path: changed, kind: 'changed' }]));
    await shards.write(pipeline.cacheEntries, async () => { throw new Error('disk full'); }, 0);
    assert.equal(shards.pending, 1);
  });

  it('builds from a source in slices, and reuses the cache for unchanged files', async () => {
    const source = new InMemoryNoteSource(files(ROOT).map(file => [relative(ROOT, file), readFileSync(file)] as const));
    const first = new NotePipeline(source, { script: BUILT_IN_SCRIPT });
    let changes = 0;
    first.index.onDidChange(() => changes++);
    const cold = await first.build();
    assert.deepEqual([cold.parsed, cold.reused, source.totalReads, first.index.size], [7, 0, 7, 6]);
    assert.ok(changes <= 2, `views refresh once per batch, not per file (${changes})`);
    // Entries never written to a cache file are read again; written ones (older than the write) are reused.
    const unwritten = await new NotePipeline(source, { script: BUILT_IN_SCRIPT, cache: first.cacheEntries }).build();
    assert.deepEqual([unwritten.parsed, unwritten.reused, source.totalReads], [7, 0, 14]);
    first.cacheWritten(first.cacheEntries, source.stamp());
    const warm = await new NotePipeline(source, { script: BUILT_IN_SCRIPT, cache: first.cacheEntries }).build();
    assert.deepEqual([warm.parsed, warm.reused, source.totalReads], [0, 7, 14]);
  });
});

describe('odd files in the workspace', () => {
  it('skips huge, binary and non-UTF-8 files with a reason, and a symlink loop does not hang the walk', async function () {
    this.timeout(20000);
    const { mkdtempSync, writeFileSync, symlinkSync, mkdirSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { nodeNoteSource } = await import('../../src/cli/nodeNoteSource');
    const root = mkdtempSync(join(tmpdir(), 'growth-odd-'));
    try {
      const note = '---\ntype: growth-conversation\nperson: A\ndate: 2026-01-01\n---\n#theme\n';
      mkdirSync(join(root, 'notes'));
      writeFileSync(join(root, 'notes', 'good.md'), note);
      writeFileSync(join(root, 'notes', 'huge.md'), note + 'x'.repeat(5 * 1024 * 1024));
      writeFileSync(join(root, 'notes', 'binary.md'), Buffer.from([0x00, 0xff, 0xfe, 0x89, 0x50, 0x4e, 0x47]));
      writeFileSync(join(root, 'notes', 'latin1.md'), Buffer.from(note.replace('A', 'Ren\xe9'), 'latin1'));
      symlinkSync(join(root, 'notes'), join(root, 'notes', 'loop'));
      const skipped: string[] = [];
      const pipeline = new NotePipeline(nodeNoteSource(root), { script: BUILT_IN_SCRIPT });
      await pipeline.build();
      for (const [path, file] of pipeline.skipped) skipped.push(`${path}: ${file.reason}`);
      assert.deepEqual(pipeline.index.all().map(n => n.path), ['notes/good.md']);
      assert.deepEqual(skipped.sort(), ['notes/binary.md: not valid UTF-8 text', 'notes/huge.md: larger than 4 MB', 'notes/latin1.md: not valid UTF-8 text',
        'notes/loop/: a folder link that leads back into a folder already read']);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
