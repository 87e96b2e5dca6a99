import { describe, expect, it } from 'vitest';
import { openMonthPayroll } from '../../../../src/workflows/payroll/month-close.js';

describe('closing a month for pay', () => {
  it('opens the payroll of the month, which starts the payroll workflow', () => {
    expect(openMonthPayroll('2026-11')).toMatchObject({
      type: 'openProgramIssue',
      key: 'payroll-2026-11',
      start: true,
      issue: { title: 'Payroll 2026-11' },
    });
  });
});
