import { existsSync, readFileSync, statSync } from 'fs';
import { dirname, isAbsolute, join, relative, resolve } from 'path';
import { markdownToHtml } from '../core/outputs';
import { decodeNoteBytes } from '../core/base';
import { BUILT_IN_SCRIPT, ConfigReading, GROWTH_CONFIG_FILE, MAX_CONFIG_BYTES, parseGrowthConfig, parseQuestionScript, QuestionScript, withReadingRules, withSeniorLeader } from '../core/note';
import { EffectiveRules, effectiveRules } from '../core/privacy';
import { MAX_INDEXED_BYTES, NotePipeline, unreadNotes, unreadNotesLine, WorkspaceIndex } from '../core/workspace';
import { nodeNoteSource } from './nodeNoteSource';
import { writeOutputFile } from './outputFile';
import { UsageError } from './usageError';

/** Where a command prints, and what it knows of the terminal: every command's one way out. */
export interface CliIo {
  print(text: string): void;
  printError(text: string): void;
  /** Whether stderr is a terminal: progress lines go there only then. */
  readonly errorIsTerminal?: boolean;
  readonly today?: string;
}

/** Something a command cannot make, said in a sentence: the CLI prints it and exits 2. */
export class CommandRefusedError extends Error {}

const PROGRESS_FROM_FILES = 2000;
// Only to show the progress line on a terminal; otherwise the CLI never yields.
const PROGRESS_SLICE_MS = 250;

/**
 * Reads a folder through the editor's per-file pipeline, without its yielding (nobody is typing
 * here) and with blocking reads; with `keepTexts` the texts read are kept, so nothing is read twice.
 */
export async function readFolder(root: string, io: CliIo, keepTexts: boolean, script: QuestionScript = BUILT_IN_SCRIPT) {
  let lastShown = 0;
  const pipeline = new NotePipeline(nodeNoteSource(root, { blocking: true }), {
    script,
    sliceMs: io.errorIsTerminal ? PROGRESS_SLICE_MS : Infinity,
    concurrency: 64,
    keepTexts,
    onProgress: (done, total) => {
      if (!io.errorIsTerminal || total < PROGRESS_FROM_FILES || done - lastShown < 1000) return;
      lastShown = done;
      io.printError(`Reading notes: ${done} of ${total}`);
    },
  });
  const { texts } = await pipeline.build();
  return { pipeline, texts, unread: unreadNotes(pipeline.skipped) };
}

/** The usage error (exit 2) for a folder without any growth note. */
export function noGrowthNotes(root: string): UsageError {
  return new UsageError(`No growth notes in "${root}". A growth note is a Markdown file whose frontmatter says type: growth-conversation.`);
}

/**
 * Reads a folder's notes; a folder without any growth note is a usage error (exit 2). Notes that could
 * not be read are named on stderr ("1 note could not be read: a.md"), never dropped without a word.
 */
export async function readNotesFolder(root: string, io: CliIo, keepTexts = false, script?: QuestionScript) {
  const folder = await readFolder(root, io, keepTexts, script);
  const unread = unreadNotes(folder.pipeline.skipped);
  if (unread.length > 0) io.printError(unreadNotesLine(unread, true));
  if (folder.pipeline.index.size === 0) throw noGrowthNotes(root);
  return folder;
}

/** Indexes a folder's notes; a folder without any growth note is a usage error (exit 2). */
export async function indexFolder(root: string, io: CliIo, script?: QuestionScript): Promise<WorkspaceIndex> {
  return (await readNotesFolder(root, io, false, script)).pipeline.index;
}

/** The folder a command was given (the current folder by default); anything else is a usage error. */
export function folderArgument(argument: string | undefined): string {
  const root = resolve(argument ?? '.');
  if (!existsSync(root) || !statSync(root).isDirectory()) throw new UsageError(`"${argument ?? '.'}" is not a folder.`);
  return root;
}

/** A note's text, read as the editor would; `refuse` says why it cannot be (too large, not text). */
export function readNoteFile(notePath: string, refuse: (reason: string) => Error): string {
  const full = resolve(notePath);
  if (!existsSync(full) || !statSync(full).isFile()) throw new UsageError(`"${notePath}" is not a file.`);
  if (statSync(full).size > MAX_INDEXED_BYTES) throw refuse(`"${notePath}" is larger than ${MAX_INDEXED_BYTES / 1024 / 1024} MB, so it is not read as a note.`);
  const decoded = decodeNoteBytes(readFileSync(full));
  if ('problem' in decoded) throw refuse(decoded.problem.message);
  return decoded.text;
}

/** Where `--out` asked for the output; `force` allows replacing a file that is not a note. */
export interface OutputTarget {
  readonly path?: string;
  readonly force: boolean;
}

