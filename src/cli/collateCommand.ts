import { readdirSync, readFileSync, statSync } from 'fs';
import { join, resolve } from 'path';
import { collateDigests, collationHtml, collationMarkdown, DigestFile, MAX_DIGEST_BYTES } from '../core/outputs';
import { isSkippedFolder, today } from '../core/base';
import { defineCommand } from './command';
import { writeOutputFile } from './outputFile';
import { UsageError } from './usageError';
import { minGroupOption, vocabularyOption } from './vocabularyOption';

/**
 * Every .json file named or under a named folder, named as the argument was typed plus the path
 * inside the folder; an oversized file is passed on unread, so it is listed as rejected.
 */
export function* digestFiles(targets: readonly string[]): Generator<DigestFile> {
  const found: { full: string; name: string }[] = [];
  const walk = (folder: string, typed: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const full = join(folder, entry.name);
      if (entry.isDirectory() && !isSkippedFolder(entry.name)) walk(full, join(typed, entry.name));
      else if (entry.isFile() && entry.name.toLowerCase().endsWith('.json')) found.push({ full, name: join(typed, entry.name) });
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
  // Read one at a time as the collation asks for them, so a thousand digests are never all in memory.
  for (const { full, name } of found) {
    yield { file: name, text: statSync(full).size > MAX_DIGEST_BYTES ? ' '.repeat(MAX_DIGEST_BYTES + 1) : readFileSync(full, 'utf8') };
  }
}

/** `growth collate <digest files or folders…> [--quarter YYYY-Qn] [--vocabulary FILE] [--min-group N] [--json] [--out report.md|report.html]` */
export const collateCommand = defineCommand({
  name: 'collate',
  usage: `  growth collate <digest files or folders...> [--quarter YYYY-Qn] [--vocabulary FILE] [--min-group N]
                 [--json] [--out report.md|report.html [--force]]
      Merges team digests into one report for the quarter (default: the latest). Digests that
      cannot be trusted are listed with the reason; exits 1 when none could be used.`,
  options: { quarter: { type: 'string' }, vocabulary: { type: 'string' }, 'min-group': { type: 'string' }, json: { type: 'boolean' }, out: { type: 'string' }, force: { type: 'boolean' } },
  run({ values, positionals }, io) {
    if (positionals.length === 0) throw new UsageError('Name the digest files or folders to collate.');
    if (values.quarter !== undefined && !/^\d{4}-Q[1-4]$/.test(values.quarter)) throw new UsageError('--quarter takes a quarter as YYYY-Qn, for example 2026-Q4.');
    const vocabulary = vocabularyOption(values.vocabulary, undefined);
    const detail = collateDigests(digestFiles(positionals), { quarter: values.quarter, minGroupSize: minGroupOption(values['min-group']), vocabulary, today: io.today ?? today() });
    for (const rejection of detail.collation.rejected) io.printError(`Not used: ${rejection.file}: ${rejection.reason}.`);
    if (values.json) io.print(JSON.stringify(detail.collation, null, 2));
    if (values.out) {
      const html = values.out.toLowerCase().endsWith('.html');
      writeOutputFile(values.out, html ? collationHtml(detail) : collationMarkdown(detail), values.force ?? false);
      io.printError(`Wrote ${values.out}`);
    } else if (!values.json) io.print(collationMarkdown(detail));
    return detail.collation.sources === 0 ? 1 : 0;
  },
});
