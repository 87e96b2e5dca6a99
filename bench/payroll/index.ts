import { startChild } from '../lib/child.js';
import { round } from '../lib/stats.js';
import type { PayrollSizeResult } from './child.js';

export type PayrollSkipped = { operators: number; skipped: string; projectedMs: number };
export type PayrollResults = {
  sizes: (PayrollSizeResult | PayrollSkipped)[];
  /** Time ratio per 10× more operators (linear ≈ 10). */
  growth: { from: number; to: number; ratio: number }[];
  msPer10k: number;
};
export type PayrollOptions = {
  sizes: number[];
  /** Run every size even when the projection says it would take minutes. */
  full: boolean;
  /** Largest projected time run without `full`. */
  maxProjectedMs: number;
  /** Profile the 10,000-operator run into this directory. */
  cpuProfDir?: string;
};

/** computePayroll per size, each in a fresh process; a size projected to take too long is skipped. */
export async function benchPayroll(options: PayrollOptions): Promise<PayrollResults> {
  const sizes: PayrollResults['sizes'] = [];
  const done: PayrollSizeResult[] = [];
  for (const operators of options.sizes) {
    const [before, last] = done.slice(-2);
    if (last && !options.full) {
      const growth = before ? Math.max(10, last.ms / Math.max(1, before.ms)) : 10;
      const projectedMs = Math.round(last.ms * growth * (operators / last.operators / 10));
      if (projectedMs > options.maxProjectedMs) {
        const skipped = `not run: ≥ ${Math.round(projectedMs / 1000)} s projected at the last growth (--full runs it)`;
        sizes.push({ operators, skipped, projectedMs });
        continue;
      }
    }
    const profile = operators === 10_000 && options.cpuProfDir ? { cpuProfDir: options.cpuProfDir } : {};
    const child = startChild(new URL('./child.ts', import.meta.url), {
      args: [String(operators)],
      nodeArgs: ['--expose-gc', '--max-old-space-size=8192'],
      ...profile,
    });
    const result = await child.next<PayrollSizeResult>();
    await child.stop();
    sizes.push(result);
    done.push(result);
  }
  const growth = done.slice(1).flatMap((run, i) => {
    const previous = done[i];
    return previous && run.operators === previous.operators * 10
      ? [{ from: previous.operators, to: run.operators, ratio: round(run.ms / Math.max(1, previous.ms)) }]
      : [];
  });
  return { sizes, growth, msPer10k: done.find((run) => run.operators === 10_000)?.ms ?? Number.NaN };
}
