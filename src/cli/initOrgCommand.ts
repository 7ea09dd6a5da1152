import { mkdirSync } from 'fs';
import { dirname, join, resolve } from 'path';
import { parseArgs } from 'util';
import { orgRepoFiles } from '../core/outputs';
import type { CliIo } from './io';
import { OutputRefusedError, writeOutputFile } from './outputFile';
import { UsageError } from './usageError';

/** `growth init-org [folder]`: writes the org repository's layout; a file that exists is kept as it is. */
export function runInitOrg(args: readonly string[], io: CliIo): number {
  const { positionals } = parseArgs({ args: [...args], allowPositionals: true, options: {} });
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
}
