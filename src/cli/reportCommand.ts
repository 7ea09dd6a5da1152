import { themesReport } from '../core/outputs';
import { analyzeNote, Note, quotableLine } from '../core/note';
import { today } from '../core/base';
import { CONFIG_OPTION, defineCommand, onePositional, sinceOption } from './command';
import { CommandRefusedError, folderArgument, readNotesFolder, rulesOrRefuse, scriptFor, stricterGroup, stricterThemeGroup, writeOutput } from './io';
import { configuredVocabulary, minGroupOption, minThemeGroupOption } from './vocabularyOption';

/** `growth report [folder] …`: the themes report, anonymised unless `--names`, under the configuration's group sizes. */
export const reportCommand = defineCommand({
  name: 'report',
  usage: `  growth report [folder] [--since YYYY-MM-DD] [--names] [--min-group N] [--min-theme-group N] [--quotes]
               [--vocabulary FILE] [--config FILE] [--out file.md|file.html [--force]]
      A themes report for collating with colleagues; anonymised unless --names. Groups under
      --min-group people (default 5, never below 3) are not shown; a smaller period is refused
      (exit 2). A theme shows on its own once --min-theme-group people raised it (default 3, never
      below 2). --quotes adds one line per person for patterns of at least 10 people.`,
  options: {
    since: { type: 'string' }, names: { type: 'boolean' }, 'min-group': { type: 'string' }, 'min-theme-group': { type: 'string' }, quotes: { type: 'boolean' }, vocabulary: { type: 'string' },
    out: { type: 'string' }, force: { type: 'boolean' }, ...CONFIG_OPTION,
  },
  async run({ values, positionals }, io) {
    const given = onePositional(positionals);
    const since = sinceOption(values.since);
    const root = folderArgument(given);
    const asked = minGroupOption(values['min-group']);
    const askedThemes = minThemeGroupOption(values['min-theme-group']);
    const found = rulesOrRefuse(root, values.config);
    const vocabulary = configuredVocabulary(values.vocabulary, found, root);
    const script = scriptFor(found);
    const { pipeline, texts, unread } = await readNotesFolder(root, io, true, script);
    // Quotes come from the note model: only the visible text of a shared block is ever quoted.
    const notes = new Map<string, Note>();
    const lineText = (path: string, line: number) => {
      if (!notes.has(path)) notes.set(path, analyzeNote(texts.get(path) ?? '', script).note);
      const note = notes.get(path);
      return note && quotableLine(note, line);
    };
    const result = themesReport(pipeline.index, {
      today: io.today ?? today(), since, includeNames: values.names ?? false, patternThreshold: found.rules.patternThreshold, lineText,
      minGroupSize: stricterGroup(asked, found), minQuoteGroup: found.rules.report.minimumQuoteGroup, minThemeGroup: stricterThemeGroup(askedThemes, found), includeQuotes: values.quotes ?? false, vocabulary, unreadNotes: unread,
    });
    if ('refusal' in result) throw new CommandRefusedError(result.refusal);
    return writeOutput(result.markdown, 'Themes report', { path: values.out, force: values.force ?? false }, io);
  },
});
