import { existsSync, readFileSync, statSync } from 'fs';
import { resolve } from 'path';
import { parseArgs } from 'util';
import { markdownToHtml, shareableCopy, themeRows, themesReport } from '../core/outputs';
import { decodeNoteBytes, Problem, today } from '../core/base';
import { BUILT_IN_SCRIPT } from '../core/note';
import { MAX_INDEXED_BYTES, validateBuiltSource } from '../core/workspace';
import { CliIo, indexFolder, readFolder, readNotesFolder } from './io';
import { OutputRefusedError, writeOutputFile } from './outputFile';
import { runCollate } from './collateCommand';
import { runDigest } from './digestCommand';
import { runInitOrg } from './initOrgCommand';
import { UsageError } from './usageError';
import { minGroupOption, vocabularyOption } from './vocabularyOption';

const USAGE = `Usage:
  growth validate [folder] [--json]
      Checks every growth note under the folder (default: the current folder). Prints
      file:line:column severity code message per problem; exits 1 when any is an error.
  growth themes [folder] [--since YYYY-MM-DD] [--json]
      Themes across people: distinct people, conversations, and whether it is a pattern.
  growth report [folder] [--since YYYY-MM-DD] [--names] [--min-group N] [--quotes] [--vocabulary FILE]
               [--out file.md|file.html [--force]]
      A themes report for collating with colleagues; anonymised unless --names. Groups under
      --min-group people (default 5, never below 3) are not shown; a smaller period is refused
      (exit 2). --quotes adds one line per person for patterns of at least 10 people.
  growth share <note> [--out file.md|file.html [--force]]
      The copy of a note to share with the person: nothing manager-only, no comments.
  growth digest [folder] [--vocabulary FILE] [--min-group N] [--label TEXT] [--allow-unreadable] --out FILE.json [--force]
      An anonymous team digest to share for collation: counts of people per quarter, theme and
      team of at least --min-group people. Exits 2 when no quarter is large enough, or when a note
      could not be read (unless --allow-unreadable).
  growth collate <digest files or folders...> [--quarter YYYY-Qn] [--vocabulary FILE] [--min-group N]
                 [--json] [--out report.md|report.html [--force]]
      Merges team digests into one report for the quarter (default: the latest). Digests that
      cannot be trusted are listed with the reason; exits 1 when none could be used.
  growth init-org [folder]
      Writes an org repository: digests/, growth-themes.yaml, a README for managers, CI examples.
  --out never replaces a growth note, and replaces another existing file only with --force.`;

