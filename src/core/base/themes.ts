/**
 * Themes are capped so that a hostile `#a/a/a/…` cannot make every prefix a theme (each prefix is
 * a key in the theme tree): at most this many levels, and this many characters.
 */
export const MAX_TAG_DEPTH = 5;
export const MAX_TAG_LENGTH = 64;

/**
 * The key two spellings of a theme share: case, spaces versus hyphens or underscores,
 * and surrounding punctuation do not make a different theme. "a/b" keeps its slash (b nests under a).
 */
export function normalizeTheme(raw: string): string {
  let key = normalized.get(raw);
  if (key === undefined) {
    if (normalized.size > 50_000) normalized.clear(); // themes repeat; a runaway set of spellings must not grow forever
    key = normalizeUncached(raw);
    normalized.set(raw, key);
  }
  return key;
}

const normalized = new Map<string, string>();

function normalizeUncached(raw: string): string {
  // Cut before the work: a frontmatter theme can be as long as the frontmatter.
  const key = raw
    .slice(0, MAX_TAG_LENGTH * 4)
    .normalize('NFKC')
    .toLowerCase()
    .replace(/^#+/, '')
    .split('/')
    .map(part => part.replace(/[\s_-]+/g, '-').replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''))
    .filter(part => part !== '')
    .slice(0, MAX_TAG_DEPTH)
    .join('/');
  return key.length > MAX_TAG_LENGTH ? key.slice(0, MAX_TAG_LENGTH).replace(/[/-]+$/, '') : key;
}

/** Levenshtein distance; with a `limit`, it gives up (returning `limit + 1`) once the distance exceeds it. */
export function editDistance(a: string, b: string, limit = Infinity): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      best = Math.min(best, row[j]);
    }
    if (best > limit) return limit + 1;
    previous = row;
  }
  return previous[b.length];
}

/** The allowed value closest to what was typed, when it is close enough to be a likely typo. */
export function closestValue(typed: string, allowed: readonly string[]): string | undefined {
  const needle = typed.trim().toLowerCase();
  let best: string | undefined;
  let bestScore = Infinity;
  for (const candidate of allowed) {
    const prefix = (candidate.startsWith(needle) && needle.length >= 2) || (needle.startsWith(candidate) && candidate.length >= 3);
    const score = prefix ? 0 : editDistance(needle, candidate);
    if (score < bestScore) {
      best = candidate;
      bestScore = score;
    }
  }
  return best !== undefined && bestScore <= Math.max(2, Math.floor(best.length / 3)) ? best : undefined;
}

/** A theme as used across notes: its key, its most used spelling, and how often it appears. */
export interface ThemeUsage {
  readonly key: string;
  readonly name: string;
  readonly count: number;
}

/** Counts theme mentions (frontmatter themes and inline tags, as written), most used first. */
export function themeUsage(mentions: Iterable<string>): ThemeUsage[] {
  const counts = new SpellingCounts();
  for (const mention of mentions) counts.add(mention, 1);
  return counts.usage();
}

/** How often each spelling of each theme is written: counted once, or kept mention by mention as notes come and go. */
export class SpellingCounts {
  private readonly byKey = new Map<string, Map<string, number>>();

  /** Counts one mention as written (1), or takes one back (-1). */
  add(spelling: string, delta: 1 | -1): void {
    const key = normalizeTheme(spelling);
    if (!key) return;
    const counts = this.byKey.get(key) ?? new Map<string, number>();
    const count = (counts.get(spelling) ?? 0) + delta;
    if (count > 0) counts.set(spelling, count);
    else counts.delete(spelling);
    if (counts.size > 0) this.byKey.set(key, counts);
    else this.byKey.delete(key);
  }

  /** Every theme, most used first, each in its most used spelling. */
  usage(): ThemeUsage[] {
    return [...this.byKey].map(([key, counts]) => spellingUsage(key, counts)).sort(compareUsage);
  }

  /** The most used spelling of a theme key. */
  preferred(key: string): string | undefined {
    const counts = this.byKey.get(key);
    return counts ? spellingUsage(key, counts).name : undefined;
  }
}

/** One theme's usage from the counts of its spellings: the most used one names it. */
function spellingUsage(key: string, counts: ReadonlyMap<string, number>): ThemeUsage {
  let name = '';
  let best = -1;
  let count = 0;
  for (const [spelling, n] of counts) {
    count += n;
    if (n > best || (n === best && spelling.localeCompare(name) < 0)) {
      name = spelling;
      best = n;
    }
  }
  return { key, name, count };
}

function compareUsage(a: ThemeUsage, b: ThemeUsage): number {
  return b.count - a.count || a.name.localeCompare(b.name);
}
