import { resolve } from 'path';
import { parseArgs } from 'util';
import { buildDigest, describeDigest } from '../core/outputs';
import { msg, today } from '../core/base';
import { CliIo, readNotesFolder } from './io';
import { digestSourceId } from './digestSource';
import { OutputRefusedError, writeOutputFile } from './outputFile';
import { UsageError } from './usageError';
import { minGroupOption, vocabularyOption } from './vocabularyOption';

/** `growth digest [folder] [--vocabulary FILE] [--min-group N] [--label TEXT] [--allow-unreadable] --out FILE.json [--force]` */
export async function runDigest(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...args], allowPositionals: true,
    options: { vocabulary: { type: 'string' }, 'min-group': { type: 'string' }, label: { type: 'string' }, out: { type: 'string' }, force: { type: 'boolean' }, 'allow-unreadable': { type: 'boolean' } },
  });
  if (positionals.length > 1) throw new UsageError('Give one notes folder.');
  if (!values.out) throw new UsageError('Say where to write the digest: --out FILE.json.');
  if (!values.out.toLowerCase().endsWith('.json')) throw new UsageError('A digest is a .json file: --out FILE.json.');
  const root = resolve(positionals[0] ?? '.');
  const vocabulary = vocabularyOption(values.vocabulary, root);
  const { pipeline, unread } = await readNotesFolder(root, io);
  // A digest short of a note would give the organisation a wrong count: only when asked, and then it says so.
  if (unread.length > 0 && !values['allow-unreadable']) throw new OutputRefusedError(msg('unread.digestRefused'));
  const built = buildDigest(pipeline.index.all(), {
    today: io.today ?? today(), minGroupSize: minGroupOption(values['min-group']), label: values.label, vocabulary,
    sourceId: digestSourceId(root), notesNotRead: unread.length,
  });
  if ('refusal' in built) throw new OutputRefusedError(built.refusal);
  writeOutputFile(values.out, built.text, values.force ?? false);
  io.printError([...describeDigest(built), `Wrote ${values.out}`].join('\n'));
  return 0;
}
