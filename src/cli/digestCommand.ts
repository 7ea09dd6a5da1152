import { resolve } from 'path';
import { parseArgs } from 'util';
import { buildDigest, describeDigest } from '../core/outputs';
import { today } from '../core/base';
import { WorkspaceIndex } from '../core/workspace';
import type { CliIo } from './io';
import { OutputRefusedError, writeOutputFile } from './outputFile';
import { UsageError } from './usageError';
import { minGroupOption, vocabularyOption } from './vocabularyOption';

/** `growth digest [folder] [--vocabulary FILE] [--min-group N] [--label TEXT] --out FILE.json [--force]` */
export async function runDigest(args: readonly string[], io: CliIo, indexFolder: (root: string, io: CliIo) => Promise<WorkspaceIndex>): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...args], allowPositionals: true,
    options: { vocabulary: { type: 'string' }, 'min-group': { type: 'string' }, label: { type: 'string' }, out: { type: 'string' }, force: { type: 'boolean' } },
  });
  if (positionals.length > 1) throw new UsageError('Give one notes folder.');
  if (!values.out) throw new UsageError('Say where to write the digest: --out FILE.json.');
  if (!values.out.toLowerCase().endsWith('.json')) throw new UsageError('A digest is a .json file: --out FILE.json.');
  const root = resolve(positionals[0] ?? '.');
  const vocabulary = vocabularyOption(values.vocabulary, root);
  const index = await indexFolder(root, io);
  const built = buildDigest(index.all(), { today: io.today ?? today(), minGroupSize: minGroupOption(values['min-group']), label: values.label, vocabulary });
  if ('refusal' in built) throw new OutputRefusedError(built.refusal);
  writeOutputFile(values.out, built.text, values.force ?? false);
  io.printError([...describeDigest(built), `Wrote ${values.out}`].join('\n'));
  return 0;
}
