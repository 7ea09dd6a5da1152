import { resolve } from 'path';
import { buildDigest, describeDigest } from '../core/outputs';
import { msg, today } from '../core/base';
import { CONFIG_OPTION, defineCommand } from './command';
import { CommandRefusedError, readNotesFolder, rulesOrRefuse, scriptFor, stricterGroup, stricterThemeGroup } from './io';
import { digestSourceId } from './digestSource';
import { writeOutputFile } from './outputFile';
import { UsageError } from './usageError';
import { configuredVocabulary, minGroupOption, minThemeGroupOption } from './vocabularyOption';

/** `growth digest [folder] [--vocabulary FILE] [--min-group N] [--min-theme-group N] [--label TEXT] [--allow-unreadable] [--config FILE] --out FILE.json [--force]` */
export const digestCommand = defineCommand({
  name: 'digest',
  usage: `  growth digest [folder] [--vocabulary FILE] [--min-group N] [--min-theme-group N] [--label TEXT] [--allow-unreadable]
                [--config FILE] --out FILE.json [--force]
      An anonymous team digest to share for collation: counts of people per quarter, theme and
      team of at least --min-group people; a theme raised by fewer than --min-theme-group people
      (default 3) leaves only when it is an agreed theme of the vocabulary, for the whole group. Exits 2 when no quarter is large enough, or when a note
      could not be read (unless --allow-unreadable).`,
  options: { vocabulary: { type: 'string' }, 'min-group': { type: 'string' }, 'min-theme-group': { type: 'string' }, label: { type: 'string' }, out: { type: 'string' }, force: { type: 'boolean' }, 'allow-unreadable': { type: 'boolean' }, ...CONFIG_OPTION },
  async run({ values, positionals }, io) {
    if (positionals.length > 1) throw new UsageError('Give one notes folder.');
    if (!values.out) throw new UsageError('Say where to write the digest: --out FILE.json.');
    if (!values.out.toLowerCase().endsWith('.json')) throw new UsageError('A digest is a .json file: --out FILE.json.');
    const root = resolve(positionals[0] ?? '.');
    const found = rulesOrRefuse(root, values.config);
    const vocabulary = configuredVocabulary(values.vocabulary, found, root);
    const { pipeline, unread } = await readNotesFolder(root, io, false, scriptFor(found));
    // A digest short of a note would give the organisation a wrong count: only when asked, and then it says so.
    if (unread.length > 0 && !values['allow-unreadable']) throw new CommandRefusedError(msg('unread.digestRefused'));
    const minGroupSize = stricterGroup(minGroupOption(values['min-group']), found);
    const built = buildDigest(pipeline.index.all(), {
      today: io.today ?? today(), minGroupSize, minThemeGroup: stricterThemeGroup(minThemeGroupOption(values['min-theme-group']), found), label: values.label, vocabulary, sourceId: digestSourceId(root), notesNotRead: unread.length,
    });
    if ('refusal' in built) throw new CommandRefusedError(built.refusal);
    writeOutputFile(values.out, built.text, values.force ?? false);
    io.printError([...describeDigest(built), `Wrote ${values.out}`].join('\n'));
    return 0;
  },
});
