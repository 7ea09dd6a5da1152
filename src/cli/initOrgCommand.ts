import { mkdirSync } from 'fs';
import { dirname, join, resolve } from 'path';
import { orgRepoFiles } from '../core/outputs';
import { defineCommand } from './command';
import { OutputRefusedError, writeOutputFile } from './outputFile';
import { UsageError } from './usageError';

/** `growth init-org [folder]`: writes the org repository's layout; a file that exists is kept as it is. */
export const initOrgCommand = defineCommand({
  name: 'init-org',
  usage: `  growth init-org [folder]
      Writes an org repository: digests/, growth-themes.yaml, a README for managers, CI examples.`,
  options: {},
  run({ positionals }, io) {
    if (positionals.length > 1) throw new UsageError('Give one folder.');
    const root = resolve(positionals[0] ?? '.');
    for (const file of orgRepoFiles()) {
      const full = join(root, file.path);
      mkdirSync(dirname(full), { recursive: true });
      try {
        writeOutputFile(full, file.content, false);
        io.printError(`Wrote ${file.path}`);
      } catch (error) {
        if (!(error instanceof OutputRefusedError)) throw error;
        io.printError(`Kept ${file.path}: it already exists.`);
      }
    }
    return 0;
  },
});
