// `npm run fuzz -- --seconds N`: runs every property with fresh random seeds until the time is up.
// A failing input is written to test/fuzz/failures/, where the unit suite replays it from then on.
import { mkdirSync, writeFileSync } from 'node:fs';
import fc from 'fast-check';
import { PROPERTIES } from './properties';

const secondsArg = process.argv.indexOf('--seconds');
const seconds = secondsArg !== -1 ? Number(process.argv[secondsArg + 1]) : 60;
const deadline = Date.now() + seconds * 1000;
const runs: Record<string, number> = {};
let failed = false;
while (Date.now() < deadline && !failed) {
  for (const [name, property] of Object.entries(PROPERTIES)) {
    const left = deadline - Date.now();
    if (left <= 0) break;
    // Every property is synchronous, so the details come back at once.
    const result = fc.check(property as fc.IRawProperty<unknown[]>, { numRuns: 1_000_000, interruptAfterTimeLimit: Math.min(left, 10_000), seed: Date.now() ^ (Math.random() * 2 ** 31) }) as fc.RunDetails<unknown[]>;
    runs[name] = (runs[name] ?? 0) + result.numRuns;
    if (result.failed) {
      failed = true;
      mkdirSync('test/fuzz/failures', { recursive: true });
      const file = `test/fuzz/failures/${name}-${Date.now()}.json`;
      writeFileSync(file, JSON.stringify({ property: name, seed: result.seed, input: result.counterexample, error: String(result.errorInstance) }, null, 2));
      console.log(`${name} FAILED after ${result.numRuns} runs; input saved to ${file}\n${result.errorInstance}`);
    }
  }
}
console.log(`fuzz: ${seconds} s, ${Object.entries(runs).map(([name, n]) => `${name} ${n} runs`).join(', ')}, ${failed ? 'a failure' : 'no failures'}`);
process.exitCode = failed ? 1 : 0;
