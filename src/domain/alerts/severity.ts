import { z } from 'zod';

export const SEVERITIES = ['critical', 'warning'] as const;
export const severitySchema = z.enum(SEVERITIES);
export type Severity = z.output<typeof severitySchema>;

/** The higher of two severities (critical above warning). */
export const higherSeverity = (a: Severity, b: Severity): Severity =>
  a === 'critical' || b === 'critical' ? 'critical' : 'warning';

/** The runbook's classes (PROGRAM.md, "Alerts and escalation"), each with the words that name it. */
export const ALERT_CLASSES: { name: string; severity: Severity; pattern: RegExp }[] = [
  {
    name: 'gateway down',
    severity: 'critical',
    pattern: /gateway\b.*\b(down|unreachable|offline|dead)|gateway\s+(is\s+)?down/i,
  },
  {
    name: 'disk over 90% full',
    severity: 'critical',
    pattern: /disk\b[^\n]*?(9[0-9](\.\d+)?|100)\s*%|disk\s+(is\s+)?full|disk\s+over\s+90/i,
  },
  {
    name: 'fleet dispatch failing',
    severity: 'critical',
    pattern: /dispatch(es)?\b[^\n]*?(fail|broken|down|error)/i,
  },
  { name: 'uptime below 99.5%', severity: 'warning', pattern: /uptime\b[^\n]*?(below|under|<)/i },
  {
    name: 'failed cron jobs',
    severity: 'warning',
    pattern: /cron\b[^\n]*?(fail|error|missed)|failed\s+cron/i,
  },
  {
    name: 'agent loop errors',
    severity: 'warning',
    pattern: /agent\s+loop\b[^\n]*?(error|fail|crash|stuck)|loop\s+errors?/i,
  },
];

export type Classification = { severity: Severity; because: string };

/**
 * An alert's severity: the form's answer, else a `severity/*` label, else the first runbook class
 * the text matches (critical classes first), else warning.
 */
export function classifyAlert(input: {
  formSeverity?: string;
  labels: string[];
  text: string;
}): Classification {
  const fromForm = parseSeverity(input.formSeverity ?? '');
  if (fromForm) return { severity: fromForm, because: 'chosen in the alert form' };
  const fromLabel = input.labels
    .map((label) => /^severity\/(\w+)$/.exec(label)?.[1])
    .find((s) => parseSeverity(s ?? ''));
  if (fromLabel) return { severity: fromLabel as Severity, because: `labelled severity/${fromLabel}` };
  const match = ALERT_CLASSES.find((c) => c.pattern.test(input.text));
  if (match) return { severity: match.severity, because: `runbook class: ${match.name}` };
  return {
    severity: 'warning',
    because: 'no runbook class matched; warning by default — use /severity to change it',
  };
}

export function parseSeverity(text: string): Severity | undefined {
  const word = text.trim().toLowerCase();
  return (SEVERITIES as readonly string[]).includes(word) ? (word as Severity) : undefined;
}
