// The commonmark-spec package ships no types: the examples of the CommonMark spec, as its index.js exports them.
declare module 'commonmark-spec' {
  export interface SpecExample {
    readonly markdown: string;
    readonly html: string;
    readonly section: string;
    readonly number: number;
  }
  export const tests: readonly SpecExample[];
}
