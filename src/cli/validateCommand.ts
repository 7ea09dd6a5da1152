import { relative } from 'path';
import { Problem, Range, Severity } from '../core/base';
import { validateBuiltSource } from '../core/workspace';
import { CONFIG_OPTION, defineCommand } from './command';
import { readFolder, readRules, scriptFor, noGrowthNotes } from './io';
import { retentionProblems } from './retention';
import { storeNameProblems } from './storeNames';
import { resolveTargets } from './targets';

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

/** `growth validate [folders, notes or patterns…] [--json] [--config FILE]`: problems in the notes and in their configuration. */
export const validateCommand = defineCommand({
  name: 'validate',
  usage: `  growth validate [folder | note | pattern ...] [--json] [--config FILE]
      Checks every growth note under the folders (default: the current folder), the notes named, and
      the notes a quoted pattern matches ("notes/**/*.md"); files .gitignore lists are passed over
      unless named. Prints file:line:column severity code message per problem; exits 1 when any is
      an error.`,
  options: { json: { type: 'boolean' }, ...CONFIG_OPTION },
  async run({ values, positionals }, io) {
    const targets = resolveTargets(positionals, process.cwd());
    const root = targets.root;
    const found = readRules(root, values.config);
    // A configuration with problems is listed first; its well-formed values (the script) still apply.
    const configProblems = found.file ? (found.reading?.problems ?? []).map(p => toCliProblem(relative(root, found.file ?? '').split('\\').join('/'), p)) : [];
    // The whole folder is read, so links between notes (`previous`) and usual spellings resolve; only the notes asked for are reported.
    const { pipeline, texts } = await readFolder(root, io, true, scriptFor(found));
    const notes = [...pipeline.index.all()].filter(note => targets.includes(note.path));
    const checked = [
      ...validateBuiltSource(pipeline, texts),
      ...storeNameProblems(root, notes).map(({ path, problem }) => ({ path, problems: [problem] })),
      ...retentionProblems(notes, texts, found.reading?.config.keepMonths, io.today).map(({ path, problem }) => ({ path, problems: [problem] })),
    ].filter(({ path }) => targets.includes(path));
    const problems = [...configProblems, ...checked.flatMap(({ path, problems }) => problems.map(p => toCliProblem(targets.shown(path), p)))];
    // A wrong folder would otherwise pass silently: nothing found to check is a usage error, as docs/cli.md says.
    if (notes.length === 0 && problems.length === 0) throw noGrowthNotes(positionals.join(' ') || root);
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
