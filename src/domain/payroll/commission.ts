import type { ProgramConfig } from '../../config/program.js';
import type { OperatorHistory } from '../history/events.js';
import { timeline } from '../history/timeline.js';
import { plural } from '../text/plural.js';
import { isoDay } from '../time/day.js';
import type { MonthCalendar } from '../time/month.js';
import type { Earnings } from './earnings.js';
import { formatPercent } from './format.js';
import type { PayrollOperator } from './inputs.js';
import type { CommissionDetail, PartnerStatus } from './line.js';
import { loginKey } from './logins.js';
import { percentOfCents } from './money.js';
import { fullMonths } from './tenure.js';

/**
 * The login key of the partner `record` names as its referrer; undefined when it names none, or
 * itself (a self-referral never counts).
 */
function referrerKey(record: Pick<PayrollOperator, 'login' | 'referrer'>): string | undefined {
  if (record.referrer === undefined) return undefined;
  const key = loginKey(record.referrer);
  return key === loginKey(record.login) ? undefined : key;
}

/**
 * For each partner's login key, how many operators it referred reached active by the month's
 * end (a stint naming it as referrer activated on or before the month's last day; one who has
 * since left still counts; an operator counts once however many stints name the partner).
 * One pass over the histories, so each partner's count is a look-up.
 */
export function referralCounts(
  histories: readonly OperatorHistory[],
  calendar: MonthCalendar,
): Map<string, number> {
  const counts = new Map<string, number>();
  for (const history of histories) {
    const partners = new Set<string>();
    for (const stint of timeline(history).stints) {
      const key = referrerKey({ login: history.login, referrer: stint.activated.referrer });
      if (key !== undefined && stint.activatedDay <= calendar.lastDay) partners.add(key);
    }
    for (const key of partners) counts.set(key, (counts.get(key) ?? 0) + 1);
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
 * first `partners.months` months of active status ever (month 1 = the first calendar month it
 * was active in; a month counts once whatever the stint, so a returning operator does not start
 * again at month 1): `commissionPercent`% of
 * that operator's pro-rated base plus its bonuses, rounded half-up per operator; 0 when the
 * partner does not qualify this month. Adjustments on the referred line are not commissioned;
 * a hold on it does not stop the commission (a hold is about paying, not earning).
 * `referredOperators` are the active operators naming the partner as referrer (`referredByPartner`).
 */
export function commissionDetails(
  status: PartnerStatus | undefined,
  referredOperators: readonly Earnings[],
  config: ProgramConfig,
): CommissionDetail[] {
  if (status === undefined) return [];
  return referredOperators
    .map((referred) => ({ referred, monthIndex: referred.period.activeMonthIndex }))
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
