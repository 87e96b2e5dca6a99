import type { ProgramConfig } from '../../config/program.js';
import { isoDay } from '../time/day.js';
import type { MonthCalendar } from '../time/month.js';
import { fullBaseCents, paidNodes } from './base.js';
import type { Earnings } from './earnings.js';
import type { Adjustment, Hold } from './inputs.js';
import type { CommissionDetail, PartnerStatus, PayrollFlag, PayrollLine } from './line.js';

/** What is added to an operator's own earnings to make its line. */
export interface LineExtras {
  partner: PartnerStatus | undefined;
  commissionDetails: CommissionDetail[];
  /** Whether the partner filed its monthly report (only matters when it has commission). */
  partnerReportFiled: boolean;
  adjustments: Adjustment[];
  holds: Hold[];
}

/**
 * The line: `totalCents` = base + bonuses + commission + adjustments, floored at 0 (flag
 * `negative-clamped`). A hold (or a missing end date) makes the line `held`: its total still
 * shows but `payableCents` is 0. A missing partner report holds only the commission
 * (`commissionHeldCents`): `payableCents` is the total without it, floored at 0.
 */
export function payrollLine(
  earned: Earnings,
  extras: LineExtras,
  calendar: MonthCalendar,
  config: ProgramConfig,
): PayrollLine {
  const { record, period } = earned;
  const commissionCents = extras.commissionDetails.reduce((sum, detail) => sum + detail.commissionCents, 0);
  const adjustmentCents = extras.adjustments.reduce((sum, adjustment) => sum + adjustment.cents, 0);
  const commissionHeldCents = commissionCents > 0 && !extras.partnerReportFiled ? commissionCents : 0;
  const sum = earned.baseCents + earned.bonusCents + commissionCents + adjustmentCents;
  const totalCents = Math.max(0, sum);
  const holdReasons = [
    ...extras.holds.map((hold) => `${hold.reason} (by @${hold.by})`),
    ...(period.ending === 'missing-end-date' ? [`registry status ${record.status} without endedAt`] : []),
  ];
  const held = holdReasons.length > 0;
  const flags: PayrollFlag[] = [
    ...earned.flags,
    ...(commissionHeldCents > 0 ? (['partner-report-missing'] as const) : []),
    ...(sum < 0 ? (['negative-clamped'] as const) : []),
  ];
  const { uptime, completion, response, retention } = earned.bonusDetails;
  return {
    operator: record.login,
    status: period.status,
    nodes: record.nodes,
    activeDays: period.activeDays,
    baseCents: earned.baseCents,
    bonuses: {
      uptime: uptime.cents,
      completion: completion.cents,
      response: response.cents,
      retention: retention.cents,
    },
    commissionCents,
    adjustmentCents,
    totalCents,
    held,
    flags,
    wallet: record.wallet,
    chain: record.chain,
    handle: record.handle,
    key: period.key,
    nodePeriods: period.nodeSegments.map((segment) => ({
      from: isoDay(segment.first),
      to: isoDay(segment.last),
      days: segment.last - segment.first + 1,
      nodes: segment.nodes,
      paidNodes: paidNodes(segment.nodes, config),
      fullBaseCents: fullBaseCents(segment.nodes, config),
    })),
    daysInMonth: calendar.daysInMonth,
    firstActiveDay: isoDay(period.firstDay),
    lastActiveDay: isoDay(period.lastDay),
    paidNodes: earned.paidNodes,
    fullBaseCents: earned.fullBaseCents,
    bonusDetails: earned.bonusDetails,
    bonusCents: earned.bonusCents,
    commissionDetails: extras.commissionDetails,
    ...(extras.partner === undefined ? {} : { partner: extras.partner }),
    commissionHeldCents,
    adjustments: extras.adjustments.map(({ cents, reason, by }) => ({ cents, reason, by })),
    ...(held ? { holdReason: holdReasons.join('; ') } : {}),
    payableCents: held ? 0 : Math.max(0, totalCents - commissionHeldCents),
  };
}
