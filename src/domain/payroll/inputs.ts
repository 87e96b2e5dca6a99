import { z } from 'zod';
import type { ProgramConfig } from '../../config/program.js';
import { operatorHistorySchema } from '../history/events.js';
import { operatorRecordSchema } from '../operator-record.js';
import { dayOf } from '../time/day.js';
import { isoInstantSchema } from '../time/instant.js';
import { monthSchema } from '../time/month.js';

const login = z.string().min(1);
const count = z.number().int().nonnegative();

/**
 * One operator's metrics for one month, produced from the weekly reports (PROGRAM.md "Weekly
 * metrics"): the day-weighted mean uptime (absent: no report covered the month), tasks summed
 * over the reports, and how many weekly reports were counted.
 */
const monthlyMetricsSchema = z.object({
  login,
  month: monthSchema,
  uptimePercent: z.number().min(0).max(100).optional(),
  tasksCompleted: count,
  tasksDispatched: count,
  reportedWeeks: count,
});
export type MonthlyMetrics = z.output<typeof monthlyMetricsSchema>;

/**
 * One critical alert assigned to an operator: when it was opened and, if it was, first
 * acknowledged by that operator. It counts for the month its `openedAt` falls in (UTC).
 */
const criticalAlertResponseSchema = z.object({
  login,
  openedAt: isoInstantSchema,
  acknowledgedAt: isoInstantSchema.optional(),
});
export type CriticalAlertResponse = z.output<typeof criticalAlertResponseSchema>;

/** A maintainer's `/adjust @op ±AMOUNT REASON`, in cents. */
export const adjustmentSchema = z.object({
  login,
  cents: z.number().int(),
  reason: z.string(),
  by: login,
});
export type Adjustment = z.output<typeof adjustmentSchema>;

/** A maintainer's `/hold @op REASON`. */
export const holdSchema = z.object({ login, reason: z.string(), by: login });
export type Hold = z.output<typeof holdSchema>;

/** Unreadable dates are refused by their own field; the comparison then reads them as day 0. */
const dayOrZero = (iso: string): number => dayOf(iso) ?? 0;

/**
 * A registry record the payroll can read: `activatedAt` and `endedAt` (the last active day)
 * must be ISO dates or date-times, and the last active day cannot be before the activation day
 * (the same day is one active day).
 */
const payrollOperatorSchema = operatorRecordSchema
  .extend({ activatedAt: isoInstantSchema, endedAt: isoInstantSchema.optional() })
  .refine(
    (record) => record.endedAt === undefined || dayOrZero(record.endedAt) >= dayOrZero(record.activatedAt),
    {
      message: 'endedAt is before the activation day',
      path: ['endedAt'],
    },
  );

/** The keys that occur more than once, each once, sorted. */
function duplicates(keys: readonly string[]): string[] {
  const seen = new Set<string>();
  const repeated = new Set<string>();
  for (const key of keys) {
    if (seen.has(key)) repeated.add(key);
    else seen.add(key);
  }
  return [...repeated].sort();
}

/**
 * Everything the payroll of one month is computed from. Referrals are not a separate input:
 * they are the `referrer` of each stint's activation. `partnerReports` lists the logins of partners who
 * filed their monthly partner report for this month by `partners.reportDueDay` (whoever builds
 * the input decides what counts as on time). Logins are matched case-insensitively.
 */
export const payrollInputSchema = z
  .object({
    month: monthSchema,
    /** Registry records from before the history: each is read as a one-stint history. */
    operators: z.array(payrollOperatorSchema),
    /** Operators' histories (`domain/history`): stints, node and wallet changes. */
    histories: z.array(operatorHistorySchema).default([]),
    metrics: z.array(monthlyMetricsSchema).default([]),
    alerts: z.array(criticalAlertResponseSchema).default([]),
    adjustments: z.array(adjustmentSchema).default([]),
    holds: z.array(holdSchema).default([]),
    partnerReports: z.array(login).default([]),
    config: z.custom<ProgramConfig>((value) => typeof value === 'object' && value !== null, {
      message: 'expected a parsed program config',
    }),
  })
  .superRefine((input, ctx) => {
    const logins = duplicates(
      [...input.operators, ...input.histories].map((operator) => operator.login.toLowerCase()),
    );
    if (logins.length > 0)
      ctx.addIssue({
        code: 'custom',
        path: ['operators'],
        message: `duplicate operators: ${logins.join(', ')}`,
      });
    const metrics = duplicates(
      input.metrics.filter((m) => m.month === input.month).map((m) => m.login.toLowerCase()),
    );
    if (metrics.length > 0)
      ctx.addIssue({
        code: 'custom',
        path: ['metrics'],
        message: `more than one metrics record for ${input.month}: ${metrics.join(', ')}`,
      });
  });

export type PayrollInput = z.input<typeof payrollInputSchema>;
export type PayrollOperator = z.output<typeof payrollOperatorSchema>;
