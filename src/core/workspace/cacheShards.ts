import type { PipelineUpdate } from './notePipeline';
import { cacheFromBytes, cacheToBytes, CachedSummary, now, SLICE_MS, yieldToEventLoop } from './workspaceIndex';

/** Files the index's cache is kept in: at 100,000 notes each holds about 1,500 notes. */
export const CACHE_SHARD_COUNT = 64;

/** Which shard a path's cache entry lives in (FNV-1a of the path: stable across sessions). */
export function cacheShardOf(path: string, count = CACHE_SHARD_COUNT): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < path.length; i++) hash = Math.imul(hash ^ path.charCodeAt(i), 0x01000193) >>> 0;
  return hash % count;
}

/**
 * The cache kept in shards, by path: a change rewrites the one small file that holds its note, not
 * the whole cache, and no step holds or encodes more than one shard at once (a single file of a
 * large workspace's cache froze the editor while it was built and written).
 */
export class ShardedCache {
  private readonly dirty = new Set<number>();

  constructor(readonly count = CACHE_SHARD_COUNT) {}

  /** Marks the shards an update touched: every shard after a full listing. */
  noteUpdate(update: PipelineUpdate): void {
    if (update.full) for (let shard = 0; shard < this.count; shard++) this.dirty.add(shard);
    else for (const path of [...update.changed, ...update.removed, ...update.skipped]) this.dirty.add(cacheShardOf(path, this.count));
  }

  /** Shards changed since they were last written. */
  get pending(): number {
    return this.dirty.size;
  }

  /**
   * Writes each shard changed since the last call, one at a time, in slices. A shard whose write
   * fails is written again next time (the cache only saves time: a stale entry is never reused,
   * since its file's time and size no longer match). `writeShard` answers the written file's time as
   * its file system stamped it, and `written` hears which entries that file holds (see `writtenAt`).
   */
  async write(cache: ReadonlyMap<string, CachedSummary>, writeShard: (shard: number, bytes: Uint8Array) => Promise<number | undefined>, sliceMs = SLICE_MS,
    written?: (entries: ReadonlyMap<string, CachedSummary>, writtenAt: number) => void): Promise<void> {
    const groups = new Map<number, Map<string, CachedSummary>>();
    for (const shard of this.dirty) groups.set(shard, new Map());
    this.dirty.clear();
    if (groups.size === 0) return;
    let sliceStart = now();
    let seen = 0;
    for (const [path, entry] of cache) {
      groups.get(cacheShardOf(path, this.count))?.set(path, entry);
      if (++seen % 1000 === 0 && now() - sliceStart >= sliceMs) {
        await yieldToEventLoop();
        sliceStart = now();
      }
    }
    for (const [shard, entries] of groups) {
      try {
        const writtenAt = await writeShard(shard, await cacheToBytes(entries, sliceMs));
        if (writtenAt !== undefined) written?.(entries, writtenAt);
      } catch {
        this.dirty.add(shard);
      }
    }
  }

  /**
   * Reads every shard back into one cache; a shard that cannot be read is left out (its notes are read
   * again). `readShard` answers the shard's bytes and its file's time as the file system stamped it:
   * each entry is trusted only for a file older than that (see `writtenAt`).
   */
  async read(readShard: (shard: number) => Promise<{ readonly bytes: Uint8Array; readonly writtenAt: number }>, sliceMs = SLICE_MS): Promise<Map<string, CachedSummary>> {
    const cache = new Map<string, CachedSummary>();
    for (let shard = 0; shard < this.count; shard++) {
      let stored: { readonly bytes: Uint8Array; readonly writtenAt: number };
      try {
        stored = await readShard(shard);
      } catch {
        continue;
      }
      // The file's own time, not what an earlier session wrote in it.
      for (const [path, entry] of await cacheFromBytes(stored.bytes, sliceMs)) cache.set(path, { ...entry, writtenAt: stored.writtenAt });
    }
    return cache;
  }
}
