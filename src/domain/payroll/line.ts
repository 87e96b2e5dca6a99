import { z } from 'zod';
import { chainSchema } from '../wallets/chains.js';

const cents = z.number().int().nonnegative();
const signedCents = z.number().int();
const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/**
 * What a line is flagged with:
 * - `missing-report`: no uptime data for the month (no uptime bonus);
 * - `partner-report-missing`: the partner's monthly report is missing, its commission is held;
 * - `terminated-for-cause`: terminated this month, no bonuses;
 * - `exit`: the operator's last active day is in this month (base pro-rated to it);
 * - `negative-clamped`: adjustments would have made the total negative, it is 0;
 * - `missing-end-date`: the registry says exited/terminated without `endedAt` (paid as active
 *   to month end and held until a maintainer checks it).
 */
const payrollFlagSchema = z.enum([
  'missing-report',
  'partner-report-missing',
  'terminated-for-cause',
  'exit',
  'negative-clamped',
  'missing-end-date',
  'credentials-overdue',
  'pings-missed',
]);
export type PayrollFlag = z.output<typeof payrollFlagSchema>;

/** One bonus with the metric that decided it: `{ cents: 5000, earned: true, metric: "uptime 99.62% > 99.5%" }`. */
const bonusDetailSchema = z.object({ cents, earned: z.boolean(), metric: z.string() });
export type BonusDetail = z.output<typeof bonusDetailSchema>;

export const BONUS_KINDS = ['uptime', 'completion', 'response', 'retention'] as const;
export type BonusKind = (typeof BONUS_KINDS)[number];

/** What a partner earns on one referred operator this month (commission rounded half-up per operator). */
const commissionDetailSchema = z.object({
  referred: z.string(),
  baseCents: cents,
  bonusCents: cents,
  commissionCents: cents,
  /** The referred operator's month of active status: 1 = its activation month. */
  monthIndex: z.number().int().min(1),
});
export type CommissionDetail = z.output<typeof commissionDetailSchema>;

/** Whether the operator is a qualified partner this month, with the numbers behind it. */
const partnerStatusSchema = z.object({
  qualified: z.boolean(),
  /** Referred operators who reached active by the month's end. */
  referrals: z.number().int().nonnegative(),
  /** Full months since the partner's own activation, at the month's end. */
  tenureMonths: z.number().int().nonnegative(),
  uptimePercent: z.number().optional(),
  /** One sentence per condition, e.g. "2 referrals ≥ 2", "uptime 98.9% ≤ 99%". */
  rules: z.array(z.string()),
});
export type PartnerStatus = z.output<typeof partnerStatusSchema>;

/** Days of the line with one node count, e.g. 1–14 Nov at 3 nodes, 15–30 Nov at 7. */
const nodePeriodSchema = z.object({
  from: isoDay,
  to: isoDay,
  days: z.number().int().min(1),
  nodes: z.number().int().nonnegative(),
  paidNodes: z.number().int().nonnegative(),
  fullBaseCents: cents,
});
const lineAdjustmentSchema = z.object({ cents: signedCents, reason: z.string(), by: z.string() });

/**
 * One operator's line. The fields of `payroll preview --json` (INTERFACE.md) come first; the
 * rest explain each amount.
 */
export const payrollLineSchema = z.object({
  operator: z.string(),
  /**
   * The status in this month: exited/terminated in the month of `endedAt`; before it, active (or
   * exiting, while the registry says so); the registry's status when `endedAt` is missing.
   */
  status: z.enum(['active', 'exiting', 'exited', 'terminated']),
  nodes: z.number().int().nonnegative(),
  activeDays: z.number().int().min(1),
  /** Pro-rated base. */
  baseCents: cents,
  bonuses: z.object({ uptime: cents, completion: cents, response: cents, retention: cents }),
  commissionCents: cents,
  adjustmentCents: signedCents,
  /** base + bonuses + commission + adjustments, floored at 0 (flag `negative-clamped`). Held parts included. */
  totalCents: cents,
  /** A maintainer's hold (or `missing-end-date`): nothing on this line is payable. */
  held: z.boolean(),
  flags: z.array(payrollFlagSchema),
  wallet: z.string(),
  chain: chainSchema,

  handle: z.string(),
  /**
   * Which line of the operator this is: the login in lower case, or `login@YYYY-MM-DD` (its first
   * active day) for a second stint in the same month. Payments are recorded per line. Absent in
   * payrolls stored before stints: read it with `lineKey`.
   */
  key: z.string().optional(),
  /** The node counts over the line's days (absent in payrolls stored before node changes). */
  nodePeriods: z.array(nodePeriodSchema).optional(),
  daysInMonth: z.number().int().min(28).max(31),
  firstActiveDay: isoDay,
  lastActiveDay: isoDay,
  /** Nodes paid for: `nodes` capped at `onboarding.maxNodes`. */
  paidNodes: z.number().int().nonnegative(),
  /** Base for the whole month, before pro-ration. */
  fullBaseCents: cents,
  bonusDetails: z.object({
    uptime: bonusDetailSchema,
    completion: bonusDetailSchema,
    response: bonusDetailSchema,
    retention: bonusDetailSchema,
  }),
  bonusCents: cents,
  commissionDetails: z.array(commissionDetailSchema),
  /** Present when the operator referred anyone who reached active. */
  partner: partnerStatusSchema.optional(),
  /** The commission held because the partner report is missing (all of `commissionCents`, or 0). */
  commissionHeldCents: cents,
  adjustments: z.array(lineAdjustmentSchema),
  holdReason: z.string().optional(),
  /** Maintainers' pings of the month (information: no pay rule depends on them). */
  pings: z
    .object({ asked: z.number().int(), answered: z.number().int(), missed: z.number().int() })
    .optional(),
  /** What can be paid now: 0 when held, else the total without the held commission (floored at 0). */
  payableCents: cents,
});
export type PayrollLine = z.output<typeof payrollLineSchema>;

/** The line's key (see `key`): the login in lower case for lines stored without one. */
export const lineKey = (line: Pick<PayrollLine, 'key' | 'operator'>): string =>
  line.key ?? line.operator.toLowerCase();
