import * as vscode from 'vscode';
import { normalizeTheme } from '../core/themes';
import { readGrowthNotes } from './noteDocuments';

export interface WorkspaceVocabulary {
  readonly people: string[];
  /** Themes by how often they are used, each in its most used spelling. */
  readonly themes: { name: string; count: number }[];
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
  const people = new Map<string, string>();
  const spellings = new Map<string, Map<string, number>>();
  for (const { note } of await readGrowthNotes('**/*.md', 20000)) {
    if (note.person) people.set(note.person.trim().toLowerCase(), note.person.trim());
    for (const theme of [...note.themes, ...note.tags.map(t => t.name)]) {
      const key = normalizeTheme(theme);
      if (!key) continue;
      const counts = spellings.get(key) ?? new Map<string, number>();
      counts.set(theme, (counts.get(theme) ?? 0) + 1);
      spellings.set(key, counts);
    }
  }
  const themes = [...spellings.values()].map(counts => {
    const [name] = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0];
    return { name, count: [...counts.values()].reduce((sum, n) => sum + n, 0) };
  }).sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
  return { people: [...people.values()].sort((a, b) => a.localeCompare(b)), themes };
}
