/**
 * The wait before connection attempt `failures + 1`: exponential from `baseMs`, capped at
 * `maxMs`, with "equal jitter" (half fixed, half random) so many instances do not retry in step.
 */
export function reconnectDelay(
  failures: number,
  { baseMs, maxMs }: { baseMs: number; maxMs: number },
  random: () => number = Math.random,
): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.max(0, failures - 1));
  return Math.round(ceiling / 2 + (ceiling / 2) * random());
}
