import type { ProgramConfig } from '../../config/program.js';
import type { OperatorRecord } from '../../domain/operator-record.js';
import { findLowUptimeStreak, monthlyMetrics } from '../../domain/reports/index.js';
import type { StoredReport } from '../../domain/reports/stored.js';
import { addMonthsTo, parseMonth } from '../../domain/time/month.js';
import type { Effect } from '../../engine/effects.js';
import { proposeTermination } from './open-termination.js';

/**
 * The termination reviews a closed `month` (YYYY-MM) proposes: one for each active operator whose
 * monthly uptime stayed under `exit.lowUptimePercent` for the last `exit.lowUptimeMonths` months
 * up to `month` (PROGRAM.md, "Exit": a trigger the bot detects; a maintainer decides). A month
 * without reports breaks the streak. Pure: the caller gives every operator's stored reports.
 */
export function lowUptimeProposals(
  month: string,
  operators: readonly OperatorRecord[],
  reportsOf: (login: string) => readonly StoredReport[],
  config: ProgramConfig,
  at: string,
): Effect[] {
  const { lowUptimePercent, lowUptimeMonths } = config.exit;
  if (!parseMonth(month)) return [];
  const months = Array.from({ length: lowUptimeMonths }, (_, i) =>
    addMonthsTo(month, i - lowUptimeMonths + 1),
  );
  return operators
    .filter((o) => o.status === 'active')
    .flatMap((operator) => {
      const reports = reportsOf(operator.login).map((r) => r.report);
      const series = months.map((m) => ({
        month: m,
        uptimePercent: monthlyMetrics(operator.login, m, reports).uptimePercent,
      }));
      if (!findLowUptimeStreak(series, lowUptimePercent, lowUptimeMonths, month)) return [];
      const readings = series.map((s) => `${s.month} ${s.uptimePercent}%`).join(', ');
      return [
        proposeTermination({
          login: operator.login,
          reason: `uptime below ${lowUptimePercent}% for ${lowUptimeMonths} consecutive months (${readings})`,
          by: 'operator-bot',
          mode: 'proposed',
          at,
          key: `termination-uptime-${operator.login}-${month}`,
        }),
      ];
    });
}
