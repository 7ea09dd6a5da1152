import * as vscode from 'vscode';
import { ThemeUsage, themeUsageAcross } from '../core/themes';
import { readGrowthNotes } from './noteDocuments';

export interface WorkspaceVocabulary {
  readonly people: string[];
  /** Themes by how often they are used, each in its most used spelling. */
  readonly themes: ThemeUsage[];
  /** Each theme's most used spelling, by its normalised key. */
  readonly spellings: ReadonlyMap<string, string>;
}

/**
 * People and themes already used across the workspace's notes, so completion keeps one spelling.
 * Read once, then again only after a Markdown file changes on disk.
 */
export class WorkspaceVocabularyProvider implements vscode.Disposable {
  private cached: Promise<WorkspaceVocabulary> | undefined;
  private readonly watcher = vscode.workspace.createFileSystemWatcher('**/*.md');
  private readonly subscriptions = [
    this.watcher,
    this.watcher.onDidCreate(() => this.invalidate()),
    this.watcher.onDidChange(() => this.invalidate()),
    this.watcher.onDidDelete(() => this.invalidate()),
  ];

  vocabulary(): Promise<WorkspaceVocabulary> {
    this.cached ??= readVocabulary();
    return this.cached;
  }

  invalidate(): void {
    this.cached = undefined;
  }

  dispose(): void {
    this.subscriptions.forEach(s => s.dispose());
  }
}

async function readVocabulary(): Promise<WorkspaceVocabulary> {
  const notes = (await readGrowthNotes('**/*.md', 20000)).map(({ note }) => note);
  const people = new Map(notes.flatMap(n => (n.person ? [[n.person.trim().toLowerCase(), n.person.trim()] as const] : [])));
  const themes = themeUsageAcross(notes);
  return { people: [...people.values()].sort((a, b) => a.localeCompare(b)), themes, spellings: new Map(themes.map(t => [t.key, t.name])) };
}
