import * as vscode from 'vscode';
import { personKey, ThemeUsage } from '../../core/base';
import { EMPTY_VOCABULARY, Vocabulary, WorkspaceIndex } from '../../core/workspace';
import { Disposable } from '../common/dispose';
import { NotesIndexManager } from '../notes/notesIndex';

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
export class WorkspaceVocabularyProvider extends Disposable {
  private cached: WorkspaceVocabulary | undefined;

  /** `agreed` is the shared theme vocabulary: its canonical names come first and win the spelling hint. */
  constructor(private readonly notes: NotesIndexManager, private readonly agreed?: { readonly current: Vocabulary; onDidChange(listener: () => void): vscode.Disposable }) {
    super();
    this._register(notes.index.onDidChange(() => { this.cached = undefined; }));
    if (agreed) this._register(agreed.onDidChange(() => { this.cached = undefined; }));
  }

  async vocabulary(): Promise<WorkspaceVocabulary> {
    await this.notes.ready;
    this.cached ??= vocabularyOf(this.notes.index, this.agreed?.current ?? EMPTY_VOCABULARY);
    return this.cached;
  }
}

function vocabularyOf(index: WorkspaceIndex, agreed: Vocabulary): WorkspaceVocabulary {
  const people = new Map(index.all().flatMap(n => (n.person ? [[personKey(n.person), n.person.trim()] as const] : [])));
  const used = index.themeUsage();
  // Agreed themes first (counting their aliases' use), then the workspace's own themes the vocabulary does not know.
  const canonical = agreed.themes.map(theme => ({
    key: theme.key, name: theme.name, count: used.filter(t => agreed.lookup(t.key) === theme).reduce((sum, t) => sum + t.count, 0),
  }));
  const themes = [...canonical, ...used.filter(t => !agreed.lookup(t.key))];
  const spellings = new Map(used.map(t => [t.key, agreed.lookup(t.key)?.name ?? t.name]));
  for (const theme of agreed.themes) spellings.set(theme.key, theme.name);
  return { people: [...people.values()].sort((a, b) => a.localeCompare(b)), themes, spellings };
}

