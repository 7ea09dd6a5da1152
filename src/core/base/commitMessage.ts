/** A changed note, as the commit message names it. */
export interface ChangedNote {
  readonly person?: string;
  readonly date?: string;
}

/** "Growth notes: Alex Morgan (2026-05-12), Sam Lee (2026-04-20, 2026-10-20)", people in order. */
export function commitMessage(changed: readonly ChangedNote[], otherFiles: number): string {
  const byPerson = new Map<string, Set<string>>();
  for (const note of changed) {
    if (!note.person) continue;
    const dates = byPerson.get(note.person) ?? new Set<string>();
    if (note.date) dates.add(note.date);
    byPerson.set(note.person, dates);
  }
  const people = [...byPerson.entries()].sort(([a], [b]) => a.localeCompare(b))
    .map(([person, dates]) => (dates.size > 0 ? `${person} (${[...dates].sort().join(', ')})` : person));
  const others = otherFiles > 0 ? `${otherFiles} other file${otherFiles === 1 ? '' : 's'}` : '';
  const summary = [people.join(', '), others].filter(Boolean).join('; ');
  return `Growth notes: ${summary || 'no changes'}`;
}
