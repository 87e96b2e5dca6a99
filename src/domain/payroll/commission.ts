import type { ProgramConfig } from '../../config/program.js';
import { isoDay, type MonthCalendar, monthOrdinal, utcDay } from './calendar.js';
import type { Earnings } from './earnings.js';
import { formatPercent, plural } from './format.js';
import type { PayrollOperator } from './inputs.js';
import type { CommissionDetail, PartnerStatus } from './line.js';
import { loginKey } from './logins.js';
import { percentOfCents } from './money.js';
import { fullMonths } from './tenure.js';

/**
 * The login key of the partner `record` names as its referrer; undefined when it names none, or
 * itself (a self-referral never counts).
 */
export function referrerKey(record: PayrollOperator): string | undefined {
  if (record.referrer === undefined) return undefined;
  const key = loginKey(record.referrer);
  return key === loginKey(record.login) ? undefined : key;
}

/**
 * For each partner's login key, how many operators it referred reached active by the month's
 * end (activated on or before its last day; one who has since left still counts). One pass over
 * the registry, so each partner's count is a look-up.
 */
export function referralCounts(
  operators: readonly PayrollOperator[],
  calendar: MonthCalendar,
): Map<string, number> {
  const counts = new Map<string, number>();
  for (const record of operators) {
    const key = referrerKey(record);
    if (key === undefined || utcDay(record.activatedAt) > calendar.lastDay) continue;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/** The operators active this month grouped by the login key of their referrer, in `active`'s order. */
export function referredByPartner(active: readonly Earnings[]): Map<string, Earnings[]> {
  const groups = new Map<string, Earnings[]>();
  for (const earned of active) {
    const key = referrerKey(earned.record);
    if (key === undefined) continue;
    const group = groups.get(key);
    if (group === undefined) groups.set(key, [earned]);
    else group.push(earned);
  }
  return groups;
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
 * operator referred nobody who reached active. `referralsByPartner` is
 * `referralCounts(operators, calendar)`.
 */
export function partnerStatus(
  partner: Earnings,
  referralsByPartner: ReadonlyMap<string, number>,
  calendar: MonthCalendar,
  config: ProgramConfig,
): PartnerStatus | undefined {
  const { minReferrals, minTenureMonths, minUptimePercent } = config.partners;
  const referrals = referralsByPartner.get(loginKey(partner.record.login)) ?? 0;
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
 * `referredOperators` are the active operators naming the partner as referrer (`referredByPartner`).
 */
export function commissionDetails(
  status: PartnerStatus | undefined,
  referredOperators: readonly Earnings[],
  calendar: MonthCalendar,
  config: ProgramConfig,
): CommissionDetail[] {
  if (status === undefined) return [];
  return referredOperators
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
