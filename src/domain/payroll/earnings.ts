import type { ProgramConfig } from '../../config/program.js';
import type { MonthCalendar } from '../time/month.js';
import { fullBaseCents, paidNodes, segmentedBaseCents } from './base.js';
import { completionBonus, responseBonus, uptimeBonus } from './bonuses.js';
import type { CriticalAlertResponse, MonthlyMetrics, PayrollOperator } from './inputs.js';
import { BONUS_KINDS, type BonusDetail, type BonusKind, type PayrollFlag } from './line.js';
import type { ActivePeriod } from './period.js';
import { retentionBonus } from './retention.js';

/** What an operator earns by its own work in the month: base and bonuses, before commission. */
export interface Earnings {
  record: PayrollOperator;
  period: ActivePeriod;
  metrics: MonthlyMetrics | undefined;
  paidNodes: number;
  fullBaseCents: number;
  baseCents: number;
  bonusDetails: Record<BonusKind, BonusDetail>;
  bonusCents: number;
  flags: PayrollFlag[];
}

/**
 * Base (pro-rated by days, node count by node count: see `segmentedBaseCents`) and the four bonuses, each decided on its own and never pro-rated. In a
 * month the operator is terminated for cause every bonus is 0, its detail saying what it would
 * have been.
 */
export function earnings(
  record: PayrollOperator,
  period: ActivePeriod,
  metrics: MonthlyMetrics | undefined,
  alerts: CriticalAlertResponse[],
  calendar: MonthCalendar,
  config: ProgramConfig,
): Earnings {
  const full = fullBaseCents(record.nodes, config);
  const baseCents = segmentedBaseCents(period.nodeSegments, calendar.daysInMonth, config);
  const decided: Record<BonusKind, BonusDetail> = {
    uptime: uptimeBonus(metrics, config),
    completion: completionBonus(metrics, config),
    response: responseBonus(alerts, config),
    retention: retentionBonus(period, calendar, config),
  };
  const forCause = period.ending === 'terminated-for-cause';
  const bonusDetails = forCause ? withheld(decided) : decided;
  return {
    record,
    period,
    metrics,
    paidNodes: paidNodes(record.nodes, config),
    fullBaseCents: full,
    baseCents,
    bonusDetails,
    bonusCents: BONUS_KINDS.reduce((sum, kind) => sum + bonusDetails[kind].cents, 0),
    flags: flags(period, metrics),
  };
}

function withheld(details: Record<BonusKind, BonusDetail>): Record<BonusKind, BonusDetail> {
  const withhold = (detail: BonusDetail): BonusDetail => ({
    cents: 0,
    earned: false,
    metric: `${detail.metric}; no bonuses: terminated for cause`,
  });
  return {
    uptime: withhold(details.uptime),
    completion: withhold(details.completion),
    response: withhold(details.response),
    retention: withhold(details.retention),
  };
}

function flags(period: ActivePeriod, metrics: MonthlyMetrics | undefined): PayrollFlag[] {
  const raised: PayrollFlag[] = [];
  if (metrics?.uptimePercent === undefined) raised.push('missing-report');
  if (period.ending === 'terminated-for-cause') raised.push('terminated-for-cause');
  if (period.ending === 'exit') raised.push('exit');
  if (period.ending === 'missing-end-date') raised.push('missing-end-date');
  return raised;
}
