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
