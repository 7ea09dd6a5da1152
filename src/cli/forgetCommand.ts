import { appendFileSync, existsSync, mkdirSync, readdirSync, rmdirSync, unlinkSync } from 'fs';
import { dirname, join, relative } from 'path';
import { personKey } from '../core/base';
import { analyzeNote, keepingFields } from '../core/note';
import { CONFIG_OPTION, defineCommand } from './command';
import { git } from './gitRepo';
import { CommandRefusedError, folderArgument, readNotesFolder, readRules, scriptFor } from './io';
import { UsageError } from './usageError';

/** The audit log, at the repository root: one line per forget, naming no one. */
export const AUDIT_FILE = '.growth/audit.log';

/**
 * `growth forget <person> [folder]`: removes every note about the person from the working tree, writes
 * an audit line that names no one, and prints the exact steps that would remove the notes from git's
 * history, without running them (rewriting history is for the manager to decide, and to coordinate with
 * everyone who has a copy). A legal hold on any of the notes refuses it all, and says why.
 */
export const forgetCommand = defineCommand({
  name: 'forget',
  usage: `  growth forget <person> [folder]
      Removes the person's notes from the working tree, logs it in ${AUDIT_FILE} without a name, and
      prints the steps to remove them from git's history (never run for you). Refused under a legal hold.`,
  options: { ...CONFIG_OPTION },
  async run({ values, positionals }, io) {
    const [person, folderGiven, ...extra] = positionals;
    if (!person || extra.length > 0) throw new UsageError('Give one person, then optionally one folder.');
    const root = folderArgument(folderGiven);
    const { pipeline, texts } = await readNotesFolder(root, io, true, scriptFor(readRules(root, values.config)));
    const theirs = pipeline.index.all().filter(note => note.person !== undefined && personKey(note.person) === personKey(person)).map(note => note.path).sort();
    if (theirs.length === 0) throw new CommandRefusedError(`No notes about "${person}" in "${root}".`);
    const held = theirs.map(path => ({ path, hold: keepingFields(analyzeNote(texts.get(path) ?? '').note.data).legalHold })).filter(entry => entry.hold);
    if (held.length > 0) {
      io.printError(`Nothing was removed: ${held.length === 1 ? 'a note is' : `${held.length} notes are`} under legal hold.`);
      for (const { path, hold } of held) io.printError(`  ${path}: legalHold: ${hold}`);
      io.printError('The notes must be kept while the hold lasts. When it is lifted, remove legalHold from them and run growth forget again.');
      return 1;
    }
    const top = repositoryTop(root);
    for (const path of theirs) {
      unlinkSync(join(root, path));
      removeEmptyFolders(dirname(join(root, path)), root);
    }
    const audit = join(top ?? root, AUDIT_FILE);
    mkdirSync(dirname(audit), { recursive: true });
    appendFileSync(audit, `${new Date().toISOString()} forget: ${theirs.length} note${theirs.length === 1 ? '' : 's'} of one person removed from the working tree; history not rewritten.\n`);
    io.print(`Removed ${theirs.length} note${theirs.length === 1 ? '' : 's'} from the working tree and wrote a line to ${AUDIT_FILE}.`);
    io.print(top ? historySteps(theirs.map(path => relative(top, join(root, path)).split('\\').join('/'))) : 'Not in a git repository: no history to rewrite.');
    return 0;
  },
});

/** The steps that remove the paths from every commit, as commands to run from the repository's top. */
export function historySteps(paths: readonly string[]): string {
  const quoted = paths.map(path => `'${path.replace(/'/g, `'\\''`)}'`).join(' ');
  return [
    'The notes are still in git\'s history. To remove them from it, from the top of the repository',
    '(back the repository up first; everyone with a clone must clone again afterwards, and what was',
    'pushed stays on the server until it is rewritten there too):',
    '',
    '  git add -A && git commit -m "Growth notes: notes removed"',
    `  git filter-branch --force --index-filter "git rm -r --cached --ignore-unmatch -- ${quoted.replace(/"/g, '\\"')}" --prune-empty -- --all`,
    '  git for-each-ref --format="%(refname)" refs/original/ | xargs -r -n 1 git update-ref -d',
    '  git reflog expire --expire=now --all',
    '  git gc --prune=now',
    '',
    `With git filter-repo instead: git filter-repo --force --invert-paths ${paths.map(path => `--path '${path.replace(/'/g, `'\\''`)}'`).join(' ')}`,
  ].join('\n');
}

function repositoryTop(folder: string): string | undefined {
  const result = git(folder, ['rev-parse', '--show-toplevel']);
  return result.status === 0 ? result.stdout.toString('utf8').trim() : undefined;
}

/** Removes the person's folder once it is empty, and empty folders above it up to the notes root. */
function removeEmptyFolders(folder: string, root: string): void {
  for (let at = folder; at.startsWith(root) && at !== root && existsSync(at) && readdirSync(at).length === 0; at = dirname(at)) rmdirSync(at);
}
