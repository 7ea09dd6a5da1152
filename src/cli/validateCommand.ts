import { relative } from 'path';
import { Problem, Range, Severity } from '../core/base';
import { validateBuiltSource } from '../core/workspace';
import { CONFIG_OPTION, defineCommand, onePositional } from './command';
import { folderArgument, readFolder, readRules, scriptFor, noGrowthNotes } from './io';
import { retentionProblems } from './retention';
import { storeNameProblems } from './storeNames';

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

/** `growth validate [folder] [--json] [--config FILE]`: problems in the notes and in their configuration. */
export const validateCommand = defineCommand({
  name: 'validate',
  usage: `  growth validate [folder] [--json] [--config FILE]
      Checks every growth note under the folder (default: the current folder). Prints
      file:line:column severity code message per problem; exits 1 when any is an error.`,
  options: { json: { type: 'boolean' }, ...CONFIG_OPTION },
  async run({ values, positionals }, io) {
    const root = folderArgument(onePositional(positionals));
    const found = readRules(root, values.config);
    // A configuration with problems is listed first; its well-formed values (the script) still apply.
    const configProblems = found.file ? (found.reading?.problems ?? []).map(p => toCliProblem(relative(root, found.file ?? '').split('\\').join('/'), p)) : [];
    const { pipeline, texts } = await readFolder(root, io, true, scriptFor(found));
    const problems = [...configProblems, ...validateBuiltSource(pipeline, texts).flatMap(({ path, problems }) => problems.map(p => toCliProblem(path, p))),
      ...storeNameProblems(root, pipeline.index.all()).map(({ path, problem }) => toCliProblem(path, problem)),
      ...retentionProblems(pipeline.index.all(), texts, found.reading?.config.keepMonths, io.today).map(({ path, problem }) => toCliProblem(path, problem))];
    // A wrong folder would otherwise pass silently: nothing found to check is a usage error, as the README says.
    if (pipeline.index.size === 0 && problems.length === 0) throw noGrowthNotes(root);
    if (values.json) io.print(JSON.stringify(problems, null, 2));
    else for (const p of problems) io.print(`${p.file}:${p.line}:${p.column} ${p.severity} ${p.code} ${p.message}`);
    return problems.some(p => p.severity === 'error') ? 1 : 0;
  },
});

function toCliProblem(file: string, p: { readonly range: Range; readonly severity: Severity; readonly code: string; readonly message: string }): CliProblem {
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
