import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { plainNumber } from '../../../../src/domain/reports/index.js';

describe('plainNumber', () => {
  it.each([
    [99.7, '99.7'],
    [100, '100'],
    [0, '0'],
    [1e-7, '0.0000001'],
    [1.5e-7, '0.00000015'],
    [5e-324, `0.${'0'.repeat(323)}5`],
  ])('%d → %s', (value, text) => {
    expect(plainNumber(value)).toBe(text);
    expect(Number(plainNumber(value))).toBe(value);
  });

  it('writes any number so that it reads back the same (property)', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (value) => {
        const text = plainNumber(value);
        expect(text).toMatch(/^-?\d+(\.\d+)?$/);
        expect(Number(text)).toBe(value === 0 ? 0 : value);
      }),
    );
  });
});
