import { existsSync, readFileSync } from 'fs';
import { dirname, join, relative } from 'path';
import { msg, Problem } from '../core/base';
import { peopleNamedIn, STORE_DRIVER } from '../core/privacy';
import { IndexedNote } from '../core/workspace';
import { git } from './gitRepo';

/** One problem of the protected store, on a note (paths relative to the folder validated). */
export interface StoreProblem {
  readonly path: string;
  readonly problem: Problem;
}

const START = { line: 0, character: 0 };

/**
 * In a protected repository, what still names a person in plain sight: folder and file names of the
 * notes, and commit messages. Encryption hides a note's text, not its path or the history's messages.
 * Nothing is said in a repository that is not protected (a path there is the least of what shows).
 */
export function storeNameProblems(folder: string, notes: readonly IndexedNote[]): StoreProblem[] {
  const root = protectedRepositoryRoot(folder);
  if (!root) return [];
  const people = [...new Set(notes.map(note => note.person).filter((person): person is string => Boolean(person)))];
  const namedIn = peopleNamedIn(people);
  const problems: StoreProblem[] = [];
  const said = new Set<string>();
  for (const note of [...notes].sort((a, b) => a.path.localeCompare(b.path))) {
    // From the repository root: that is the path anyone with access sees.
    const shown = relative(root, join(folder, note.path)).split('\\').join('/');
    const parts = shown.split('/');
    for (let depth = 1; depth <= parts.length; depth++) {
      const part = parts.slice(0, depth).join('/');
      if (said.has(part) || namedIn(parts[depth - 1]).length === 0) continue;
      said.add(part);
      problems.push({ path: note.path, problem: warning('name-in-path', msg('store.nameInPath', part)) });
    }
  }
  return [...problems, ...historyProblems(root, notes, namedIn)];
}

/** One warning per person named in commit messages, on their latest note. */
function historyProblems(root: string, notes: readonly IndexedNote[], namedIn: (text: string) => string[]): StoreProblem[] {
  const log = git(root, ['log', '--all', '--format=%h%x00%B%x1e']);
  if (log.status !== 0) return [];
  const commits = new Map<string, { count: number; latest: string }>();
  for (const entry of log.stdout.toString('utf8').split('\x1e')) {
    const [id, message] = entry.replace(/^\n/, '').split('\0');
    if (!message) continue;
    for (const person of namedIn(message)) {
      const seen = commits.get(person);
      commits.set(person, { count: (seen?.count ?? 0) + 1, latest: seen?.latest ?? id });
    }
  }
  return [...commits].flatMap(([person, { count, latest }]) => {
    const theirs = notes.filter(note => note.person === person).sort((a, b) => (b.date ?? '').localeCompare(a.date ?? ''));
    return theirs.length === 0 ? [] : [{ path: theirs[0].path, problem: warning('name-in-history', msg('store.nameInHistory', count, person, latest)) }];
  });
}

function warning(code: 'name-in-path' | 'name-in-history', message: string): Problem {
  return { range: { start: START, end: START }, severity: 'warning', code, message };
}

/** The repository root above `folder` when its .gitattributes sends files through the store's filter. */
function protectedRepositoryRoot(folder: string): string | undefined {
  for (let at = folder; ; at = dirname(at)) {
    if (existsSync(join(at, '.git'))) {
      const attributes = join(at, '.gitattributes');
      return existsSync(attributes) && readFileSync(attributes, 'utf8').includes(`filter=${STORE_DRIVER}`) ? at : undefined;
    }
    if (dirname(at) === at) return undefined;
  }
}
