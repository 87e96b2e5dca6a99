import { createHash } from 'node:crypto';
import type { PayrollInput } from './inputs.js';

/** JSON with object keys sorted at every depth: the same data gives the same text. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

const sortedBy = <T>(items: readonly T[] | undefined, key: (item: T) => string) =>
  [...(items ?? [])].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));

/**
 * A digest (sha256, hex) of everything a month's payroll is computed from: the registry records,
 * the month's metrics and critical alerts, partner reports, adjustments and holds, the pay rules
 * of the config, and `extra` (e.g. the standards flags). Two inputs with the same digest give the
 * same payroll; an approval is of the snapshot with this digest (issue #15, "Approval freezes").
 */
export function payrollDigest(input: PayrollInput, extra: unknown = null): string {
  const { config, ...rest } = input;
  const normalized = {
    ...rest,
    operators: sortedBy(rest.operators, (o) => o.login.toLowerCase()),
    histories: sortedBy(rest.histories, (h) => h.login.toLowerCase()),
    metrics: sortedBy(rest.metrics, (m) => `${m.login.toLowerCase()} ${m.month}`),
    alerts: sortedBy(rest.alerts, (a) => `${a.login.toLowerCase()} ${a.openedAt}`),
    partnerReports: sortedBy(rest.partnerReports, (p) => p.toLowerCase()),
    rules: { payroll: config.payroll, partners: config.partners },
    extra,
  };
  return createHash('sha256').update(canonical(normalized)).digest('hex');
}