/** Prints the Markdown, or writes it to `--out` (as a page when the name ends in .html). */
export function writeOutput(markdown: string, title: string, out: OutputTarget, io: CliIo): number {
  if (!out.path) {
    io.print(markdown);
    return 0;
  }
  writeOutputFile(out.path, out.path.toLowerCase().endsWith('.html') ? markdownToHtml(markdown, title) : markdown, out.force);
  io.printError(`Wrote ${out.path}`);
  return 0;
}

/** The rules a command applies: the configuration found for it, read and merged with the defaults. */
export interface CliRules {
  readonly rules: EffectiveRules;
  /** The configuration file used, if any; its paths are relative to its folder. */
  readonly file?: string;
  /** The folder the configuration's paths start from: its own, or where the lookup started. */
  readonly base: string;
  readonly reading?: ConfigReading;
}

/**
 * growth.config.json for a folder: `--config FILE` when given, else the first found walking up from
 * `start`, stopping at the repository root (a folder holding `.git`) or the filesystem root.
 */
export function findConfigFile(start: string, given: string | undefined): string | undefined {
  if (given !== undefined) {
    const full = resolve(given);
    if (!existsSync(full) || !statSync(full).isFile()) throw new UsageError(`The configuration "${given}" does not exist.`);
    return full;
  }
  for (let folder = resolve(start); ; folder = dirname(folder)) {
    const candidate = join(folder, GROWTH_CONFIG_FILE);
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
    if (existsSync(join(folder, '.git')) || dirname(folder) === folder) return undefined;
  }
}

/** Reads the configuration for a folder. Its problems are returned, not thrown: `validate` lists them. */
export function readRules(start: string, given: string | undefined): CliRules {
  const file = findConfigFile(start, given);
  if (!file) return { rules: effectiveRules(undefined).rules, base: resolve(start) };
  // Too large to be a configuration: not read at all, and reported as such.
  const text = statSync(file).size > MAX_CONFIG_BYTES ? ' '.repeat(MAX_CONFIG_BYTES + 1) : readFileSync(file, 'utf8');
  const reading = parseGrowthConfig(text);
  return { rules: effectiveRules(reading.config).rules, file, base: dirname(file), reading };
}

/**
 * The rules for a command that makes or reads something: a configuration with any problem is
 * refused with its problems (exit 2), so nothing is made under rules that were not meant.
 */
export function rulesOrRefuse(start: string, given: string | undefined): CliRules {
  const found = readRules(start, given);
  const problems = found.reading?.problems ?? [];
  if (found.file && problems.length > 0) {
    // As typed from here when it is below the current folder, else in full.
    const below = relative(process.cwd(), found.file);
    const shown = below.startsWith('..') || isAbsolute(below) ? found.file : below;
    throw new CommandRefusedError(`The configuration "${shown}" has problems; fix them first:\n${problems
      .map(p => `  ${shown}:${p.range.start.line + 1}:${p.range.start.character + 1} ${p.message}`).join('\n')}`);
  }
  return found;
}

/** The question script the rules name (built-in otherwise), with the configured senior leader's title. */
export function scriptFor(found: CliRules): QuestionScript {
  return withReadingRules(questionScriptFor(found), found.rules.share);
}

function questionScriptFor(found: CliRules): QuestionScript {
  const path = found.rules.questionScriptPath;
  if (!path) return withSeniorLeader(BUILT_IN_SCRIPT, found.rules.seniorLeaderTitle);
  const full = resolve(found.base, path);
  if (!existsSync(full) || !statSync(full).isFile()) throw new CommandRefusedError(`The question script "${path}" was not found.`);
  const parsed = parseQuestionScript(readFileSync(full, 'utf8'));
  if ('error' in parsed) throw new CommandRefusedError(`The question script "${path}" is not valid: ${parsed.error}.`);
  return withSeniorLeader(parsed.script, found.rules.seniorLeaderTitle);
}

/**
 * The minimum group size for `--min-group N` under a configuration: the larger of the two when both
 * say one, else whichever does; undefined leaves the output's own default (5).
 */
export function stricterGroup(asked: number | undefined, found: CliRules): number | undefined {
  const values = [asked, found.reading?.config.minimumGroupSize].filter((value): value is number => value !== undefined);
  return values.length > 0 ? Math.max(...values) : undefined;
}

/** The theme minimum for `--min-theme-group N` under a configuration, as `stricterGroup` (undefined: the default, 3). */
export function stricterThemeGroup(asked: number | undefined, found: CliRules): number | undefined {
  const values = [asked, found.reading?.config.minimumThemeGroup].filter((value): value is number => value !== undefined);
  return values.length > 0 ? Math.max(...values) : undefined;
}
