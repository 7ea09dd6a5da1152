/**
 * The key two spellings of a theme share: case, spaces versus hyphens or underscores,
 * and surrounding punctuation do not make a different theme. "a/b" keeps its slash (b nests under a).
 */
export function normalizeTheme(raw: string): string {
  return raw
    .normalize('NFKC')
    .toLowerCase()
    .replace(/^#+/, '')
    .split('/')
    .map(part => part.replace(/[\s_-]+/g, '-').replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''))
    .filter(part => part !== '')
    .join('/');
}

/** Levenshtein distance, for "did you mean" suggestions on short values. */
export function editDistance(a: string, b: string): number {
  const previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = previous[0];
    previous[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = previous[j];
      previous[j] = Math.min(above + 1, previous[j - 1] + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
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
