import { describe, expect, it } from 'vitest';
import { findSecrets, referencesIssue } from '../../../../src/domain/quality/index.js';
import { newFileDiff } from './planted.js';

/**
 * Long hostile lines (a PR author controls the diff and the description). A quadratic regression
 * takes tens of seconds on these and fails by the test's timeout; speed itself is for `npm run bench`.
 */
const LENGTH = 100_000;
const repeat = (unit: string) => unit.repeat(Math.ceil(LENGTH / unit.length));

describe('linear time on long lines', () => {
  it.each([
    'a:',
    'a=',
    'a.',
    'token:',
    'token="',
    '"a":',
    '://a:',
    'xoxb-1-',
    '12345678:',
    '-----BEGIN PRIVATE KEY-----',
    'auth: bearer ',
    '?access_token=abc&',
  ])(
    'findSecrets on %j repeated answers without hanging (fails only by its timeout)',
    { timeout: 10_000 },
    (unit) => {
      expect(Array.isArray(findSecrets(newFileDiff('long.ts', [repeat(unit)])))).toBe(true);
    },
  );

  it.each(['` ', '```\n', '<!--', '#1 ', 'a/b#1 ', 'https://gitea.example/'])(
    'referencesIssue on %j repeated answers without hanging (fails only by its timeout)',
    { timeout: 10_000 },
    (unit) => {
      const found = referencesIssue(repeat(unit), repeat(unit), {
        baseUrl: 'https://gitea.example',
        repo: 'o/r',
      });
      expect(typeof found).toBe('boolean');
    },
  );
});
