import { describe, expect, it } from 'vitest';
import { plural } from '../../../../src/domain/text/plural.js';

describe('a count with its noun, as payroll lines and quality comments write it', () => {
  it.each<[number, string, string | undefined, string]>([
    [1, 'commit', undefined, '1 commit'],
    [2, 'commit', undefined, '2 commits'],
    [0, 'critical alert', undefined, '0 critical alerts'],
    [3, 'possible secret', undefined, '3 possible secrets'],
    [2, 'entry', 'entries', '2 entries'],
  ])('%i × %s', (count, singular, pluralForm, text) => {
    expect(plural(count, singular, pluralForm)).toBe(text);
  });
});
