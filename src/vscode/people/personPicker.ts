import * as vscode from 'vscode';
import { noteUri } from '../notes/workspaceNoteSource';
import { decideTypedName, matchName, personKey } from '../../core/base';
import { IndexedNote, personIdentities } from '../../core/workspace';
import { personSlug } from '../../core/live';

/** Someone who already has notes, with their latest conversation. */
export interface KnownPerson {
  readonly person: string;
  readonly team?: string;
  readonly lastDate: string;
  readonly lastNote: vscode.Uri;
  /** The folder their notes live in, named when their first note was created. */
  readonly slug: string;
}

/**
 * People with notes under the notes folder, most recent conversation first: one row per person as reports
 * count them (folder, `previous` chain, folded name), under the name and team of their latest note.
 */
export function knownPeople(notes: readonly IndexedNote[], notesRoot: vscode.Uri): KnownPerson[] {
  const root = `${notesRoot.toString()}/`;
  const identities = personIdentities(notes);
  const latest = new Map<string, KnownPerson>();
  for (const note of notes) {
    if (!note.path.startsWith(root) || !note.person || !note.date) continue;
    const key = identities.get(note.path) ?? personKey(note.person);
    const seen = latest.get(key);
    const lastNote = noteUri(note.path);
    const slug = lastNote.path.split('/').slice(-2, -1)[0] ?? personSlug(note.person);
    if (!seen || seen.lastDate < note.date) latest.set(key, { person: note.person.trim(), team: note.team, lastDate: note.date, lastNote, slug });
  }
  return [...latest.values()].sort((a, b) => b.lastDate.localeCompare(a.lastDate) || a.person.localeCompare(b.person));
}

/** Who the conversation is with: someone known, or a new person. */
export type PersonPick = { person: string; known?: KnownPerson; isNew?: boolean };
type PersonPickItem = vscode.QuickPickItem & { pick: PersonPick };

/**
 * The picker's rows for what is typed: people whose name matches (same, starts with, close) first, then
 * everyone else, and "New person" last, so Enter on a partial name never creates someone new.
 */
export function personPickItems(typedValue: string, people: readonly KnownPerson[]): PersonPickItem[] {
  const typed = typedValue.trim();
  const row = (p: KnownPerson, alwaysShow: boolean): PersonPickItem =>
    ({ label: p.person, description: p.team, detail: vscode.l10n.t('Last conversation {0}', p.lastDate), alwaysShow, pick: { person: p.person, known: p } });
  if (!typed) return people.map(p => row(p, false));
  const rank = { same: 0, prefix: 1, close: 2, none: 3 } as const;
  const ranked = people.map(p => ({ p, match: matchName(typed, p.person) })).filter(r => r.match !== 'none')
    .sort((a, b) => rank[a.match] - rank[b.match]);
  // The typed text is not in this row's label: the picker ranks rows whose label matches first, so an existing person stays on top.
  const newRow: PersonPickItem = { label: vscode.l10n.t('$(add) New person'), description: `"${typed}"`, alwaysShow: true, pick: { person: typed, isNew: true } };
  return [...ranked.map(r => row(r.p, true)), newRow];
}

/**
 * What Enter on typed text means when no row is chosen, or the "New person" row is: an existing person
 * when the name is theirs or starts it; a name close to someone's asks first.
 */
export async function resolveTyped(typedValue: string, people: readonly KnownPerson[], chosenNew: boolean, confirmNew?: boolean): Promise<PersonPick | undefined> {
  const typed = typedValue.trim();
  if (!typed) return undefined;
  const decision = decideTypedName(typed, people, p => p.person);
  if (decision.kind === 'new') return { person: typed, isNew: true };
  if (decision.kind === 'existing' && !chosenNew) return { person: decision.person.person, known: decision.person };
  const similar = decision.kind === 'existing' ? decision.person : decision.similar;
  const NEW = vscode.l10n.t('New Person');
  const USE = vscode.l10n.t('Use {0}', similar.person);
  // The person who already has notes comes first, so Enter never makes a second one by accident.
  const answer = confirmNew === undefined
    ? await vscode.window.showWarningMessage(vscode.l10n.t("{0} already has notes. New person '{1}'?", similar.person, typed), { modal: true }, USE, NEW)
    : confirmNew ? NEW : USE;
  if (answer === NEW) return { person: typed, isNew: true };
  if (answer === USE) return { person: similar.person, known: similar };
  return undefined;
}

export async function pickPerson(people: readonly KnownPerson[], confirmNew?: boolean): Promise<PersonPick | undefined> {
  const pick = vscode.window.createQuickPick<PersonPickItem>();
  pick.title = vscode.l10n.t('New Growth Conversation');
  pick.placeholder = vscode.l10n.t('Who is the conversation with? Pick someone or type a new name.');
  pick.items = personPickItems('', people);
  pick.onDidChangeValue(value => {
    pick.items = personPickItems(value, people);
  });
  const chosen = await new Promise<{ item?: PersonPickItem; typed: string } | undefined>(resolve => {
    pick.onDidAccept(() => {
      resolve({ item: pick.selectedItems[0] ?? pick.activeItems[0], typed: pick.value });
      pick.hide();
    });
    pick.onDidHide(() => {
      resolve(undefined);
      pick.dispose();
    });
    pick.show();
  });
  if (!chosen) return undefined;
  if (chosen.item && !chosen.item.pick.isNew) return chosen.item.pick;
  return resolveTyped(chosen.item?.pick.person ?? chosen.typed, people, chosen.item?.pick.isNew === true, confirmNew);
}

