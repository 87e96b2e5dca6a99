export { fullBaseCents } from './base.js';
export { computePayroll } from './compute.js';
export {
  type Adjustment,
  adjustmentSchema,
  type CriticalAlertResponse,
  type Hold,
  holdSchema,
  type MonthlyMetrics,
  type PayrollInput,
} from './inputs.js';
export { lineKey, type PayrollLine } from './line.js';
export { monthLines } from './month-lines.js';
export { type Payroll, payrollSchema } from './payroll.js';
