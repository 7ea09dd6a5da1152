import * as vscode from 'vscode';
import { Command } from '../common/commandManager';
import { Commands } from '../common/ids';
import { latestOfEachPerson } from '../../core/workspace';
import { NotesIndexManager } from '../notes/notesIndex';
import type { PersonTreeItem } from './peopleView';
import { PrepareBriefProvider } from './prepareBriefs';

/**
 * "Growth: Prepare": a one-page, read-only brief of a person before the conversation. From the
 * palette (pick a person), the People view (the row), or the CodeLens on a note's first line.
 */
export class PrepareCommand implements Command {
  readonly id = Commands.prepare;

  constructor(private readonly notes: NotesIndexManager, private readonly briefs: PrepareBriefProvider) {}

  /** Opens the brief; the argument is a person's name, a People row, or nothing (then a pick). */
  async execute(argument?: unknown): Promise<vscode.Uri | undefined> {
    await this.notes.ready;
    const person = personFrom(argument) ?? await this.pickPerson();
    return person ? this.briefs.open(person) : undefined;
  }

  private pickPerson(): Promise<string | undefined> {
    return pickPersonWithNotes(this.notes, {
      title: vscode.l10n.t('Prepare'), placeHolder: vscode.l10n.t('Whose conversation are you preparing?'),
      nobody: vscode.l10n.t('No conversations yet: there is nobody to prepare for.'),
    });
  }
}

/**
 * A pick of the people with notes, latest conversation first, one row per person as reports count them
 * (folder, `previous` chain, folded name) under the name written last; undefined when dismissed or there
 * is nobody (then said).
 */
export async function pickPersonWithNotes(notes: NotesIndexManager, words: { title: string; placeHolder: string; nobody: string }): Promise<string | undefined> {
  const items = latestOfEachPerson(notes.index.all()).sort((a, b) => (b.date ?? '').localeCompare(a.date ?? ''))
    .map(note => ({ label: (note.person ?? '').trim(), description: note.team, detail: note.date ? vscode.l10n.t('Last conversation {0}', note.date) : undefined }));
  if (items.length === 0) {
    void vscode.window.showInformationMessage(words.nobody);
    return undefined;
  }
  return (await vscode.window.showQuickPick(items, { title: words.title, placeHolder: words.placeHolder }))?.label;
}

/** The person a command was given: a name, or a People row. */
export function personFrom(argument: unknown): string | undefined {
  if (typeof argument === 'string') return argument.trim() || undefined;
  const row = argument as PersonTreeItem | undefined;
  if (row && typeof row === 'object' && row.kind === 'person' && typeof row.person?.person === 'string') return row.person.person;
  return undefined;
}
