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

/** What a commit of notes changes, as counts only: what a neutral message says. */
export interface CommitCounts {
  /** Growth notes added or changed. */
  readonly conversations: number;
  /** Action items ticked in them since the last commit. */
  readonly actionsTicked: number;
  /** Other files (deleted notes, the .gitignore, anything that is not a growth note). */
  readonly otherFiles: number;
}

/**
 * "Growth notes: 2 conversations, 1 action ticked": a message that names no one and no day, so the
 * repository's history (which admins and anyone with read access see, encrypted notes or not) does
 * not say who was spoken with or when. The default; `growth.commit.messageStyle: names` keeps the old one.
 */
export function neutralCommitMessage(counts: CommitCounts): string {
  const parts = [
    counted(counts.conversations, 'conversation'),
    counts.actionsTicked > 0 ? `${counted(counts.actionsTicked, 'action')} ticked` : '',
    counted(counts.otherFiles, 'other file'),
  ].filter(Boolean);
  return `Growth notes: ${parts.join(', ') || 'no changes'}`;
}

function counted(count: number, noun: string): string {
  return count > 0 ? `${count} ${noun}${count === 1 ? '' : 's'}` : '';
}
