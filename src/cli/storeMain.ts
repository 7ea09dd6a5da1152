import { accessCommand } from './accessCommand';
import { CliCommand } from './command';
import { filterCommand } from './filterCommand';
import { handoverCommand } from './handoverCommand';
import { CommandRefusedError } from './io';
import { protectCommand } from './protectCommand';
import { UsageError } from './usageError';

/**
 * The store's own small program, `dist/store.js`, shipped in the .vsix (which does not carry the CLI):
 * **Growth: Protect Notes Repository** runs its `protect`, and git runs its `filter`; **Growth: Export
 * Everything About…** its `access` and **Growth: Hand Over to a New Manager…** its `handover`. The same
 * commands as `growth protect`, `filter`, `access` and `handover`, so either program serves a repository.
 */
const STORE_COMMANDS: readonly CliCommand[] = [protectCommand, filterCommand, accessCommand, handoverCommand];

async function main(argv: readonly string[]): Promise<number> {
  const [name, ...rest] = argv;
  const command = STORE_COMMANDS.find(known => known.name === name);
  const io = { print: (text: string) => console.log(text), printError: (text: string) => console.error(text) };
  if (!command) {
    io.printError(`Usage:\n${protectCommand.usage}`);
    return 2;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof CommandRefusedError || error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.printError((error as Error).message);
      return 2;
    }
    throw error;
  }
}

main(process.argv.slice(2)).then(code => { process.exitCode = code; }, error => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 2;
});
