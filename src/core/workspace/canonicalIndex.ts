import { Vocabulary, withCanonicalThemes } from './vocabulary';
import { WorkspaceIndex } from './workspaceIndex';

/**
 * The notes of an index with every alias under its agreed theme, kept in step with that index note
 * by note: a change to one note costs that note, as it does without a vocabulary, never a second
 * whole index. Its own theme counts follow the same way (see `WorkspaceIndex.themeTallies`).
 */
export class CanonicalIndex {
  readonly index = new WorkspaceIndex();
  private readonly subscription: { dispose(): void };

  constructor(source: WorkspaceIndex, readonly vocabulary: Vocabulary) {
    this.index.batch(() => {
      for (const note of source.all()) this.index.set(note.path, withCanonicalThemes(note, vocabulary));
    });
    this.subscription = source.onDidChangeNote((path, note) => {
      if (note) this.index.set(path, withCanonicalThemes(note, vocabulary));
      else this.index.delete(path);
    });
  }

  /** Stops following the source: call when the vocabulary changes or the view goes. */
  dispose(): void {
    this.subscription.dispose();
  }
}
