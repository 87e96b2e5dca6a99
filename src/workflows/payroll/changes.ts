import { formatDollars } from '../../domain/payroll/amount.js';
import { lineKey, type Payroll, type PayrollLine } from '../../domain/payroll/index.js';

const metrics = (line: PayrollLine) => Object.values(line.bonusDetails).map((detail) => detail.metric);

/** What differs on one operator's line: amount, wallet, chain, hold, nodes, days, metrics, flags. */
function lineChange(before: PayrollLine | undefined, after: PayrollLine | undefined): string | undefined {
  const who = `@${(after ?? before)?.operator}`;
  if (!before && after) return `${who}: new line ${formatDollars(after.totalCents)}`;
  if (before && !after) return `${who}: no line any more (was ${formatDollars(before.totalCents)})`;
  if (!before || !after) return undefined;
  const parts: string[] = [];
  if (before.totalCents !== after.totalCents)
    parts.push(`${formatDollars(before.totalCents)} → ${formatDollars(after.totalCents)}`);
  const was = metrics(before);
  const now = metrics(after).filter((m) => !was.includes(m));
  if (now.length > 0) parts.push(now.join(', '));
  if (before.nodes !== after.nodes) parts.push(`nodes ${before.nodes} → ${after.nodes}`);
  if (before.activeDays !== after.activeDays)
    parts.push(`active days ${before.activeDays} → ${after.activeDays}`);
  if (before.wallet !== after.wallet || before.chain !== after.chain)
    parts.push(`wallet ${before.chain} ${before.wallet} → ${after.chain} ${after.wallet}`);
  if (before.held !== after.held) parts.push(after.held ? 'held' : 'released');
  const flags = after.flags.filter((f) => !before.flags.includes(f));
  if (flags.length > 0) parts.push(`flagged ${flags.join(', ')}`);
  return parts.length > 0 ? `${who}: ${parts.join('; ')}` : undefined;
}

/**
 * What changed between two snapshots of a month's payroll, one entry per line (an operator's
 * stint in the month, `lineKey`) that changed, new amounts included, in key order. Pure.
 */
export function describeChanges(before: Payroll | undefined, after: Payroll): string[] {
  const old = new Map((before?.lines ?? []).map((line) => [lineKey(line), line]));
  const now = new Map(after.lines.map((line) => [lineKey(line), line]));
  return [...new Set([...old.keys(), ...now.keys()])]
    .sort()
    .flatMap((login) => lineChange(old.get(login), now.get(login)) ?? []);
}
