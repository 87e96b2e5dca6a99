import { describe, expect, it } from 'vitest';
import { editedAfterWriting } from '../../../src/gitea/edited-at.js';

describe('editedAfterWriting: a comment Gitea has as edited in a later second than it was written', () => {
  it.each([
    ['never updated', '2026-11-02T09:00:00Z', undefined, {}],
    ['updated in the second it was written', '2026-11-02T09:00:00Z', '2026-11-02T09:00:00Z', {}],
    [
      'updated a second later',
      '2026-11-02T09:00:00Z',
      '2026-11-02T09:00:01Z',
      { editedAt: '2026-11-02T09:00:01.000Z' },
    ],
    [
      'in another zone, a minute later',
      '2026-11-02T10:00:00+01:00',
      '2026-11-02T09:01:00Z',
      { editedAt: '2026-11-02T09:01:00.000Z' },
    ],
    ['updated before (a clock step back): not edited', '2026-11-02T09:00:05Z', '2026-11-02T09:00:00Z', {}],
  ] as const)('%s', (_name, created, updated, expected) => {
    expect(editedAfterWriting(created, updated)).toEqual(expected);
  });
});
