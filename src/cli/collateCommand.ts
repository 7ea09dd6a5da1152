import { readdirSync, statSync } from 'fs';
import { join, resolve } from 'path';
import { collateDigests, collationHtml, collationMarkdown, DigestFile, MAX_DIGEST_BYTES } from '../core/outputs';
import { isSkippedFolder, msg, readFailure, today } from '../core/base';
import { defineCommand } from './command';
import { readRegularFileSync } from './regularFile';
import { writeOutputFile } from './outputFile';
import { UsageError } from './usageError';
import { minGroupOption, minThemeGroupOption, vocabularyOption } from './vocabularyOption';

/**
 * Every .json file named or under a named folder, named as the argument was typed plus the path
 * inside the folder. Only regular files are read (a pipe or device is listed as rejected, never waited
 * on), and a file over the size cap is rejected unread. Each is read when the collation asks for it,
 * and again only if a newer digest from the same notes replaces it, so a thousand digests are never all
 * in memory.
 */
export function* digestFiles(targets: readonly string[]): Generator<DigestFile> {
  const found: { full: string; name: string }[] = [];
  const walk = (folder: string, typed: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const full = join(folder, entry.name);
      if (entry.isDirectory() && !isSkippedFolder(entry.name)) walk(full, join(typed, entry.name));
      // Links and special files named .json are passed on: the read says what each is.
      else if (!entry.isDirectory() && entry.name.toLowerCase().endsWith('.json')) found.push({ full, name: join(typed, entry.name) });
    }
  };
  for (const target of targets) {
    const full = resolve(target);
    let stat;
    try {
      stat = statSync(full);
    } catch {
      throw new UsageError(`"${target}" does not exist.`);
    }
    if (stat.isDirectory()) walk(full, target);
    else found.push({ full, name: target });
  }
  for (const { full, name } of found) yield digestFile(full, name);
}

/** One digest as the collation reads it: its text, or why it was not read. */
function digestFile(full: string, name: string): DigestFile {
  const reread = () => readRegularFileSync(full, MAX_DIGEST_BYTES).toString('utf8');
  try {
    return { file: name, text: reread(), reread };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const unreadable = code === 'EFBIG' ? msg('collate.tooLarge', MAX_DIGEST_BYTES / 1024) : code === 'EFTYPE' ? msg('skip.special') : readFailure(code);
    return { file: name, text: '', unreadable };
  }
}

/** `growth collate <digest files or folders…> [--quarter YYYY-Qn] [--vocabulary FILE] [--min-group N] [--json] [--out report.md|report.html]` */
export const collateCommand = defineCommand({
  name: 'collate',
  usage: `  growth collate <digest files or folders...> [--quarter YYYY-Qn] [--vocabulary FILE] [--min-group N]
                 [--min-theme-group N] [--json] [--out report.md|report.html [--force]]
      Merges team digests into one report for the quarter (default: the latest). Digests that
      cannot be trusted are listed with the reason; exits 1 when none could be used. A theme shows
      once --min-theme-group people raised it across the digests (default 3, never below 2).`,
  options: { quarter: { type: 'string' }, vocabulary: { type: 'string' }, 'min-group': { type: 'string' }, 'min-theme-group': { type: 'string' }, json: { type: 'boolean' }, out: { type: 'string' }, force: { type: 'boolean' } },
  run({ values, positionals }, io) {
    if (positionals.length === 0) throw new UsageError('Name the digest files or folders to collate.');
    if (values.quarter !== undefined && !/^\d{4}-Q[1-4]$/.test(values.quarter)) throw new UsageError('--quarter takes a quarter as YYYY-Qn, for example 2026-Q4.');
    const vocabulary = vocabularyOption(values.vocabulary, undefined);
    const detail = collateDigests(digestFiles(positionals), {
      quarter: values.quarter, minGroupSize: minGroupOption(values['min-group']), minThemeGroup: minThemeGroupOption(values['min-theme-group']), vocabulary, today: io.today ?? today(),
    });
    for (const rejection of detail.collation.rejected) io.printError(`Not used: ${rejection.file}: ${rejection.reason}.`);
    for (const entry of detail.collation.superseded) io.printError(`${msg('collate.supersededLine', entry.file, entry.quarters.join(', '), entry.by)}.`);
    if (values.json) io.print(JSON.stringify(detail.collation, null, 2));
    if (values.out) {
      const html = values.out.toLowerCase().endsWith('.html');
      writeOutputFile(values.out, html ? collationHtml(detail) : collationMarkdown(detail), values.force ?? false);
      io.printError(`Wrote ${values.out}`);
    } else if (!values.json) io.print(collationMarkdown(detail));
    return detail.collation.sources === 0 ? 1 : 0;
  },
});
