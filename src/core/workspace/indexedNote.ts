import type { NoteSummary } from '../note';

/** A growth note in the index: its summary and where it lives (a URI string or a relative path). */
export interface IndexedNote extends NoteSummary {
  readonly path: string;
  /**
   * Who the note is about, as one key per person (`personIdentities`: folder, `previous` chain, then the
   * folded name). Set on the notes an output counts; without it, the folded name stands in.
   */
  readonly personId?: string;
}
