import { themeRows } from '../core/outputs';
import { today } from '../core/base';
import { CONFIG_OPTION, defineCommand, onePositional, sinceOption } from './command';
import { folderArgument, indexFolder, rulesOrRefuse, scriptFor } from './io';

/** `growth themes [folder] [--since YYYY-MM-DD] [--json] [--config FILE]`: themes across people, as a table or JSON. */
export const themesCommand = defineCommand({
  name: 'themes',
  usage: `  growth themes [folder] [--since YYYY-MM-DD] [--json] [--config FILE]
      Themes across people: distinct people, conversations, and whether it is a pattern.`,
  options: { since: { type: 'string' }, json: { type: 'boolean' }, ...CONFIG_OPTION },
  async run({ values, positionals }, io) {
    const given = onePositional(positionals);
    const since = sinceOption(values.since);
    const root = folderArgument(given);
    const found = rulesOrRefuse(root, values.config);
    const rows = themeRows(await indexFolder(root, io, scriptFor(found)), {
      today: io.today ?? today(), since, includeNames: false, patternThreshold: found.rules.patternThreshold,
    }).filter(row => row.people > 0);
    if (values.json) io.print(JSON.stringify(rows.map(r => ({ theme: r.theme, people: r.people, conversations: r.conversations, pattern: r.pattern })), null, 2));
    else {
      const width = Math.max(5, ...rows.map(r => r.theme.length));
      io.print(`${'theme'.padEnd(width)}  people  conversations  pattern`);
      for (const r of rows) io.print(`${r.theme.padEnd(width)}  ${String(r.people).padStart(6)}  ${String(r.conversations).padStart(13)}  ${r.pattern ? 'yes' : ''}`);
    }
    return 0;
  },
});
