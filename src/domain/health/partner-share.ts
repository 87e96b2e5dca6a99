import { parseInstantMs } from '../time/instant.js';
import { monthOf } from '../time/month.js';
import { formatNumber, measure, round } from './common.js';
import type { HealthApplication, HealthTargets, Measure } from './types.js';

/**
 * Partner share: of the people who opened an application in the month (UTC; one person counts
 * once however many applications they opened), those referred by a partner (`referredBy`).
 * No application in the month → `n/a`.
 */
export function partnerShareMeasure(
  month: string,
  applications: readonly HealthApplication[],
  targets: HealthTargets,
): Measure {
  const leads = new Map<string, { login: string; referredBy?: string }>();
  for (const application of applications) {
    const ms = parseInstantMs(application.openedAt);
    if (ms === undefined || monthOf(new Date(ms)) !== month) continue;
    const key = application.login.toLowerCase();
    const referredBy = application.referredBy?.trim().replace(/^@/, '') || undefined;
    const known = leads.get(key);
    leads.set(key, { login: known?.login ?? application.login, referredBy: known?.referredBy ?? referredBy });
  }
  const referred = [...leads.values()].filter((lead) => lead.referredBy !== undefined);
  const base = {
    id: 'partnerShare' as const,
    name: 'Partner share of new applications',
    target: `> ${formatNumber(targets.partnerShareAbovePercent)}%`,
    items: referred
      .sort((a, b) => a.login.localeCompare(b.login))
      .map((lead) => `@${lead.login} — referred by @${lead.referredBy}`),
    itemsTitle: 'Referred applications',
    definition:
      'applicants of the month referred by a partner ÷ all applicants of the month (each person once).',
  };
  if (leads.size === 0) return measure({ ...base, value: 'n/a (no applications)', ok: false });
  const percent = round((100 * referred.length) / leads.size);
  return measure({
    ...base,
    value: `${formatNumber(percent)}% (${referred.length} of ${leads.size})`,
    amount: percent,
    ok: percent > targets.partnerShareAbovePercent,
  });
}
