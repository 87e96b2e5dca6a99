import { describe, expect, it } from 'vitest';
import { paidMonths } from '../../../../src/workflows/payroll/paid-months.js';
import { instanceIn } from '../../../support/workflows.js';

describe('paid months: a closed month never changes (PROGRAM.md, Compensation)', () => {
  it('are the months of payroll issues in state paid, and only those', () => {
    const instances = [
      instanceIn('payroll', 'paid', { month: '2026-09' }),
      instanceIn('payroll', 'approved', { month: '2026-10' }),
      instanceIn('payroll', 'review', { month: '2026-11' }),
      instanceIn('exit', 'done', { month: '2026-08', operator: 'bob' }),
      instanceIn('payroll', 'paid', { month: '2026-07' }),
    ];
    expect(paidMonths(instances).sort()).toEqual(['2026-07', '2026-09']);
    expect(paidMonths([])).toEqual([]);
  });
});
