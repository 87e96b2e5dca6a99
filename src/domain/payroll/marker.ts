import { markerJson } from '../text/marker-json.js';

/** The kind of the signed marker that makes an issue the payroll of a month. */
export const PAYROLL_MARKER = 'payroll';
const MARKER = `operator-bot:${PAYROLL_MARKER}`;

/**
 * The month of a payroll issue, from the issue body as the worker hands it to decide: only a
 * signed marker in an issue the bot opened is there (src/domain/text/trusted-body.ts).
 */
export function readPayrollMonth(body: string): string | undefined {
  const json = new RegExp(`<!-- ${MARKER} (\\{.*?\\}) -->`).exec(body)?.[1];
  if (!json) return undefined;
  try {
    const month = (JSON.parse(json) as { month?: unknown }).month;
    return typeof month === 'string' && /^\d{4}-(0[1-9]|1[0-2])$/.test(month) ? month : undefined;
  } catch {
    return undefined;
  }
}

/** The program issue of a month's payroll: the bot edits the same one if it is opened twice. */
export function payrollIssue(month: string) {
  const name = new Date(`${month}-01T00:00:00Z`).toLocaleString('en-US', {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
  return {
    key: `payroll-${month}`,
    issue: {
      title: `Payroll ${month}`,
      body: [
        `Pay for **${name}**, computed by operator-bot from the registry, the weekly reports and the alerts.`,
        'The table, the reasons behind every amount and the review are in the bot’s comment below.',
        '',
        'Maintainers: `/adjust @op ±AMOUNT REASON`, `/hold @op REASON`, `/unhold @op`, `/approve`, `/paid @op TX`, `/paid all TX`.',
      ].join('\n'),
      labels: ['payroll'],
      markers: [{ kind: PAYROLL_MARKER, payload: markerJson({ month }) }],
    },
  };
}
