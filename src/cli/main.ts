import { version } from '../../package.json';
import { accessCommand } from './accessCommand';
import { calendarCommand } from './calendarCommand';
import { CliCommand } from './command';
import { collateCommand } from './collateCommand';
import { digestCommand } from './digestCommand';
import { filterCommand } from './filterCommand';
import { forgetCommand } from './forgetCommand';
import { handoverCommand } from './handoverCommand';
import { initOrgCommand } from './initOrgCommand';
import { CliIo, CommandRefusedError } from './io';
import { OutputRefusedError } from './outputFile';
import { prereadCommand } from './prereadCommand';
import { protectCommand } from './protectCommand';
import { reportCommand } from './reportCommand';
import { ShareRefusedError, shareCommand } from './shareCommand';
import { themesCommand } from './themesCommand';
import { UsageError } from './usageError';
import { validateCommand } from './validateCommand';

export type { CliProblem } from './validateCommand';

/** Every command of the CLI, in the order `growth --help` lists them. */
export const COMMANDS: readonly CliCommand[] = [validateCommand, themesCommand, reportCommand, shareCommand, prereadCommand, calendarCommand, digestCommand, collateCommand, initOrgCommand, protectCommand, accessCommand, handoverCommand, forgetCommand, filterCommand];

const USAGE = `Usage:
  growth --version
      Prints the version of growth-conversations this command comes from.
${COMMANDS.filter(command => !command.hidden).map(command => command.usage).join('\n')}
  --config FILE uses that configuration instead of the growth.config.json found from the folder upwards.
  --out never replaces a growth note, and replaces another existing file only with --force.`;

const HELP = new Set(['--help', '-h', 'help']);

/** Runs one command line; resolves to the exit code: 0 done, 1 refused or found errors, 2 a usage or configuration problem. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === '--version' || name === '-v') {
    io.print(version);
    return 0;
  }
  if (name === undefined || HELP.has(name)) {
    (name ? io.print : io.printError)(USAGE);
    return name ? 0 : 2;
  }
  try {
    const command = COMMANDS.find(known => known.name === name);
    if (!command) throw new UsageError(`Unknown command "${name}".`);
    if (rest.includes('--help') || rest.includes('-h')) {
      io.print(`Usage:\n${command.usage}`);
      return 0;
    }
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof OutputRefusedError || error instanceof CommandRefusedError || error instanceof ShareRefusedError) {
      io.printError(error.message);
      return error instanceof ShareRefusedError ? 1 : 2;
    }
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.printError(`${(error as Error).message}\n\n${USAGE}`);
      return 2;
    }
    throw error;
  }
}

if (require.main === module) {
  runCli(process.argv.slice(2), { print: text => console.log(text), printError: text => console.error(text), errorIsTerminal: process.stderr.isTTY })
    .then(code => { process.exitCode = code; }, error => {
      console.error(error instanceof Error ? error.message : error);
      process.exitCode = 2;
    });
}
