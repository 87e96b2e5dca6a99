// One payroll size in a fresh process (run with --expose-gc), so peak memory is this size's alone.
import { defaultProgramConfig } from '../../src/config/program.js';
import { computePayroll } from '../../src/domain/payroll/index.js';
import { tell } from '../lib/child.js';
import { payrollInput } from './data.js';

export type PayrollSizeResult = {
  operators: number;
  ms: number;
  lines: number;
  /** RSS growth during computePayroll, over the input already in memory. */
  computeMb: number;
  /** Heap in use by the input, before computing. */
  inputHeapMb: number;
  peakRssMb: number;
};

const size = Number(process.argv[2]);
const config = defaultProgramConfig();
const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
const mb = (bytes: number) => Math.round(bytes / 1e5) / 10;

computePayroll(payrollInput(50, config)); // compile and warm up the code paths first
const input = payrollInput(size, config);
gc();
const baseline = process.memoryUsage();
const setupPeak = process.resourceUsage().maxRSS * 1024;
const runs = Math.max(1, Math.min(5, Math.floor(20_000 / size)));
const times: number[] = [];
let lines = 0;
for (let run = 0; run < runs; run++) {
  const start = performance.now();
  lines = computePayroll(input).lines.length;
  times.push(performance.now() - start);
}
const peak = process.resourceUsage().maxRSS * 1024;
await tell({
  operators: size,
  ms: Math.round(10 * (times.sort((a, b) => a - b)[Math.floor(times.length / 2)] as number)) / 10,
  lines,
  computeMb: mb(Math.max(0, peak - Math.max(baseline.rss, setupPeak))),
  inputHeapMb: mb(baseline.heapUsed),
  peakRssMb: mb(peak),
} satisfies PayrollSizeResult);
process.exit(0);
