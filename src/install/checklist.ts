import type { Check } from './checks.js';

/**
 * One line of `init`'s checklist. `changed`: init wrote something; `same`: already right;
 * `would`: what a real run would write (`--dry-run`); `left`: a step a person must still do;
 * `ok` / `warn` / `fail`: a check.
 */
export type Item = { status: 'ok' | 'warn' | 'fail' | 'changed' | 'same' | 'would' | 'left'; text: string };

const MARK: Record<Item['status'], string> = {
  ok: '✓',
  same: '✓',
  changed: '+',
  would: '~',
  warn: '!',
  fail: '✗',
  left: '…',
};

export const fromChecks = (checks: readonly Check[]): Item[] =>
  checks.map((check) => ({ status: check.status, text: check.message }));

/** The checklist as printed: one line per item, then what is left, then the verdict. */
export function renderChecklist(title: string, items: readonly Item[], dryRun: boolean): string {
  const lines = [
    title,
    ...items.filter((item) => item.status !== 'left').map((item) => `  ${MARK[item.status]} ${item.text}`),
  ];
  const left = items.filter((item) => item.status === 'left' || item.status === 'fail');
  if (left.length > 0) lines.push('', 'Left to do:', ...left.map((item) => `  - ${item.text}`));
  lines.push('', verdict(items, dryRun));
  return `${lines.join('\n')}\n`;
}

function verdict(items: readonly Item[], dryRun: boolean): string {
  if (items.some((item) => item.status === 'fail'))
    return 'Not installed: fix the failures above and run init again.';
  if (dryRun) {
    return items.some((item) => item.status === 'would')
      ? 'Dry run: nothing was written. Run without --dry-run to make the changes marked ~.'
      : 'Dry run: nothing would change.';
  }
  if (!items.some((item) => item.status === 'changed')) {
    return items.some((item) => item.status === 'left')
      ? 'Nothing changed; the steps above are left to do.'
      : 'Nothing changed: everything was already installed.';
  }
  return items.some((item) => item.status === 'left') ? 'Installed, with steps left to do.' : 'Installed.';
}

export const hasFailures = (items: readonly Item[]) => items.some((item) => item.status === 'fail');
