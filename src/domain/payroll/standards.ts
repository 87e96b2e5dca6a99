import type { PingSummary } from '../standards/ping.js';
import type { Payroll } from './index.js';

export type MonthStandards = { credentialsOverdue: string[]; pings: PingSummary[] };

/**
 * The operator standards on the payroll lines, as information and flags only (no pay rule):
 * credentials overdue at the month's end, and the month's pings answered and missed.
 */
export function withStandards(payroll: Payroll, standards: MonthStandards): Payroll {
  const overdue = new Set(standards.credentialsOverdue.map((login) => login.toLowerCase()));
  const pings = new Map(standards.pings.map((p) => [p.login.toLowerCase(), p]));
  return {
    ...payroll,
    lines: payroll.lines.map((line) => {
      const login = line.operator.toLowerCase();
      const summary = pings.get(login);
      const flags = [...line.flags];
      if (overdue.has(login)) flags.push('credentials-overdue');
      if (summary && summary.missed > 0) flags.push('pings-missed');
      return {
        ...line,
        flags,
        ...(summary
          ? { pings: { asked: summary.asked, answered: summary.answered, missed: summary.missed } }
          : {}),
      };
    }),
  };
}
