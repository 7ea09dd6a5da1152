// `npm run bench`: the workspace index on synthetic workspaces of 1,000, 10,000 and 100,000 notes.
// Every figure is printed with its ratio to the floor measured in the same run (reading the bytes),
// because these machines are noisy. Usage: npm run bench [-- --sizes 1000,10000]
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { monitorEventLoopDelay, PerformanceObserver } from 'node:perf_hooks';
import { nodeNoteSource } from '../../src/cli/nodeNoteSource';
import { themeTree } from '../../src/core/crossNoteViews';
import { summarizeNote } from '../../src/core/noteSummary';
import { BUILT_IN_SCRIPT } from '../../src/core/questionScript';
import { NotePipeline } from '../../src/core/notePipeline';
import { cacheFromBytes, cacheToBytes } from '../../src/core/workspaceIndex';
import { generateNotes } from '../support/corpus';

const sizesArg = process.argv.indexOf('--sizes');
const SIZES = sizesArg !== -1 ? process.argv[sizesArg + 1].split(',').map(Number) : [1_000, 10_000, 100_000];
const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);

async function timed<T>(work: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const start = performance.now();
  const value = await work();
  return { value, ms: performance.now() - start };
}

/**
 * Runs work while watching the event loop; the longest delay seen is the longest block. Garbage
 * collection pauses are watched too, to tell our own slices from the collector's.
 */
async function watchingLoop<T>(work: () => Promise<T>): Promise<{ value: T; ms: number; longestBlockMs: number; longestGcMs: number }> {
  const histogram = monitorEventLoopDelay({ resolution: 5 });
  let longestGcMs = 0;
  const gcObserver = new PerformanceObserver(list => {
    for (const entry of list.getEntries()) longestGcMs = Math.max(longestGcMs, entry.duration);
  });
  gcObserver.observe({ entryTypes: ['gc'] });
  histogram.enable();
  const result = await timed(work);
  histogram.disable();
  await new Promise(resolve => setImmediate(resolve)); // let the observer deliver
  gcObserver.disconnect();
  return { ...result, longestBlockMs: histogram.max / 1e6, longestGcMs };
}

async function readAll(root: string, paths: string[]): Promise<number> {
  let bytes = 0;
  for (let i = 0; i < paths.length; i += 16) {
    const chunk = await Promise.all(paths.slice(i, i + 16).map(path => readFile(join(root, path))));
    bytes += chunk.reduce((sum, b) => sum + b.length, 0);
  }
  return bytes;
}

async function benchmark(size: number) {
  const root = mkdtempSync(join(tmpdir(), `growth-bench-${size}-`));
  try {
    const generated = await timed(async () => {
      const notes = generateNotes(size, 42);
      for (const note of notes) {
        mkdirSync(dirname(join(root, note.path)), { recursive: true });
        writeFileSync(join(root, note.path), note.text);
      }
      return notes;
    });
    const notes = generated.value;
    const averageKb = notes.reduce((sum, n) => sum + n.text.length, 0) / notes.length / 1024;
    const source = nodeNoteSource(root);

    const floor = await timed(() => readAll(root, notes.map(n => n.path)));
    gc();
    const heapBefore = process.memoryUsage().heapUsed;
    const pipeline = new NotePipeline(source, { script: BUILT_IN_SCRIPT, sliceMs: 20 });
    const index = pipeline.index;
    const cold = await watchingLoop(() => pipeline.build());
    gc();
    const heapMb = (process.memoryUsage().heapUsed - heapBefore) / 1024 / 1024;

    // Warm start, as the extension does it: the saved cache file is read back and no note is parsed.
    const cacheFile = join(root, 'cache.json');
    const save = await watchingLoop(async () => writeFile(cacheFile, await cacheToBytes(pipeline.cacheEntries)));
    const warm = await watchingLoop(async () => {
      const cache = readFile(cacheFile).then(bytes => cacheFromBytes(bytes));
      return new NotePipeline(source, { script: BUILT_IN_SCRIPT, cache }).build();
    });

    // One note changes on disk while the Themes view is showing: read it, summarise it, update the index, recompute the tree.
    themeTree(index, {}, 2);
    const changed = notes[Math.floor(notes.length / 2)];
    await writeFile(join(root, changed.path), `${changed.text}\nA new worry: #bench-change\n`);
    const change = await timed(async () => {
      const bytes = await readFile(join(root, changed.path));
      index.set(changed.path, summarizeNote(new TextDecoder().decode(bytes), BUILT_IN_SCRIPT));
      return themeTree(index, {}, 2);
    });
    if (!change.value.some(theme => theme.key === 'bench-change')) throw new Error('the change did not reach the theme tree');

    if (process.env.BENCH_PHASES) console.log(`  blocks: cold ${cold.longestBlockMs.toFixed(0)} ms, save ${save.longestBlockMs.toFixed(0)} ms, warm ${warm.longestBlockMs.toFixed(0)} ms`);
    return {
      size, averageKb, generateMs: generated.ms, floorMs: floor.ms, coldMs: cold.ms, coldBlockMs: cold.longestBlockMs,
      warmMs: warm.ms, warmBlockMs: Math.max(warm.longestBlockMs, save.longestBlockMs),
      gcMs: Math.max(cold.longestGcMs, warm.longestGcMs, save.longestGcMs), parsedWarm: warm.value.parsed, changeMs: change.ms, heapMb, indexed: index.size,
    };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

const pad = (text: string | number, width: number) => String(text).padStart(width);
const ms = (value: number) => `${value.toFixed(value < 10 ? 1 : 0)} ms`;

console.log(`Growth Conversations index benchmark (Node ${process.version}, ${new Date().toISOString().slice(0, 10)})`);
const rows = [];
for (const size of SIZES) {
  const row = await benchmark(size);
  rows.push(row);
  console.log(`  ${size} notes (${row.averageKb.toFixed(1)} KB each) generated in ${ms(row.generateMs)}; ${row.indexed} indexed`);
}
console.log('');
console.log(`| notes | read bytes (floor) | cold build | × floor | warm start | × floor | one change → theme tree | longest block | of which GC | heap |`);
console.log(`|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|`);
for (const r of rows) {
  console.log(`| ${pad(r.size, 7)} | ${pad(ms(r.floorMs), 9)} | ${pad(ms(r.coldMs), 9)} | ${(r.coldMs / r.floorMs).toFixed(1)} | ${pad(ms(r.warmMs), 8)} | ${(r.warmMs / r.floorMs).toFixed(2)} | ${pad(ms(r.changeMs), 8)} | ${ms(Math.max(r.coldBlockMs, r.warmBlockMs))} | ${ms(r.gcMs)} | ${r.heapMb.toFixed(0)} MB |`);
}
