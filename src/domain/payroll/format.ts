/**
 * A percentage for a metric sentence, with as few decimals as keep its comparison with the
 * threshold visible: 99.504 against 99.5 is written "99.504", never the misleading "99.5".
 */
export function formatPercent(value: number, threshold?: number): string {
  for (let decimals = 2; decimals <= 10; decimals += 1) {
    const written = String(Number(value.toFixed(decimals)));
    if (threshold === undefined || Math.sign(Number(written) - threshold) === Math.sign(value - threshold))
      return `${written}%`;
  }
  return `${value}%`;
}

/** A duration as `m:ss` or `h:mm:ss`: 1_799_000 → "29:59", 1_800_000 → "30:00". */
export function formatDuration(ms: number): string {
  const seconds = Math.floor(ms / 1000);
  const [h, m, s] = [Math.floor(seconds / 3600), Math.floor((seconds % 3600) / 60), seconds % 60];
  const ss = String(s).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

export function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}