const PATTERN_THRESHOLD = 2;

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

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    (command ? io.print : io.printError)(USAGE);
    return command ? 0 : 2;
  }
  try {
    if (command === 'digest') return await runDigest(rest, io);
    if (command === 'collate') return runCollate(rest, io);
    if (command === 'init-org') return runInitOrg(rest, io);
    const { values, positionals } = parseArgs({
      args: [...rest],
      allowPositionals: true,
      options: { json: { type: 'boolean' }, since: { type: 'string' }, names: { type: 'boolean' }, out: { type: 'string' }, force: { type: 'boolean' }, 'min-group': { type: 'string' }, quotes: { type: 'boolean' }, vocabulary: { type: 'string' } },
    });
    if (positionals.length > 1) throw new UsageError('Give one folder or note.');
    if (values.since !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(values.since)) throw new UsageError('--since takes a date as YYYY-MM-DD.');
    switch (command) {
      case 'validate': return await validate(folderArgument(positionals[0]), values.json ?? false, io);
      case 'themes': return await themes(folderArgument(positionals[0]), values.since, values.json ?? false, io);
      case 'report': return await report(folderArgument(positionals[0]), values.since, values.names ?? false, { path: values.out, force: values.force ?? false }, io,
        { minGroupSize: minGroupOption(values['min-group']), includeQuotes: values.quotes ?? false, vocabularyPath: values.vocabulary });
      case 'share': return share(positionals[0], { path: values.out, force: values.force ?? false }, io);
      default: throw new UsageError(`Unknown command "${command}".`);
    }
  } catch (error) {
    if (error instanceof OutputRefusedError || error instanceof ShareRefusedError) {
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

function folderArgument(argument: string | undefined): string {
  const root = resolve(argument ?? '.');
  if (!existsSync(root) || !statSync(root).isDirectory()) throw new UsageError(`"${argument ?? '.'}" is not a folder.`);
  return root;
}

async function validate(root: string, json: boolean, io: CliIo): Promise<number> {
  const { pipeline, texts } = await readFolder(root, io, true);
  const problems = validateBuiltSource(pipeline, texts).flatMap(({ path, problems }) => problems.map(p => toCliProblem(path, p)));
  if (json) io.print(JSON.stringify(problems, null, 2));
  else for (const p of problems) io.print(`${p.file}:${p.line}:${p.column} ${p.severity} ${p.code} ${p.message}`);
  return problems.some(p => p.severity === 'error') ? 1 : 0;
}

async function themes(root: string, since: string | undefined, json: boolean, io: CliIo): Promise<number> {
  const rows = themeRows(await indexFolder(root, io), { today: io.today ?? today(), since, includeNames: false, patternThreshold: PATTERN_THRESHOLD })
    .filter(row => row.people > 0);
  if (json) io.print(JSON.stringify(rows.map(r => ({ theme: r.theme, people: r.people, conversations: r.conversations, pattern: r.pattern })), null, 2));
  else {
    const width = Math.max(5, ...rows.map(r => r.theme.length));
    io.print(`${'theme'.padEnd(width)}  people  conversations  pattern`);
    for (const r of rows) io.print(`${r.theme.padEnd(width)}  ${String(r.people).padStart(6)}  ${String(r.conversations).padStart(13)}  ${r.pattern ? 'yes' : ''}`);
  }
  return 0;
}

/** The report's privacy options from the command line. */
interface ReportPrivacy {
  readonly minGroupSize?: number;
  readonly includeQuotes: boolean;
  readonly vocabularyPath?: string;
}

async function report(root: string, since: string | undefined, names: boolean, out: OutputTarget, io: CliIo, privacy: ReportPrivacy): Promise<number> {
  const vocabulary = vocabularyOption(privacy.vocabularyPath, root);
  const { pipeline, texts, unread } = await readNotesFolder(root, io, true);
  const lines = new Map<string, string[]>();
  const lineText = (path: string, line: number) => {
    if (!lines.has(path)) lines.set(path, (texts.get(path) ?? '').split(/\r?\n/));
    return lines.get(path)?.[line];
  };
  const result = themesReport(pipeline.index, {
    today: io.today ?? today(), since, includeNames: names, patternThreshold: PATTERN_THRESHOLD, lineText,
    minGroupSize: privacy.minGroupSize, includeQuotes: privacy.includeQuotes, vocabulary, unreadNotes: unread,
  });
  if ('refusal' in result) throw new OutputRefusedError(result.refusal);
  return write(result.markdown, 'Themes report', out, io);
}

/** A note that cannot be shared safely: the CLI says why and exits 1. */
class ShareRefusedError extends Error {}

function share(notePath: string | undefined, out: OutputTarget, io: CliIo): number {
  if (!notePath) throw new UsageError('Name the note to share.');
  const full = resolve(notePath);
  if (!existsSync(full) || !statSync(full).isFile()) throw new UsageError(`"${notePath}" is not a file.`);
  if (statSync(full).size > MAX_INDEXED_BYTES) throw new ShareRefusedError(`"${notePath}" is larger than ${MAX_INDEXED_BYTES / 1024 / 1024} MB, so it is not read as a note. Nothing was shared.`);
  const decoded = decodeNoteBytes(readFileSync(full));
  if ('problem' in decoded) throw new ShareRefusedError(`${decoded.problem.message} Nothing was shared.`);
  const copy = shareableCopy(decoded.text, { privateFields: [], privateSections: [], script: BUILT_IN_SCRIPT });
  if ('refused' in copy) throw new ShareRefusedError(`${copy.refused} Nothing was shared.`);
  if (copy.removed.length > 0) io.printError(`Left out: ${copy.removed.join(', ')}.`);
  return write(copy.text, 'Growth conversation', out, io);
}

/** Where `--out` asked for the output; `force` allows replacing a file that is not a note. */
interface OutputTarget {
  readonly path?: string;
  readonly force: boolean;
}

function write(markdown: string, title: string, out: OutputTarget, io: CliIo): number {
  if (!out.path) {
    io.print(markdown);
    return 0;
  }
  writeOutputFile(out.path, out.path.toLowerCase().endsWith('.html') ? markdownToHtml(markdown, title) : markdown, out.force);
  io.printError(`Wrote ${out.path}`);
  return 0;
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
  runCli(process.argv.slice(2), { print: text => console.log(text), printError: text => console.error(text), errorIsTerminal: process.stderr.isTTY })
    .then(code => { process.exitCode = code; }, error => {
      console.error(error instanceof Error ? error.message : error);
      process.exitCode = 2;
    });
}
