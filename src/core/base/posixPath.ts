/**
 * The few `/`-path operations the core needs, in plain TypeScript so the same code runs in Node and in
 * a browser's web worker (vscode.dev), where Node's `path` does not exist. They give what Node's
 * `path.posix` gives for the relative paths notes use (a unit test holds them to it); `relative`
 * resolves against a fixed root rather than the process's working folder, which a browser has not.
 */

/** Resolves `.` and `..` segments and repeated slashes; keeps a leading `/` and a trailing one. */
export function normalizePosix(path: string): string {
  if (path === '') return '.';
  const absolute = path.startsWith('/');
  const trailing = path.endsWith('/');
  const kept: string[] = [];
  for (const segment of path.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment !== '..') kept.push(segment);
    else if (kept.length > 0 && kept[kept.length - 1] !== '..') kept.pop();
    else if (!absolute) kept.push('..');
  }
  const joined = kept.join('/');
  if (joined === '') return absolute ? '/' : trailing ? './' : '.';
  const withEnd = trailing ? `${joined}/` : joined;
  return absolute ? `/${withEnd}` : withEnd;
}

/** Joins the non-empty parts with `/` and normalises the result. */
export function joinPosix(...parts: string[]): string {
  const joined = parts.filter(part => part !== '').join('/');
  return joined === '' ? '.' : normalizePosix(joined);
}

/** The folder part of a path: `a/b/c.md` gives `a/b`, `c.md` gives `.`, `/c.md` gives `/`. */
export function dirnamePosix(path: string): string {
  if (path === '') return '.';
  const absolute = path.startsWith('/');
  // Trailing slashes belong to the last name; the folder ends at the slash before that name.
  let end = -1;
  let inName = false;
  for (let at = path.length - 1; at >= 1; at--) {
    if (path[at] !== '/') inName = true;
    else if (inName) {
      end = at;
      break;
    }
  }
  if (end === -1) return absolute ? '/' : '.';
  if (absolute && end === 1) return '//';
  return path.slice(0, end);
}

/** The path from folder `from` to `to`, both read from the same root. */
export function relativePosix(from: string, to: string): string {
  const segments = (path: string) => normalizePosix(`/${path}`).split('/').filter(segment => segment !== '');
  const fromParts = segments(from);
  const toParts = segments(to);
  let shared = 0;
  while (shared < fromParts.length && shared < toParts.length && fromParts[shared] === toParts[shared]) shared++;
  return [...fromParts.slice(shared).map(() => '..'), ...toParts.slice(shared)].join('/');
}
