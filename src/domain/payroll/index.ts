export { fullBaseCents, paidNodes, proratedCents, segmentedBaseCents } from './base.js';
export { computePayroll } from './compute.js';
export {
  type Adjustment,
  adjustmentSchema,
  type CriticalAlertResponse,
  criticalAlertResponseSchema,
  type Hold,
  holdSchema,
  type MonthlyMetrics,
  monthlyMetricsSchema,
  type ParsedPayrollInput,
  type PayrollInput,
  type PayrollOperator,
  payrollInputSchema,
  payrollOperatorSchema,
} from './inputs.js';
export {
  BONUS_KINDS,
  type BonusDetail,
  type BonusKind,
  bonusDetailSchema,
  type CommissionDetail,
  commissionDetailSchema,
  lineKey,
  type NodePeriod,
  type PartnerStatus,
  type PayrollFlag,
  type PayrollLine,
  partnerStatusSchema,
  payrollFlagSchema,
  payrollLineSchema,
} from './line.js';
export { mulDivHalfUp, percentOfCents } from './money.js';
export { type MonthLine, monthLines } from './month-lines.js';
export { type Payroll, payrollSchema } from './payroll.js';
