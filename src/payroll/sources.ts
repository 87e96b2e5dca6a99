import type { AlertStore } from '../store/alerts.js';
import type { PartnerReportStore } from '../store/partner-reports.js';
import type { RegistryStore } from '../store/registry.js';
import type { ReportStore } from '../store/reports.js';
import type { PayrollSources } from './assemble.js';

/** Reads a month's payroll sources from Redis. */
export async function loadPayrollSources(
  month: string,
  stores: {
    registry: RegistryStore;
    reports: ReportStore;
    alerts: AlertStore;
    partnerReports: PartnerReportStore;
  },
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
