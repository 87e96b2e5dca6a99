import type { ProgramConfig } from '../../config/program.js';
import { isoDay, type MonthCalendar, monthOrdinal, utcDay } from './calendar.js';
import type { Earnings } from './earnings.js';
import { formatPercent, plural } from './format.js';
import type { PayrollOperator } from './inputs.js';
import type { CommissionDetail, PartnerStatus } from './line.js';
import { loginKey } from './logins.js';
import { percentOfCents } from './money.js';
import { fullMonths } from './tenure.js';

/** Whether `record` names `partner` as its referrer (a self-referral never counts). */
export function isReferredBy(record: PayrollOperator, partner: PayrollOperator): boolean {
  return (
    record.referrer !== undefined &&
    loginKey(record.referrer) === loginKey(partner.login) &&
    loginKey(record.login) !== loginKey(partner.login)
  );
}

/**
 * Partner status of an operator active this month (`partner` has earnings, so it was active on
 * at least one day of it), judged at the month's end. It qualifies when:
 * - at least `partners.minReferrals` operators it referred reached active by the month's end
 *   (activated on or before it; a referral who has since left still reached active);
 * - it has been certified (activated) at least `partners.minTenureMonths` full months at the
 *   month's end (`fullMonths`);
 * - its own uptime this month is strictly above `partners.minUptimePercent` (none reported: no).
 * Referral count and tenure only grow, so the first month all three hold is the month partner
 * status is earned; commission accrues from it, never for months before. Undefined when the
 * operator referred nobody who reached active.
 */
export function partnerStatus(
  partner: Earnings,
  operators: readonly PayrollOperator[],
  calendar: MonthCalendar,
  config: ProgramConfig,
): PartnerStatus | undefined {
  const { minReferrals, minTenureMonths, minUptimePercent } = config.partners;
  const referrals = operators.filter(
    (record) => isReferredBy(record, partner.record) && utcDay(record.activatedAt) <= calendar.lastDay,
  ).length;
  if (referrals === 0) return undefined;
  const tenureMonths = fullMonths(partner.period.activatedDay, calendar.lastDay);
  const uptimePercent = partner.metrics?.uptimePercent;
  const enoughReferrals = referrals >= minReferrals;
  const enoughTenure = tenureMonths >= minTenureMonths;
  const enoughUptime = uptimePercent !== undefined && uptimePercent > minUptimePercent;
  const monthEnd = isoDay(calendar.lastDay);
  return {
    qualified: enoughReferrals && enoughTenure && enoughUptime,
    referrals,
    tenureMonths,
    ...(uptimePercent === undefined ? {} : { uptimePercent }),
    rules: [
      `${plural(referrals, 'referral')} active by ${monthEnd} ${enoughReferrals ? '≥' : '<'} ${minReferrals}`,
      `certified ${tenureMonths} full months at ${monthEnd} ${enoughTenure ? '≥' : '<'} ${minTenureMonths}`,
      uptimePercent === undefined
        ? `no uptime reported (needs > ${minUptimePercent}%)`
        : `own uptime ${formatPercent(uptimePercent, minUptimePercent)} ${enoughUptime ? '>' : '≤'} ${minUptimePercent}%`,
    ],
  };
}

/**
 * What the partner earns on each operator it referred who is active this month and in its
 * first `partners.months` months (month 1 = the activation month): `commissionPercent`% of
 * that operator's pro-rated base plus its bonuses, rounded half-up per operator; 0 when the
 * partner does not qualify this month. Adjustments on the referred line are not commissioned;
 * a hold on it does not stop the commission (a hold is about paying, not earning).
 */
export function commissionDetails(
  partner: Earnings,
  status: PartnerStatus | undefined,
  active: readonly Earnings[],
  calendar: MonthCalendar,
  config: ProgramConfig,
): CommissionDetail[] {
  if (status === undefined) return [];
  return active
    .filter((referred) => isReferredBy(referred.record, partner.record))
    .map((referred) => ({ referred, monthIndex: monthOrdinal(referred.period.activatedDay, calendar) }))
    .filter(({ monthIndex }) => monthIndex >= 1 && monthIndex <= config.partners.months)
    .map(({ referred, monthIndex }) => ({
      referred: referred.record.login,
      baseCents: referred.baseCents,
      bonusCents: referred.bonusCents,
      commissionCents: status.qualified
        ? percentOfCents(referred.baseCents + referred.bonusCents, config.partners.commissionPercent)
        : 0,
      monthIndex,
    }));
}
