import { existsSync, readFileSync, statSync } from 'fs';
import ignore, { Ignore } from 'ignore';
import { Minimatch } from 'minimatch';
import { homedir } from 'os';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'path';
import { UsageError } from './usageError';

/**
 * What `growth validate` was asked to check: folders, note files and glob patterns (`notes/**\/*.md`,
 * quoted so the shell leaves it to us), read as one walk of the folder that holds them all.
 */
export interface Targets {
  /** The folder to read: the one folder given, else the nearest folder holding every target. */
  readonly root: string;
  /** Whether a note (its path relative to `root`, with `/`) was asked for. */
  includes(path: string): boolean;
  /** How to print a note's path: relative to the one folder given, else to the current folder. */
  shown(path: string): string;
}

type Target =
  | { readonly kind: 'folder'; readonly full: string }
  | { readonly kind: 'file'; readonly full: string }
  | { readonly kind: 'pattern'; readonly base: string; readonly matcher: Minimatch };

const MAGIC = /[*?[\]{}!()]/;
/** A `.gitignore` larger than this is not a list of patterns someone wrote; it is skipped. */
const MAX_GITIGNORE_BYTES = 1024 * 1024;

/** Reads the command's paths; no path is the current folder. A path that is none of the three is a usage error. */
export function resolveTargets(args: readonly string[], cwd: string): Targets {
  const targets = (args.length > 0 ? args : ['.']).map(arg => target(arg, cwd));
  const only = targets.length === 1 ? targets[0] : undefined;
  const single = only?.kind === 'folder';
  const root = only?.kind === 'folder' ? only.full : commonFolder(targets.map(t => (t.kind === 'pattern' ? t.base : t.kind === 'file' ? dirname(t.full) : t.full)));
  // Paths far apart would make one walk of everything between them (for /tmp/a.md and ~/b.md, the whole disk).
  if (!single && targets.length > 1 && (root === dirname(root) || root === homedir())) {
    throw new UsageError('The paths given have no folder in common but the top of the disk or your home folder: check one folder of notes at a time.');
  }
  const ignored = gitignored(root);
  return {
    root,
    includes(path) {
      const full = join(root, ...path.split('/'));
      return targets.some(t => {
        // A note named on the command line is checked even when .gitignore lists it, as git adds it with -f.
        if (t.kind === 'file') return t.full === full;
        const inside = t.kind === 'folder' ? isInside(full, t.full) : t.matcher.match(full.split(sep).join('/'));
        return inside && !ignored(full);
      });
    },
    shown: path => (single ? path : relative(cwd, join(root, ...path.split('/'))).split(sep).join('/')),
  };
}

function target(arg: string, cwd: string): Target {
  const full = resolve(cwd, arg);
  if (existsSync(full)) {
    const info = statSync(full);
    if (info.isDirectory()) return { kind: 'folder', full };
    if (info.isFile()) return { kind: 'file', full };
    throw new UsageError(`"${arg}" is neither a folder nor a file.`);
  }
  if (!MAGIC.test(arg)) throw new UsageError(`"${arg}" does not exist.`);
  const pattern = (isAbsolute(arg) ? arg : join(cwd, arg)).split(sep).join('/');
  const parts = pattern.split('/');
  const literal = parts.slice(0, Math.max(1, parts.findIndex(part => MAGIC.test(part))));
  const base = literal.join('/') || '/';
  if (!existsSync(base) || !statSync(base).isDirectory()) throw new UsageError(`"${arg}": the folder "${base}" does not exist.`);
  return { kind: 'pattern', base: resolve(base), matcher: new Minimatch(pattern, { dot: false }) };
}

function isInside(full: string, folder: string): boolean {
  return full === folder || full.startsWith(folder.endsWith(sep) ? folder : folder + sep);
}

function commonFolder(folders: readonly string[]): string {
  return folders.reduce((common, folder) => {
    while (!isInside(folder, common)) common = dirname(common);
    return common;
  });
}

/**
 * Whether git would ignore a file: the `.gitignore` of every folder from the repository's top (or the
 * root, outside a repository) down to the file's own folder, each read once.
 */
function gitignored(root: string): (full: string) => boolean {
  const top = repositoryTop(root) ?? root;
  const rules = new Map<string, Ignore | undefined>();
  const rulesOf = (folder: string) => {
    if (!rules.has(folder)) rules.set(folder, readGitignore(join(folder, '.gitignore')));
    return rules.get(folder);
  };
  return full => {
    if (!isInside(full, top)) return false;
    for (let folder = dirname(full); ; folder = dirname(folder)) {
      const rule = rulesOf(folder);
      if (rule?.ignores(relative(folder, full).split(sep).join('/'))) return true;
      if (folder === top || folder === dirname(folder)) return false;
    }
  };
}

function readGitignore(file: string): Ignore | undefined {
  try {
    const info = statSync(file);
    if (!info.isFile() || info.size > MAX_GITIGNORE_BYTES) return undefined;
    return ignore().add(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

function repositoryTop(folder: string): string | undefined {
  for (let at = folder; ; at = dirname(at)) {
    if (existsSync(join(at, '.git'))) return at;
    if (at === dirname(at)) return undefined;
  }
}
