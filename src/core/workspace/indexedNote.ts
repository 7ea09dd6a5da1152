import type { NoteSummary } from '../note';

/** A growth note in the index: its summary and where it lives (a URI string or a relative path). */
export interface IndexedNote extends NoteSummary {
  readonly path: string;
}
