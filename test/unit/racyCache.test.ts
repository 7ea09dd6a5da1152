import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cachedSummaryHolds, FILE_CLOCK_ALLOWANCE_MS, indexFile, NotePipeline, scriptKey, ShardedCache } from '../../src/core/workspace';
import { BUILT_IN_SCRIPT, summarizeNote } from '../../src/core/note';
import { nodeNoteSource } from '../../src/cli/nodeNoteSource';
import { InMemoryNoteSource } from '../support/inMemoryNoteSource';

// Issue 23, item 7: whether a cached summary still stands for its file is decided by the file system's
// own times (the file's against the cache file's, git's racy-entry rule), never by the local clock; the
// cache file may sit on another file system than the notes (a share), so the file must be older than the
// write by more than the allowance two clocks may differ by.
const A = FILE_CLOCK_ALLOWANCE_MS;

const OPEN = '---\ntype: growth-conversation\nperson: Alex\ndate: 2026-03-02\n---\n## Next steps <!-- growth:next-steps -->\n- [ ] Book a slot\n';
const TICKED = OPEN.replace('[ ]', '[x]');
const KEY = scriptKey(BUILT_IN_SCRIPT);

describe('the index cache trusts file times, not the clock (issue 23, item 7)', () => {
  it('reuses a summary only when the file is older than the cache write that holds it, whatever the clock says', async () => {
    const size = new TextEncoder().encode(TICKED).length;
    const cachedOpen = summarizeNote(OPEN, BUILT_IN_SCRIPT);
    // Times far in the past and far in the future: the answer must not depend on today.
    for (const mtime of [1_000, Date.now() - 86_400_000 * 400, Date.now() + 86_400_000 * 400]) {
      const info = { path: 'a.md', mtime, size };
      const entry = (writtenAt: number | undefined) => ({ mtime, size, script: KEY, summary: cachedOpen, writtenAt });
      assert.equal(cachedSummaryHolds(entry(mtime + A + 1), info, KEY), true, `older than the write by more than the allowance (${mtime})`);
      assert.equal(cachedSummaryHolds(entry(mtime + A), info, KEY), false, `within the allowance of the write (${mtime})`);
      assert.equal(cachedSummaryHolds(entry(mtime + 1), info, KEY), false, `just before the write (${mtime})`);
      assert.equal(cachedSummaryHolds(entry(mtime), info, KEY), false, `written in the same instant (${mtime})`);
      assert.equal(cachedSummaryHolds(entry(mtime - 5_000), info, KEY), false, `changed after the write (${mtime})`);
      assert.equal(cachedSummaryHolds(entry(undefined), info, KEY), false, `never written (${mtime})`);
      assert.equal(cachedSummaryHolds(entry(mtime + A + 1), { ...info, size: size + 1 }, KEY), false, 'another size');
      assert.equal(cachedSummaryHolds(entry(mtime + A + 1), info, 'other-script'), false, 'another script');
      assert.equal(cachedSummaryHolds(entry(mtime + A + 1), { ...info, unsaved: true }, KEY), false, 'unsaved text');

      const source = new InMemoryNoteSource([['a.md', TICKED]]);
      const racy = await indexFile(source, 'a.md', info, { script: BUILT_IN_SCRIPT, scriptKey: KEY, cached: entry(mtime) });
      assert.equal(racy.kind === 'note' && racy.summary.tasks[0].done, true, 'a racy entry is read again: the ticked box, not the cached open one');
      assert.equal((await indexFile(source, 'a.md', info, { script: BUILT_IN_SCRIPT, scriptKey: KEY, cached: entry(mtime + A + 1) })).kind, 'reused');
    }
  });

  describe('on disk, a file share whose clock runs 3.5 s behind this machine and keeps whole seconds', () => {
    let root: string;
    let notes: string;
    let cacheFolder: string;
    beforeEach(() => {
      root = mkdtempSync(join(tmpdir(), 'growth-racy-'));
      notes = join(root, 'notes');
      cacheFolder = join(root, 'cache');
      mkdirSync(join(notes, 'alex'), { recursive: true });
      mkdirSync(cacheFolder);
    });
    afterEach(() => rmSync(root, { recursive: true, force: true }));

    /** Every write on the share is stamped by the share's clock: 3.5 s behind ours, in whole seconds. */
    const shareSecond = () => Math.floor((Date.now() - 3_500) / 1_000);
    const writeOnShare = (path: string, text: string | Uint8Array, second: number) => {
      writeFileSync(path, text);
      utimesSync(path, second, second);
    };
    const shardFile = (shard: number) => join(cacheFolder, `${shard}.jsonl`);
    /** Writes the cache beside the notes (the same share), as the editor writes its shards. */
    const saveCache = (pipeline: NotePipeline, second: number) => {
      const shards = new ShardedCache(4);
      shards.noteUpdate({ changed: [], removed: [], skipped: [], texts: new Map(), full: true, parsed: 0, reused: 0 });
      return shards.write(pipeline.cacheEntries, async (shard, bytes) => {
        writeOnShare(shardFile(shard), bytes, second);
        return statSync(shardFile(shard)).mtimeMs;
      }, 0, (entries, writtenAt) => pipeline.cacheWritten(entries, writtenAt));
    };
    const loadCache = () => new ShardedCache(4).read(async shard => ({ writtenAt: statSync(shardFile(shard)).mtimeMs, bytes: readFileSync(shardFile(shard)) }), 0);
    const ticked = (pipeline: NotePipeline, path: string) => pipeline.index.get(path)?.tasks.map(task => task.done);

    it('a box ticked in the second the cache was written, its change event lost, is read at the next start', async () => {
      const second = shareSecond();
      const note = join(notes, 'alex', '2026-03-02.md');
      writeOnShare(note, OPEN, second);
      // An older note, saved well before the cache (by more than the clocks' allowance): it stays trusted.
      const older = join(notes, 'alex', '2026-01-05.md');
      writeOnShare(older, OPEN.replace('2026-03-02', '2026-01-05'), second - A / 1_000 - 60);
      const first = new NotePipeline(nodeNoteSource(notes), { script: BUILT_IN_SCRIPT });
      await first.build();
      await saveCache(first, second);
      assert.deepEqual(ticked(first, 'alex/2026-03-02.md'), [false]);

      // Ticked in the same second: same size, same time on the share; the watcher's event never came.
      writeOnShare(note, TICKED, second);
      assert.equal(statSync(note).size, Buffer.byteLength(OPEN));
      assert.ok(Date.now() - statSync(note).mtimeMs >= 3_000, 'by the local clock the file looks seconds old, so a clock rule would trust the cache');
      first.dispose();

      const next = new NotePipeline(nodeNoteSource(notes), { script: BUILT_IN_SCRIPT, cache: loadCache() });
      const update = await next.build();
      assert.deepEqual(ticked(next, 'alex/2026-03-02.md'), [true], 'the ticked box, not the cached open one');
      assert.deepEqual([update.parsed, update.reused], [1, 1], 'the note older than the cache write comes from the cache');
    });

    it('with the cache on this computer and the share\'s clock minutes behind, a box ticked in the same second is read at the next start', async () => {
      // The editor keeps its cache in its own storage, stamped by this computer's clock; the share runs 4 minutes behind.
      const behind = Math.floor((Date.now() - 4 * 60_000) / 1_000);
      const note = join(notes, 'alex', '2026-03-02.md');
      writeOnShare(note, OPEN, behind);
      const first = new NotePipeline(nodeNoteSource(notes), { script: BUILT_IN_SCRIPT });
      await first.build();
      const shards = new ShardedCache(4);
      shards.noteUpdate({ changed: [], removed: [], skipped: [], texts: new Map(), full: true, parsed: 0, reused: 0 });
      await shards.write(first.cacheEntries, async (shard, bytes) => {
        writeFileSync(shardFile(shard), bytes);
        return statSync(shardFile(shard)).mtimeMs;
      }, 0, (entries, writtenAt) => first.cacheWritten(entries, writtenAt));
      first.dispose();
      const stamp = Math.max(...readdirSync(cacheFolder).map(name => statSync(join(cacheFolder, name)).mtimeMs));
      assert.ok(stamp - statSync(note).mtimeMs > 200_000, 'by the two stamps the note looks minutes older than the cache');

      writeOnShare(note, TICKED, behind);
      const next = new NotePipeline(nodeNoteSource(notes), { script: BUILT_IN_SCRIPT, cache: loadCache() });
      await next.build();
      assert.deepEqual(ticked(next, 'alex/2026-03-02.md'), [true], 'the ticked box, not the cached open one');
      next.dispose();
    });

    it('a change event for a file saved twice in one second reads it again, within the session', async () => {
      const second = shareSecond();
      const note = join(notes, 'alex', '2026-03-02.md');
      writeOnShare(note, OPEN, second);
      const pipeline = new NotePipeline(nodeNoteSource(notes), { script: BUILT_IN_SCRIPT });
      await pipeline.build();
      writeOnShare(note, TICKED, second);
      await pipeline.apply([{ path: 'alex/2026-03-02.md', kind: 'changed' }]);
      assert.deepEqual(ticked(pipeline, 'alex/2026-03-02.md'), [true]);

      // Written to the cache in that same second: still racy, so the next event reads it again too.
      await saveCache(pipeline, second);
      writeOnShare(note, OPEN, second);
      await pipeline.apply([{ path: 'alex/2026-03-02.md', kind: 'changed' }]);
      assert.deepEqual(ticked(pipeline, 'alex/2026-03-02.md'), [false]);
      pipeline.dispose();
    });

    it('a change made after the cache was written, its event lost, is read at the next start (a stale entry never stands)', async () => {
      const second = shareSecond();
      const note = join(notes, 'alex', '2026-03-02.md');
      writeOnShare(note, OPEN, second - 20);
      const first = new NotePipeline(nodeNoteSource(notes), { script: BUILT_IN_SCRIPT });
      await first.build();
      await saveCache(first, second - 10);
      first.dispose();
      writeOnShare(note, TICKED, second);
      const next = new NotePipeline(nodeNoteSource(notes), { script: BUILT_IN_SCRIPT, cache: loadCache() });
      const update = await next.build();
      assert.deepEqual([ticked(next, 'alex/2026-03-02.md'), update.parsed, update.reused], [[true], 1, 0]);
    });
  });
});
