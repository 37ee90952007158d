/**
 * A plain array of n zeros, for the engine's per-unit scratch arrays. Typed arrays above 64 bytes
 * live outside the JS heap: allocating tens of thousands of small ones (one unit after another)
 * costs several times more, in allocation and garbage collection, than plain arrays of numbers.
 */
export function zeros(n: number): number[] {
  return new Array<number>(n).fill(0);
}
