import { escapeText } from '../markdown/compose.js';
import type { OperatorRecord } from '../operator-record.js';
import { addMonthsTo, monthCalendar } from '../time/month.js';
import { activeOnAnyDay, measure } from './common.js';
import type { Dated, HealthTargets, Measure } from './types.js';

/**
 * Succession: regions (the registry's `region`, compared case-insensitively) with fewer than 2
 * operators active at the month's end. The regions looked at are those of every operator on
 * the program at some time in the last 12 months, so a region that just lost its last operator
 * shows with 0 for a year rather than disappearing.
 */
export function thinRegionsMeasure(
  month: string,
  periods: Dated[],
  activeAtEnd: OperatorRecord[],
  targets: HealthTargets,
): Measure {
  const windowStart = monthCalendar(addMonthsTo(month, -11)).firstDay;
  const windowEnd = monthCalendar(month).lastDay;
  const regions = new Map<string, { name: string; logins: string[] }>();
  for (const { record, period } of periods) {
    if (!period || !activeOnAnyDay(period, windowStart, windowEnd)) continue;
    const name = record.region.trim() || '(no region)';
    if (!regions.has(name.toLowerCase())) regions.set(name.toLowerCase(), { name, logins: [] });
  }
  for (const record of activeAtEnd) {
    const name = record.region.trim() || '(no region)';
    regions.get(name.toLowerCase())?.logins.push(record.login);
  }
  const thin = [...regions.values()]
    .filter((region) => region.logins.length < targets.minOperatorsPerRegion)
    .sort((a, b) => a.name.localeCompare(b.name));
  return measure({
    id: 'thinRegions',
    name: `Regions with fewer than ${targets.minOperatorsPerRegion} active operators`,
    value: thin.length === 0 ? 'none' : `${thin.length} of ${regions.size}`,
    amount: thin.length,
    target: 'none',
    ok: thin.length === 0,
    items: thin.map(
      (region) =>
        `${escapeText(region.name, 80)} — ${region.logins.length === 0 ? 'no active operator' : region.logins.map((l) => `@${l}`).join(', ')}`,
    ),
    itemsTitle: `Regions with fewer than ${targets.minOperatorsPerRegion} active operators`,
    definition:
      'regions of the operators on the program in the last 12 months, counting the operators active at the end of the month.',
  });
}
