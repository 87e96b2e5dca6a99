import type { OperatorHistory } from '../history/events.js';
import { historyFromRecord } from '../history/legacy.js';
import { utcDay } from '../time/day.js';
import { monthCalendar } from '../time/month.js';
import { commissionDetails, partnerStatus, referralCounts, referredByPartner } from './commission.js';
import { type Earnings, earnings } from './earnings.js';
import { type Adjustment, type Hold, type PayrollInput, payrollInputSchema } from './inputs.js';
import { payrollLine } from './line-total.js';
import { groupByLogin, loginKey } from './logins.js';
import { monthLines } from './month-lines.js';
import type { Payroll } from './payroll.js';
import { payrollTotals } from './totals.js';

/**
 * The payroll of `input.month` (PROGRAM.md "Compensation" and "Partner program"): one line per
 * stint of an operator active on at least one day of the month (an operator who left and came
 * back in the month has two), sorted by login, then day. Pure: the input is checked with
 * `payrollInputSchema` (a bad input throws its `ZodError`), nothing is read or written, and no
 * clock is consulted. Commission, adjustments and holds naming a login go on that operator's
 * last line of the month; those naming a line key (`login@YYYY-MM-DD`) on that line.
 */
export function computePayroll(input: PayrollInput): Payroll {
  const parsed = payrollInputSchema.parse(input);
  const { month, metrics, alerts, adjustments, holds, partnerReports, config } = parsed;
  const calendar = monthCalendar(month);
  const histories = byLoginKey([...parsed.operators.map(historyFromRecord), ...parsed.histories]);
  const metricsByLogin = groupByLogin(metrics.filter((record) => record.month === month));
  const alertsByLogin = groupByLogin(
    alerts.filter((alert) => {
      const day = utcDay(alert.openedAt);
      return day >= calendar.firstDay && day <= calendar.lastDay;
    }),
  );
  const active: { earned: Earnings; last: boolean }[] = [];
  for (const { record: history, key } of histories) {
    const lines = monthLines(history, calendar);
    for (const [index, { record, period }] of lines.entries()) {
      const earned = earnings(
        record,
        period,
        metricsByLogin.get(key)?.[0],
        alertsByLogin.get(key) ?? [],
        calendar,
        config,
      );
      active.push({ earned, last: index === lines.length - 1 });
    }
  }
  const adjustmentsByLine = byLine(adjustments, active);
  const holdsByLine = byLine(holds, active);
  const reported = new Set(partnerReports.map(loginKey));
  const referralsByPartner = referralCounts(
    histories.map(({ record }) => record),
    calendar,
  );
  const referredBy = referredByPartner(active.map(({ earned }) => earned));
  const lines = active.map(({ earned, last }) => {
    const key = loginKey(earned.record.login);
    const partner = last ? partnerStatus(earned, referralsByPartner, calendar, config) : undefined;
    return payrollLine(
      earned,
      {
        partner,
        commissionDetails: commissionDetails(partner, referredBy.get(key) ?? [], config),
        partnerReportFiled: reported.has(key),
        adjustments: adjustmentsByLine.get(earned.period.key) ?? [],
        holds: holdsByLine.get(earned.period.key) ?? [],
      },
      calendar,
      config,
    );
  });
  const matched = new Set(active.flatMap(({ earned }) => [earned.period.key, loginKey(earned.record.login)]));
  return {
    month,
    lines,
    ...payrollTotals(lines),
    unmatched: {
      adjustments: adjustments.filter((adjustment) => !matched.has(loginKey(adjustment.login))),
      holds: holds.filter((hold) => !matched.has(loginKey(hold.login))),
    },
  };
}

/**
 * Adjustments or holds by the line they apply to: one naming a line key goes on that line, one
 * naming a login on the operator's last line of the month.
 */
function byLine<T extends Adjustment | Hold>(
  items: readonly T[],
  active: readonly { earned: Earnings; last: boolean }[],
): Map<string, T[]> {
  const lineOf = new Map<string, string>();
  for (const { earned, last } of active) {
    lineOf.set(earned.period.key, earned.period.key);
    if (last) lineOf.set(loginKey(earned.record.login), earned.period.key);
  }
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const line = lineOf.get(loginKey(item.login));
    if (line === undefined) continue;
    groups.set(line, [...(groups.get(line) ?? []), item]);
  }
  return groups;
}

/**
 * The histories sorted by login key (stable: the same key keeps its order), each with its key,
 * computed once per history rather than on every comparison.
 */
function byLoginKey(histories: readonly OperatorHistory[]): { record: OperatorHistory; key: string }[] {
  return histories
    .map((record) => ({ record, key: loginKey(record.login) }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}
