/** damerau-levenshtein 1.0.8 ships no types: the one function it exports (index.js). */
declare module 'damerau-levenshtein' {
  /** Edit distance of two strings, counting a swap of neighbours as one step. */
  export default function damerauLevenshtein(
    a: string,
    b: string,
    limit?: number,
  ): { steps: number; relative: number; similarity: number };
}
