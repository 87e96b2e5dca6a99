import { describe, expect, it } from 'vitest';
import { previousMonth } from '../../../../src/domain/time/month.js';
import { openMonthPayroll } from '../../../../src/workflows/payroll/month-close.js';

describe('closing a month for pay', () => {
  it('closes the previous month, across a year end', () => {
    expect(previousMonth(new Date('2026-12-01T06:00:00Z'))).toBe('2026-11');
    expect(previousMonth(new Date('2027-01-01T06:00:00Z'))).toBe('2026-12');
  });

  it('opens the payroll of the month, which starts the payroll workflow', () => {
    expect(openMonthPayroll('2026-11')).toMatchObject({
      type: 'openProgramIssue',
      key: 'payroll-2026-11',
      start: true,
      issue: { title: 'Payroll 2026-11' },
    });
  });
});
