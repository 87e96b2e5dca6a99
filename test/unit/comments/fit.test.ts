import { describe, expect, it } from 'vitest';
import { formatUtcSeconds } from '../../../src/domain/time/format.js';
import { examplesOf, templates, viewOf } from '../../support/template-examples.js';

/** Issue #18, "Fit the page": what Gitea's 880 px comment column can show. */
const rendered = (template: string) =>
  examplesOf(template).map((example) => templates.render(template, viewOf(template, example)));

/** The rows of every markdown table in a comment, as cell counts. */
const tableWidths = (body: string) =>
  body
    .split('\n')
    .filter((line) => line.startsWith('|'))
    .map((line) => line.split(/(?<!\\)\|/).length - 2);

describe('the payroll comment', () => {
  it('shows a summary of at most 7 columns: operator, status, base, bonuses, commission + adjustment, total, payment', () => {
    const loaded = rendered('payroll-status').filter((b) => !b.includes('could not be loaded'));
    expect(loaded.length).toBeGreaterThan(0);
    for (const body of loaded) {
      expect(body).toContain(
        '| operator | status | base | bonuses | commission + adjustment | total | payment |',
      );
      expect(Math.max(...tableWidths(body))).toBeLessThanOrEqual(7);
    }
  });

  it('folds each operator’s details: wallet, chain and the reason for every amount', () => {
    const [body = ''] = rendered('payroll-status');
    const summary = body.slice(0, body.indexOf('<details>'));
    expect(summary).not.toMatch(/0x[0-9a-fA-F]{40}/);
    expect(body).toContain('<details><summary>@bob-fsn · ');
    const bob = body.slice(body.indexOf('<details><summary>@bob-fsn'));
    const folded = bob.slice(0, bob.indexOf('</details>'));
    expect(folded).toContain('wallet `0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed` on base');
    expect(folded).toMatch(/base \$[\d.]+ for \d node/);
    expect(folded).toContain('uptime:');
  });
});

describe('deadlines judged to the second', () => {
  it('an alert deadline is shown to the second', () => {
    expect(formatUtcSeconds('2026-11-20T05:43:59.000Z')).toBe('2026-11-20 05:43:59 UTC');
    const [escalated = ''] = rendered('alert-status');
    expect(escalated).toMatch(/\d{2}:\d{2}:\d{2} UTC/);
    expect(escalated).not.toMatch(/\d+:\d{2} < \d+:\d{2}/);
  });
});

describe('the incomplete application', () => {
  it('says the answers to fix are above, where the list is', () => {
    const incomplete =
      rendered('onboarding-status').find((b) => b.includes('Please fix these answers')) ?? '';
    expect(incomplete.indexOf('Please fix these answers')).toBeLessThan(incomplete.indexOf('**Next:**'));
    expect(incomplete).toContain('fix the answers listed above');
    expect(incomplete).not.toContain('answers below');
  });
});
