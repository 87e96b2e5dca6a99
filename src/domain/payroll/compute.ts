import { monthCalendar, utcDay } from './calendar.js';
import { commissionDetails, partnerStatus, referralCounts, referredByPartner } from './commission.js';
import { type Earnings, earnings } from './earnings.js';
import { type PayrollInput, payrollInputSchema } from './inputs.js';
import { payrollLine } from './line-total.js';
import { groupByLogin, loginKey } from './logins.js';
import type { Payroll } from './payroll.js';
import { activePeriod } from './period.js';
import { payrollTotals } from './totals.js';

/**
 * The payroll of `input.month` (PROGRAM.md "Compensation" and "Partner program"): one line per
 * operator active on at least one day of the month, sorted by login. Pure: the input is checked
 * with `payrollInputSchema` (a bad input throws its `ZodError`), nothing is read or written,
 * and no clock is consulted.
 */
export function computePayroll(input: PayrollInput): Payroll {
  const { month, operators, metrics, alerts, adjustments, holds, partnerReports, config } =
    payrollInputSchema.parse(input);
  const calendar = monthCalendar(month);
  const metricsByLogin = groupByLogin(metrics.filter((record) => record.month === month));
  const alertsByLogin = groupByLogin(
    alerts.filter((alert) => {
      const day = utcDay(alert.openedAt);
      return day >= calendar.firstDay && day <= calendar.lastDay;
    }),
  );
  const active: Earnings[] = [];
  for (const { record, key } of byLoginKey(operators)) {
    const period = activePeriod(record, calendar);
    if (period === undefined) continue;
    active.push(
      earnings(record, period, metricsByLogin.get(key)?.[0], alertsByLogin.get(key) ?? [], calendar, config),
    );
  }
  const adjustmentsByLogin = groupByLogin(adjustments);
  const holdsByLogin = groupByLogin(holds);
  const reported = new Set(partnerReports.map(loginKey));
  const referralsByPartner = referralCounts(operators, calendar);
  const referredBy = referredByPartner(active);
  const lines = active.map((earned) => {
    const key = loginKey(earned.record.login);
    const partner = partnerStatus(earned, referralsByPartner, calendar, config);
    return payrollLine(
      earned,
      {
        partner,
        commissionDetails: commissionDetails(partner, referredBy.get(key) ?? [], calendar, config),
        partnerReportFiled: reported.has(key),
        adjustments: adjustmentsByLogin.get(key) ?? [],
        holds: holdsByLogin.get(key) ?? [],
      },
      calendar,
    );
  });
  const paid = new Set(lines.map((line) => loginKey(line.operator)));
  return {
    month,
    lines,
    ...payrollTotals(lines),
    unmatched: {
      adjustments: adjustments.filter((adjustment) => !paid.has(loginKey(adjustment.login))),
      holds: holds.filter((hold) => !paid.has(loginKey(hold.login))),
    },
  };
}

/**
 * The records sorted by login key (stable: records with the same key keep their order), each
 * with its key, computed once per record rather than on every comparison.
 */
function byLoginKey<T extends { login: string }>(records: readonly T[]): { record: T; key: string }[] {
  return records
    .map((record) => ({ record, key: loginKey(record.login) }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}
