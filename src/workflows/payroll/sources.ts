import type { ProgramConfig } from '../../config/program.js';
import { type PayrollSources, payrollInput } from '../../domain/payroll/assemble.js';
import type { PayrollInput } from '../../domain/payroll/index.js';
import { type MonthChanges, monthPayroll } from '../../domain/payroll/month-payroll.js';
import type { MonthStandards } from '../../domain/payroll/standards.js';
import { summarizePings } from '../../domain/standards/ping.js';
import { rotationStatuses } from '../../domain/standards/rotation.js';
import { addMonthsTo } from '../../domain/time/month.js';
import type { AlertStore } from '../../store/alerts.js';
import type { OperatorStore } from '../../store/operators.js';
import type { PartnerReportStore } from '../../store/partner-reports.js';
import type { PingStore } from '../../store/pings.js';
import type { ReportStore } from '../../store/reports.js';
import type { RotationStore } from '../../store/rotations.js';

export type PayrollStores = {
  registry: OperatorStore;
  reports: ReportStore;
  alerts: AlertStore;
  partnerReports: PartnerReportStore;
  rotations: RotationStore;
  pings: PingStore;
};

/** Reads a month's payroll sources from Redis: the operators' histories, their reports, the month's alerts and partner reports. */
export async function loadPayrollSources(
  month: string,
  stores: Pick<PayrollStores, 'registry' | 'reports' | 'alerts' | 'partnerReports'>,
): Promise<PayrollSources> {
  const histories = await stores.registry.histories();
  const reports = new Map(
    await Promise.all(
      histories.map(async (o) => [o.login.toLowerCase(), await stores.reports.of(o.login)] as const),
    ),
  );
  return {
    histories,
    reportsOf: (login) => reports.get(login.toLowerCase()) ?? [],
    alerts: await stores.alerts.inMonth(month),
    partnerReports: await stores.partnerReports.filed(month),
  };
}

/**
 * A month's payroll as stored now, the one way it is read: its input (from the history), its
 * standards flags (credentials overdue at the month's end, the month's pings), and `build`,
 * which puts them together with the adjustments and holds (domain/payroll/month-payroll.ts).
 */
export function createPayrollSource(stores: PayrollStores, config: ProgramConfig) {
  const input = async (month: string): Promise<PayrollInput> =>
    payrollInput(month, await loadPayrollSources(month, stores), config);
  const standards = async (month: string): Promise<MonthStandards> => {
    const monthEnd = new Date(Date.parse(`${addMonthsTo(month, 1)}-01T00:00:00Z`) - 1).toISOString();
    const statuses = rotationStatuses(
      monthEnd,
      await stores.registry.all(),
      await stores.rotations.asOf(monthEnd),
      config,
    );
    return {
      credentialsOverdue: statuses.filter((s) => s.stage === 'overdue').map((s) => s.login),
      pings: summarizePings(await stores.pings.inMonth(month)),
    };
  };
  return {
    input,
    standards,
    build: async (month: string, changes?: MonthChanges) =>
      monthPayroll(await input(month), await standards(month), changes),
  };
}
