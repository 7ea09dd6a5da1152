import * as vscode from 'vscode';
import { ThemeUsage } from '../core/themes';
import { WorkspaceIndex } from '../core/workspaceIndex';
import { NotesIndexManager } from './notesIndex';

export interface WorkspaceVocabulary {
  readonly people: string[];
  /** Themes by how often they are used, each in its most used spelling. */
  readonly themes: ThemeUsage[];
  /** Each theme's most used spelling, by its normalised key. */
  readonly spellings: ReadonlyMap<string, string>;
}

/**
 * People and themes already used across the workspace's notes, so completion and the spelling hint
 * keep one spelling. Read from the index, and worked out again only after it changes.
 */
export class WorkspaceVocabularyProvider implements vscode.Disposable {
  private cached: WorkspaceVocabulary | undefined;
  private readonly subscription: { dispose(): void };

  constructor(private readonly notes: NotesIndexManager) {
    this.subscription = notes.index.onDidChange(() => { this.cached = undefined; });
  }

  async vocabulary(): Promise<WorkspaceVocabulary> {
    await this.notes.ready;
    this.cached ??= vocabularyOf(this.notes.index);
    return this.cached;
  }

  dispose(): void {
    this.subscription.dispose();
  }
}

function vocabularyOf(index: WorkspaceIndex): WorkspaceVocabulary {
  const people = new Map(index.all().flatMap(n => (n.person ? [[n.person.trim().toLowerCase(), n.person.trim()] as const] : [])));
  const themes = index.themeUsage();
  return { people: [...people.values()].sort((a, b) => a.localeCompare(b)), themes, spellings: new Map(themes.map(t => [t.key, t.name])) };
}
