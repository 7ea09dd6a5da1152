// Runs one layer of mocha tests in Node and ends with "<layer>: N passed, N failed".
// Usage: node scripts/run-mocha.mjs <layer> <reporter> <timeout-ms> <file|folder>...
import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Mocha from 'mocha';

const [layer, reporter, timeout, ...targets] = process.argv.slice(2);
const files = targets.flatMap(function expand(target) {
  if (statSync(target).isDirectory()) return readdirSync(target).sort().flatMap(name => expand(join(target, name)));
  return /\.test\.(c|m)?js$/.test(target) ? [resolve(target)] : [];
});
const mocha = new Mocha({ reporter, timeout: Number(timeout), color: false });
files.forEach(file => mocha.addFile(file));
await mocha.loadFilesAsync();
const runner = mocha.run(failures => {
  console.log(`${layer}: ${runner.stats.passes} passed, ${runner.stats.failures} failed`);
  process.exitCode = failures > 0 || runner.stats.passes === 0 ? 1 : 0;
});
