import { describe, expect, it } from 'vitest';
import { validateApplication } from '../../../../src/domain/application/index.js';
import type { Instance } from '../../../../src/engine/instance.js';
import { applicationsOf } from '../../../../src/workflows/onboarding/applications.js';
import { DEFAULT_RULES, FRESH_APPLICANT } from '../../domain/application/support/examples.js';
import { readFixture } from '../../domain/application/support/render.js';

const parsed = validateApplication(readFixture('complete-form.md'), FRESH_APPLICANT, DEFAULT_RULES);
if (!parsed.ok) throw new Error('complete-form.md must be a valid application');
const { referredBy: _, ...application } = parsed.application;

const instance = (workflow: string, issue: number, data: Record<string, unknown>): Instance => ({
  workflow,
  repo: 'fleet/program',
  issue,
  state: 'applied',
  version: 1,
  updatedAt: '2026-11-02T00:00:00Z',
  data,
  applied: [],
  inputs: {},
});

describe('applicationsOf: the applications program health counts', () => {
  it.each([
    {
      name: 'an application without a referrer',
      data: { applicant: 'ada', openedAt: '2026-11-02T09:00:00Z', application },
      expected: [{ login: 'ada', openedAt: '2026-11-02T09:00:00Z' }],
    },
    {
      name: 'a referred application names its partner',
      data: {
        applicant: 'ada',
        openedAt: '2026-11-02T09:00:00Z',
        application: { ...application, referredBy: 'grace' },
      },
      expected: [{ login: 'ada', openedAt: '2026-11-02T09:00:00Z', referredBy: 'grace' }],
    },
    {
      name: 'an issue whose applicant is not known yet is left out',
      data: { openedAt: '2026-11-02T09:00:00Z' },
      expected: [],
    },
    {
      name: 'an application without its opening time is left out',
      data: { applicant: 'ada' },
      expected: [],
    },
  ])('$name', ({ data, expected }) => {
    expect(applicationsOf([instance('onboarding', 1, data)])).toEqual(expected);
  });

  it('counts onboarding instances only, in the order given', () => {
    const instances = [
      instance('onboarding', 1, { applicant: 'ada', openedAt: '2026-11-02T09:00:00Z' }),
      instance('payroll', 2, { applicant: 'payroll-bot', openedAt: '2026-11-01T00:00:00Z' }),
      instance('exit', 3, { applicant: 'bob', openedAt: '2026-11-03T00:00:00Z' }),
      instance('onboarding', 4, { applicant: 'bob', openedAt: '2026-11-04T09:00:00Z' }),
    ];
    expect(applicationsOf(instances).map((a) => a.login)).toEqual(['ada', 'bob']);
  });
});
