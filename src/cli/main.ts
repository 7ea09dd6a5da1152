import { existsSync, statSync } from 'fs';
import { resolve } from 'path';
import { Problem } from '../core/problem';
import { validateFiles } from '../core/workspaceValidation';
import { readMarkdownFiles } from './noteFiles';

const USAGE = `Usage: growth validate [folder] [--json]

Checks every growth conversation note under the folder (default: the current folder).
Prints one line per problem, file:line:column severity code message, and exits 1 when
any problem is an error. --json prints the problems as a JSON array instead.`;

/** One problem, as the CLI prints it: 1-based lines and columns, the file relative to the folder. */
export interface CliProblem {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: Problem['severity'];
  code: string;
  message: string;
}

export function runCli(argv: readonly string[], print: (text: string) => void, printError: (text: string) => void): number {
  const [command, ...rest] = argv;
  if (command === '--help' || command === '-h' || command === 'help') {
    print(USAGE);
    return 0;
  }
  if (command !== 'validate') {
    printError(command ? `Unknown command "${command}".\n\n${USAGE}` : USAGE);
    return 2;
  }
  const json = rest.includes('--json');
  const unknownFlag = rest.find(arg => arg.startsWith('-') && arg !== '--json');
  const folders = rest.filter(arg => !arg.startsWith('-'));
  if (unknownFlag || folders.length > 1) {
    printError(unknownFlag ? `Unknown option "${unknownFlag}".\n\n${USAGE}` : USAGE);
    return 2;
  }
  const root = resolve(folders[0] ?? '.');
  if (!existsSync(root) || !statSync(root).isDirectory()) {
    printError(`"${folders[0] ?? '.'}" is not a folder.`);
    return 2;
  }
  const problems = validateFiles(readMarkdownFiles(root)).flatMap(({ path, problems }) => problems.map(p => toCliProblem(path, p)));
  if (json) print(JSON.stringify(problems, null, 2));
  else for (const p of problems) print(`${p.file}:${p.line}:${p.column} ${p.severity} ${p.code} ${p.message}`);
  return problems.some(p => p.severity === 'error') ? 1 : 0;
}

function toCliProblem(file: string, p: Problem): CliProblem {
  return {
    file,
    line: p.range.start.line + 1,
    column: p.range.start.character + 1,
    endLine: p.range.end.line + 1,
    endColumn: p.range.end.character + 1,
    severity: p.severity,
    code: p.code,
    message: p.message,
  };
}

if (require.main === module) {
  process.exitCode = runCli(process.argv.slice(2), text => console.log(text), text => console.error(text));
}
