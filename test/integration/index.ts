// Loaded by the VS Code extension host (extensionTestsPath): runs every compiled *.test.js beside it.
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as mochaModule from 'mocha';

type MochaClass = typeof import('mocha');
const Mocha: MochaClass = (mochaModule as unknown as { Mocha?: MochaClass }).Mocha ?? (mochaModule as unknown as MochaClass);

export function run(): Promise<void> {
  // GROWTH_TEST_GREP runs only the tests whose titles match, while working on them.
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 20_000, reporter: 'spec', grep: process.env.GROWTH_TEST_GREP || undefined });
  // The Restricted Mode suite runs on its own, in a host where the workspace is not trusted.
  const restricted = process.env.GROWTH_TEST_RESTRICTED === '1';
  // The pseudo-localised suite runs on its own too, in a host whose display language is qps-ploc.
  const pseudo = process.env.GROWTH_TEST_PSEUDO === '1';
  // And the quiet suite, in a Markdown workspace that holds no growth notes.
  const quiet = process.env.GROWTH_TEST_QUIET === '1';
  const inThisRun = (name: string) => name.endsWith('.test.js') && name.endsWith('.restricted.test.js') === restricted
    && name.endsWith('.pseudo.test.js') === pseudo && name.endsWith('.quiet.test.js') === quiet;
  for (const file of readdirSync(__dirname).filter(inThisRun).sort()) {
    mocha.addFile(join(__dirname, file));
  }
  return new Promise((resolve, reject) => {
    const runner = mocha.run(failures => {
      const stats = runner.stats ?? { passes: 0, failures };
      console.log(`integration (in the extension host): ${stats.passes} passed, ${stats.failures} failed`);
      // The harness reads the counts from this file: the extension host runs on the same machine.
      if (process.env.GROWTH_TEST_RESULT) writeFileSync(process.env.GROWTH_TEST_RESULT, JSON.stringify(stats));
      if (failures > 0) reject(new Error(`${failures} integration tests failed`));
      else resolve();
    });
  });
}
