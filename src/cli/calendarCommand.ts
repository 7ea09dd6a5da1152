import { today } from '../core/base';
import { calendarEvents, calendarFile } from '../core/outputs';
import { CONFIG_OPTION, defineCommand, onePositional } from './command';
import { folderArgument, indexFolder, rulesOrRefuse, scriptFor } from './io';
import { writeOutputFile } from './outputFile';

/** `growth calendar [folder] [--out growth.ics [--force]] [--manager NAME]`: next conversations and due actions as iCalendar. */
export const calendarCommand = defineCommand({
  name: 'calendar',
  usage: `  growth calendar [folder] [--out growth.ics [--force]] [--manager NAME] [--config FILE]
      Next conversations and open actions with a due date, as all-day events to import into a calendar.
      An action's title names only the person; its owner is said only when it is you (--manager) or them.`,
  options: { out: { type: 'string' }, force: { type: 'boolean' }, manager: { type: 'string' }, ...CONFIG_OPTION },
  async run({ values, positionals }, io) {
    const root = folderArgument(onePositional(positionals));
    const found = rulesOrRefuse(root, values.config);
    const index = await indexFolder(root, io, scriptFor(found));
    const events = calendarEvents(index.all(), { today: io.today ?? today(), manager: values.manager });
    const text = calendarFile(events, Date.now());
    if (!values.out) {
      io.print(text);
      return 0;
    }
    writeOutputFile(values.out, text, values.force ?? false);
    io.printError(`Wrote ${values.out}: ${events.length} ${events.length === 1 ? 'event' : 'events'}.`);
    return 0;
  },
});
