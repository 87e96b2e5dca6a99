import { describe, expect, it } from 'vitest';
import {
  formatQualityComment,
  QUALITY_COMMENT_MARKER,
  type QualityResults,
  qualityVerdict,
  qualityVerdictSchema,
  type SecretFinding,
  type SignoffProblem,
} from '../../../../src/domain/quality/index.js';

const missing: SignoffProblem = {
  sha: '0123456789abcdef0123456789abcdef01234567',
  reason: 'missing',
  expected: 'Ada Lovelace <ada@fleet.example>',
  found: [],
};
const mismatch: SignoffProblem = {
  sha: 'fedcba9876543210fedcba9876543210fedcba98',
  reason: 'mismatch',
  expected: 'Ada Lovelace <ada@fleet.example>',
  found: ['Bo <bo@x>'],
};
const finding: SecretFinding = { file: 'src/config/defaults.ts', line: 2, kind: 'github-token' };
const allGood: QualityResults = { signoffs: [], referencesIssue: true, secrets: [] };

describe('qualityVerdict', () => {
  it('succeeds when every check passes', () => {
    const verdict = qualityVerdict(allGood);
    expect(verdict).toEqual({
      state: 'success',
      description: 'Commits signed off, issue referenced, no secrets added',
      failures: [],
    });
    expect(qualityVerdictSchema.parse(verdict)).toEqual(verdict);
  });

  it.each([
    [{ signoffs: [missing] }, ['signoff'], 'Failed: 1 commit not signed off'],
    [{ signoffs: [missing, mismatch] }, ['signoff'], 'Failed: 2 commits not signed off'],
    [{ referencesIssue: false }, ['issue-reference'], 'Failed: no issue referenced'],
    [{ secrets: [finding] }, ['secrets'], 'Failed: 1 possible secret added (see the PR comment)'],
    [
      { signoffs: [missing], referencesIssue: false, secrets: [finding, finding] },
      ['signoff', 'issue-reference', 'secrets'],
      'Failed: 1 commit not signed off; no issue referenced; 2 possible secrets added (see the PR comment)',
    ],
  ])('fails on %j', (results, checks, description) => {
    const verdict = qualityVerdict({ ...allGood, ...results });
    expect(verdict.state).toBe('failure');
    expect(verdict.failures.map((failure) => failure.check)).toEqual(checks);
    expect(verdict.description).toBe(description);
    expect(qualityVerdictSchema.parse(verdict)).toEqual(verdict);
  });

  it('says how to fix each check', () => {
    const verdict = qualityVerdict({ signoffs: [mismatch], referencesIssue: false, secrets: [finding] });
    const [signoff, reference, secrets] = verdict.failures;
    expect(signoff?.message).toContain('git commit --amend -s');
    expect(signoff?.message).toContain('git rebase --signoff main');
    expect(signoff?.message).toContain('git config user.name');
    expect(signoff?.details).toEqual([
      // Text from commits is inert (src/domain/text/inert.ts): < and > as their fullwidth look-alikes.
      '`fedcba9876`: signed off by `Bo \uFF1Cbo@x\uFF1E`, not the author `Ada Lovelace \uFF1Cada@fleet.example\uFF1E`',
    ]);
    expect(reference?.message).toContain('`Closes #12`');
    expect(secrets?.message).toMatch(/rotate it/);
    expect(secrets?.message).toMatch(/history/);
    expect(secrets?.message).toMatch(/environment variable/);
    expect(secrets?.details).toEqual(['`src/config/defaults.ts` line 2: GitHub token']);
  });

  it('keeps the description to one line of at most 140 characters', () => {
    const many = Array.from({ length: 12_345 }, () => finding);
    const verdict = qualityVerdict({
      signoffs: Array(9_999).fill(missing),
      referencesIssue: false,
      secrets: many,
    });
    expect(verdict.description).toBe(
      'Failed: 9999 commits not signed off; no issue referenced; 12345 possible secrets added (see the PR comment)',
    );
    expect(verdict.description.length).toBeLessThanOrEqual(140);
    expect(verdict.description).not.toContain('\n');
  });
});

describe('formatQualityComment', () => {
  it('is a short success text when all is green', () => {
    expect(formatQualityComment(qualityVerdict(allGood), 42)).toBe(
      `${QUALITY_COMMENT_MARKER}\n✅ Quality checks passed for #42: every commit is signed off, an issue is referenced and no secrets are added.\n`,
    );
  });

  it('lists each failed check with its fix, and the checks that passed', () => {
    const comment = formatQualityComment(
      qualityVerdict({ signoffs: [missing], referencesIssue: true, secrets: [finding] }),
      42,
    );
    expect(comment).toBe(
      [
        QUALITY_COMMENT_MARKER,
        '### Quality checks for #42: 2 checks failed',
        '',
        '#### ❌ Sign-off',
        '',
        '1 commit has no `Signed-off-by:` trailer matching the commit author. Sign off with the author’s name and email: `git commit --amend -s --no-edit` for the last commit, or `git rebase --signoff main` for every commit of the branch, then `git push --force-with-lease`.',
        '',
        '- `0123456789`: no `Signed-off-by:` trailer; it must be `Signed-off-by: Ada Lovelace \uFF1Cada@fleet.example\uFF1E`',
        '',
        '#### ❌ Secrets',
        '',
        'The diff adds 1 possible hard-coded secret. Remove each one and rotate it — it is in the branch history now, so deleting it in a new commit is not enough: rewrite the branch (`git rebase -i`) so no commit holds it — and read it from an environment variable or the secret store instead. If a finding is not a secret, say so in a comment for a maintainer.',
        '',
        '- `src/config/defaults.ts` line 2: GitHub token',
        '',
        '✅ Passed: Issue reference.',
        '',
        'This comment is updated on every push.',
        '',
      ].join('\n'),
    );
  });

  it('caps long lists and keeps odd file names inside code spans', () => {
    const findings = Array.from({ length: 45 }, (_, index) => ({
      ...finding,
      file: 'we`ird @admin.ts',
      line: index + 1,
    }));
    const comment = formatQualityComment(qualityVerdict({ ...allGood, secrets: findings }), 7);
    expect(comment).toContain('- ``we`ird @\u200badmin.ts`` line 30: GitHub token');
    expect(comment).not.toContain('line 31:');
    expect(comment).toContain('- … and 15 more');
    expect(comment).toContain('✅ Passed: Sign-off, Issue reference.');
  });
});
