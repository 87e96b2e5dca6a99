import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jobIdOf, jobIdPart } from '../../../src/queue/job-id.js';

describe('job ids', () => {
  it.each([
    ['fleet/ops_a', 'fleet_2fops_5fa'],
    ['fleet_ops/a', 'fleet_5fops_2fa'],
    ['fleet.ops/a', 'fleet_2eops_2fa'],
    ['payroll-2026-11', 'payroll-2026-11'],
    ['équipe/ops', '_c3_a9quipe_2fops'],
  ])('escapes %s as %s', (text, part) => {
    expect(jobIdPart(text)).toBe(part);
  });

  it('alert #9 in fleet/ops_a and in fleet_ops/a have different timer ids', () => {
    expect(jobIdOf('timer', 'fleet/ops_a', 9, 'alert', 'escalate', 'v1')).not.toBe(
      jobIdOf('timer', 'fleet_ops/a', 9, 'alert', 'escalate', 'v1'),
    );
  });

  it('is injective over part lists and never holds a colon', () => {
    const parts = fc.array(fc.oneof(fc.string(), fc.constantFrom('a/b', 'a_b', 'a.b', 'a-b', '_2f')), {
      minLength: 1,
      maxLength: 4,
    });
    fc.assert(
      fc.property(parts, parts, (a, b) => {
        const [idA, idB] = [jobIdOf('timer', ...a), jobIdOf('timer', ...b)];
        expect(idA).not.toContain(':');
        expect(idA === idB).toBe(JSON.stringify(a) === JSON.stringify(b));
      }),
    );
  });
});
