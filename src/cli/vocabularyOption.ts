import { existsSync } from 'fs';
import { join, resolve } from 'path';
import { EMPTY_VOCABULARY, parseVocabulary, Vocabulary, VOCABULARY_FILE } from '../core/workspace';
import type { CliRules } from './io';
import { UsageError } from './usageError';
import { readRegularFileSync } from './regularFile';
import { msg } from '../core/base';

/** No agreed vocabulary comes near this; a larger file is not one. */
const MAX_VOCABULARY_BYTES = 1024 * 1024;

/**
 * The vocabulary a command uses: `--vocabulary FILE`, else growth-themes.yaml in the folder, else none.
 * A vocabulary with errors is refused with its problems, so a report never silently merges less than asked.
 */
export function vocabularyOption(path: string | undefined, folder: string | undefined): Vocabulary {
  const file = path ?? (folder && existsSync(join(folder, VOCABULARY_FILE)) ? join(folder, VOCABULARY_FILE) : undefined);
  if (!file) return EMPTY_VOCABULARY;
  if (!existsSync(file)) throw new UsageError(`The vocabulary "${file}" does not exist.`);
  const { vocabulary, problems } = parseVocabulary(readInputFile(file, MAX_VOCABULARY_BYTES).toString('utf8'));
  if (problems.length > 0) {
    throw new UsageError(`The vocabulary "${file}" has problems; fix them or leave out --vocabulary:\n${problems
      .map(p => `  ${file}:${p.range.start.line + 1}:${p.range.start.character + 1} ${p.message}`).join('\n')}`);
  }
  return vocabulary;
}

/** `--min-group N` as a number; anything that is not a whole number is a usage error. */
export function minGroupOption(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) throw new UsageError('--min-group takes a whole number (at least 3).');
  return Number(value);
}

/** `--min-theme-group N`: a whole number (the floor of 2 is applied where it is used). */
export function minThemeGroupOption(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) throw new UsageError('--min-theme-group takes a whole number (at least 2).');
  return Number(value);
}

/**
 * The vocabulary under a configuration: `--vocabulary FILE`, else the file the configuration names,
 * else growth-themes.yaml in the folder, else beside the configuration (where the editor looks).
 */
export function configuredVocabulary(path: string | undefined, found: CliRules, folder: string): Vocabulary {
  if (path !== undefined) return vocabularyOption(path, folder);
  if (found.rules.vocabularyPath) return vocabularyOption(resolve(found.base, found.rules.vocabularyPath), folder);
  if (found.file && !existsSync(join(folder, VOCABULARY_FILE))) return vocabularyOption(undefined, found.base);
  return vocabularyOption(undefined, folder);
}

/**
 * A file named by an option: only a regular file is read (a pipe or `/dev/zero` is refused at once, never
 * waited on), up to `maxBytes`; anything else is a usage error (exit 2) with the plain reason.
 */
export function readInputFile(path: string, maxBytes: number): Buffer {
  try {
    return readRegularFileSync(path, maxBytes);
  } catch (error) {
    if (error instanceof Error && 'code' in error && (error.code === 'EFTYPE' || error.code === 'EFBIG')) throw new UsageError(error.message);
    throw new UsageError(msg('input.unreadable', path, (error as NodeJS.ErrnoException).code ?? String(error)));
  }
}
