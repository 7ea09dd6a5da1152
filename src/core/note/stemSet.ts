/**
 * Many short strings of ASCII letters and digits, looked for at once in the letters and digits of a
 * text run together, case aside: the privacy classifier's cheap look. One pass over the text and one
 * table read per letter (an Aho–Corasick automaton), where an alternation of hundreds of words tries
 * each of them at every letter.
 */

/** Letters are codes 0 to 25 and digits 26 to 35 (case aside); anything else is -1, and skipped. */
export const SYMBOLS = 36;

export function symbolOf(char: number): number {
  if (char >= 97 && char <= 122) return char - 97;
  if (char >= 65 && char <= 90) return char - 65;
  if (char >= 48 && char <= 57) return char - 48 + 26;
  return -1;
}

export class StemSet {
  /** `next[state * SYMBOLS + symbol]`: the state after reading one more letter. State 0 is the start. */
  private readonly next: Int32Array;
  /** Whether a stem ends at this state, or at a state it falls back to. */
  private readonly ends: Uint8Array;

  /** `stems` hold only ASCII letters and digits (others are ignored); the empty set finds nothing. */
  constructor(stems: readonly string[]) {
    const words = stems.map(stem => [...stem].map(char => symbolOf(char.charCodeAt(0))).filter(symbol => symbol >= 0)).filter(word => word.length > 0);
    const size = 1 + words.reduce((sum, word) => sum + word.length, 0);
    const next = new Int32Array(size * SYMBOLS).fill(-1);
    const ends = new Uint8Array(size);
    let states = 1;
    for (const word of words) {
      let state = 0;
      for (const symbol of word) {
        const at = state * SYMBOLS + symbol;
        if (next[at] === -1) next[at] = states++;
        state = next[at];
      }
      ends[state] = 1;
    }
    // Breadth first, each state's missing moves become its fallback's moves: a complete table.
    const fallback = new Int32Array(states);
    const queue: number[] = [];
    for (let symbol = 0; symbol < SYMBOLS; symbol++) {
      const child = next[symbol];
      if (child === -1) next[symbol] = 0;
      else queue.push(child);
    }
    for (let head = 0; head < queue.length; head++) {
      const state = queue[head];
      ends[state] |= ends[fallback[state]];
      for (let symbol = 0; symbol < SYMBOLS; symbol++) {
        const at = state * SYMBOLS + symbol;
        const child = next[at];
        const viaFallback = next[fallback[state] * SYMBOLS + symbol];
        if (child === -1) next[at] = viaFallback;
        else {
          fallback[child] = viaFallback;
          queue.push(child);
        }
      }
    }
    this.next = next.slice(0, states * SYMBOLS);
    this.ends = ends.slice(0, states);
  }

  /** Whether the letters and digits of `text`, run together and case aside, hold one of the stems. */
  inLetters(text: string): boolean {
    const { next, ends } = this;
    let state = 0;
    for (let i = 0; i < text.length; i++) {
      const symbol = symbolOf(text.charCodeAt(i));
      if (symbol < 0) continue;
      state = next[state * SYMBOLS + symbol];
      if (ends[state] === 1) return true;
    }
    return false;
  }
}
