import { describe, expect, it } from 'vitest';
import { parseProgramConfig } from '../../../src/config/load.js';
import { defaultProgramConfig } from '../../../src/config/program.js';

describe('catchUp config', () => {
  it('reads Gitea every 5 minutes, and 24 hours back on a first start, by default', () => {
    expect(defaultProgramConfig().catchUp).toEqual({ every: 5 * 60_000, firstLookback: 24 * 3_600_000 });
  });

  it('takes durations', () => {
    expect(parseProgramConfig('catchUp:\n  every: 90s\n  firstLookback: 7d\n').catchUp).toEqual({
      every: 90_000,
      firstLookback: 7 * 86_400_000,
    });
  });

  it.each([
    ['catchUp:\n  every: often\n', 'catchUp.every: "often" is not a duration'],
    ['catchUp:\n  since: 1d\n', 'catchUp'],
  ])('refuses %j naming the key', (yaml, message) => {
    expect(() => parseProgramConfig(yaml)).toThrow(message);
  });
});
