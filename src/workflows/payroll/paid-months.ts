import type { Instance } from '../../engine/instance.js';
import { payrollData } from './data.js';

/**
 * The months (`YYYY-MM`) whose payroll is paid and closed, from the instances stored: what
 * `/nodes` and `/wallet` may no longer change (PROGRAM.md "Compensation": a closed month never changes).
 */
export function paidMonths(instances: readonly Instance[]): string[] {
  return instances
    .filter((i) => i.workflow === 'payroll' && i.state === 'paid')
    .map((i) => payrollData(i).month);
}
