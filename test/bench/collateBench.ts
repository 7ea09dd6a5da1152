// `npm run bench` (second table): collating 1,000 team digests of 200 themes over 8 quarters, read
// from disk as `growth collate` reads them. The goal (issue 14): under 1 s and 200 MB.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { digestFiles } from '../../src/cli/collateCommand';
import { collateDigests, collationHtml, DigestQuarter, sealDigest } from '../../src/core/outputs';

const DIGESTS = 1_000;
const THEMES = 200;
const QUARTERS = ['2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4', '2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4'];
const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);

/** A digest as `growth digest` writes it: 200 themes a quarter, two teams of 6 and the rest hidden. */
function digestText(index: number): string {
  const quarters: DigestQuarter[] = QUARTERS.map((quarter, q) => {
    const people = 20 + ((index + q) % 15);
    const themes = Object.fromEntries(Array.from({ length: THEMES }, (_, t) => [`theme ${String(t).padStart(3, '0')}`, 1 + ((index * 7 + t * 3 + q) % people)]));
    const teamThemes = Object.fromEntries(Object.entries(themes).slice(0, 20).map(([theme, n]) => [theme, Math.min(6, n)]));
    return {
      quarter, people, themes,
      teams: [{ team: `Team ${index % 40}`, people: 6, themes: teamThemes }, { team: `Team ${(index + 1) % 40}`, people: 6, themes: teamThemes }],
      hiddenTeamPeople: people - 12,
      careerPaths: { undecided: 10, other: people - 10 },
      flightRisk: { low: 10, other: people - 10 },
    };
  });
  const body = { format: 'growth-team-digest', formatVersion: 1, label: `Group ${index}`, created: '2026-12-01', minGroupSize: 5, quarters };
  return sealDigest(body);
}

const root = mkdtempSync(join(tmpdir(), 'growth-collate-bench-'));
try {
  const folder = join(root, 'digests');
  mkdirSync(folder);
  let bytes = 0;
  for (let i = 0; i < DIGESTS; i++) {
    const text = digestText(i);
    bytes += text.length;
    writeFileSync(join(folder, `digest-${String(i).padStart(4, '0')}.json`), text);
  }
  const runs: { ms: number; heapMb: number; rssMb: number }[] = [];
  let sources = 0;
  let rejected = 0;
  for (let run = 0; run < 3; run++) {
    gc();
    const heapBefore = process.memoryUsage().heapUsed;
    const rssBefore = process.memoryUsage().rss;
    let peakHeap = heapBefore;
    let peakRss = rssBefore;
    const sample = setInterval(() => {
      const now = process.memoryUsage();
      peakHeap = Math.max(peakHeap, now.heapUsed);
      peakRss = Math.max(peakRss, now.rss);
    }, 5);
    const start = performance.now();
    const detail = collateDigests(digestFiles([folder]), { today: '2026-12-02' });
    if (detail.collation.themes.length !== THEMES) throw new Error('every theme is merged');
    collationHtml(detail);
    const ms = performance.now() - start;
    clearInterval(sample);
    const end = process.memoryUsage();
    peakHeap = Math.max(peakHeap, end.heapUsed);
    peakRss = Math.max(peakRss, end.rss);
    sources = detail.collation.sources;
    rejected = detail.collation.rejected.length;
    runs.push({ ms, heapMb: (peakHeap - heapBefore) / 2 ** 20, rssMb: (peakRss - rssBefore) / 2 ** 20 });
  }
  if (sources !== DIGESTS || rejected !== 0) throw new Error(`expected ${DIGESTS} digests merged, got ${sources} (${rejected} rejected)`);
  const best = runs.reduce((a, b) => (a.ms <= b.ms ? a : b));
  const heap = Math.max(...runs.map(r => r.heapMb));
  const rss = Math.max(...runs.map(r => r.rssMb));
  console.log('');
  console.log(`Collation benchmark: ${DIGESTS} digests × ${THEMES} themes × ${QUARTERS.length} quarters (${(bytes / 2 ** 20).toFixed(0)} MB of JSON on disk)`);
  console.log('| digests | read + check + merge + HTML (best of 3) | all runs | extra heap (peak) | extra RSS (peak) | goal |');
  console.log('|---:|---:|---|---:|---:|---|');
  console.log(`| ${DIGESTS} | ${best.ms.toFixed(0)} ms | ${runs.map(r => r.ms.toFixed(0)).join(', ')} ms | ${heap.toFixed(0)} MB | ${rss.toFixed(0)} MB | < 1 s, < 200 MB: ${best.ms < 1000 && heap < 200 ? 'met' : 'NOT MET'} |`);
} finally {
  rmSync(root, { recursive: true, force: true });
}
