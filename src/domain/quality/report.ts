import { z } from 'zod';
import { inert } from '../text/inert.js';
import { plural } from '../text/plural.js';
import { SECRET_KIND_LABELS, type SecretFinding } from './secret-kind.js';
import type { SignoffProblem } from './signoff.js';

/** Text from a pull request (a file name, a sign-off) as an inert code span: see src/domain/text/inert.ts. */
const codeSpan = (text: string): string => inert(text).text;

/** The commit status context the verdict is reported under. */
export const QUALITY_STATUS_CONTEXT = 'operator-bot/quality';
/** The hidden first line of the status comment, to find it again and edit it on the next push. */
export const QUALITY_COMMENT_MARKER = '<!-- operator-bot:quality -->';
/** Gitea's limit on a commit status description is longer; one readable line is what we want. */
const MAX_DESCRIPTION_LENGTH = 140;
/** Detail lines listed per failed check in the comment; the rest are counted. */
const MAX_DETAILS = 30;

const QUALITY_CHECKS = ['signoff', 'issue-reference', 'secrets'] as const;
const qualityCheckSchema = z.enum(QUALITY_CHECKS);
export type QualityCheck = z.output<typeof qualityCheckSchema>;

const qualityFailureSchema = z.object({
  check: qualityCheckSchema,
  /** What failed and how to fix it (Markdown, one paragraph). */
  message: z.string(),
  /** One line per commit or finding (Markdown): short sha and problem, or file and line; never a secret. */
  details: z.array(z.string()),
});
export type QualityFailure = z.output<typeof qualityFailureSchema>;

export const qualityVerdictSchema = z.object({
  state: z.enum(['success', 'failure']),
  /** One line for the commit status. */
  description: z.string().max(MAX_DESCRIPTION_LENGTH),
  failures: z.array(qualityFailureSchema),
});
export type QualityVerdict = z.output<typeof qualityVerdictSchema>;

export interface QualityResults {
  /** The output of `checkSignoffs`: one problem per commit, none when all are signed off. */
  signoffs: readonly SignoffProblem[];
  /** The output of `referencesIssue`. */
  referencesIssue: boolean;
  /** The output of `findSecrets`. */
  secrets: readonly SecretFinding[];
}

const CHECK_TITLES: Record<QualityCheck, string> = {
  signoff: 'Sign-off',
  'issue-reference': 'Issue reference',
  secrets: 'Secrets',
};

const shortSha = (sha: string) => sha.slice(0, 10);

function signoffDetail(problem: SignoffProblem): string {
  const commit = codeSpan(shortSha(problem.sha));
  switch (problem.reason) {
    case 'missing':
      return `${commit}: no \`Signed-off-by:\` trailer; it must be ${codeSpan(`Signed-off-by: ${problem.expected}`)}`;
    case 'misplaced':
      return `${commit}: \`Signed-off-by:\` is not in the trailer block (the message's last paragraph, after a blank line)`;
    case 'mismatch':
      return `${commit}: signed off by ${problem.found.map(codeSpan).join(', ')}, not the author ${codeSpan(problem.expected)}`;
  }
}

function signoffFailure(problems: readonly SignoffProblem[]): QualityFailure {
  const mismatch = problems.some((problem) => problem.reason === 'mismatch');
  return {
    check: 'signoff',
    message:
      `${plural(problems.length, 'commit')} ${problems.length === 1 ? 'has' : 'have'} no \`Signed-off-by:\` trailer matching the commit author. ` +
      'Sign off with the author’s name and email: `git commit --amend -s --no-edit` for the last commit, ' +
      'or `git rebase --signoff main` for every commit of the branch, then `git push --force-with-lease`.' +
      (mismatch
        ? ' When the sign-off names someone else, set `git config user.name` and `user.email` to the author’s (or fix the author with `git commit --amend --reset-author`) before signing off again.'
        : ''),
    details: problems.map(signoffDetail),
  };
}

function issueReferenceFailure(): QualityFailure {
  return {
    check: 'issue-reference',
    message:
      'The title and description reference no issue. Reference the issue this PR resolves, e.g. `Closes #12`, ' +
      '`owner/repo#12` or the issue’s full URL; references inside code blocks, code spans or HTML comments do not count.',
    details: [],
  };
}

function secretsFailure(findings: readonly SecretFinding[]): QualityFailure {
  return {
    check: 'secrets',
    message:
      `The diff adds ${plural(findings.length, 'possible hard-coded secret')}. Remove each one and rotate it — it is in ` +
      'the branch history now, so deleting it in a new commit is not enough: rewrite the branch (`git rebase -i`) so ' +
      'no commit holds it — and read it from an environment variable or the secret store instead. ' +
      'If a finding is not a secret, say so in a comment for a maintainer.',
    details: findings.map(
      (finding) => `${codeSpan(finding.file)} line ${finding.line}: ${SECRET_KIND_LABELS[finding.kind]}`,
    ),
  };
}

function oneLine(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= MAX_DESCRIPTION_LENGTH ? flat : `${flat.slice(0, MAX_DESCRIPTION_LENGTH - 1)}…`;
}

function failureDescription(results: QualityResults): string {
  const parts: string[] = [];
  if (results.signoffs.length > 0) parts.push(`${plural(results.signoffs.length, 'commit')} not signed off`);
  if (!results.referencesIssue) parts.push('no issue referenced');
  if (results.secrets.length > 0) {
    parts.push(`${plural(results.secrets.length, 'possible secret')} added (see the PR comment)`);
  }
  return oneLine(`Failed: ${parts.join('; ')}`);
}

/** The commit status and the failures behind it. */
export function qualityVerdict(results: QualityResults): QualityVerdict {
  const failures: QualityFailure[] = [];
  if (results.signoffs.length > 0) failures.push(signoffFailure(results.signoffs));
  if (!results.referencesIssue) failures.push(issueReferenceFailure());
  if (results.secrets.length > 0) failures.push(secretsFailure(results.secrets));
  if (failures.length === 0) {
    return {
      state: 'success',
      description: 'Commits signed off, issue referenced, no secrets added',
      failures,
    };
  }
  return { state: 'failure', description: failureDescription(results), failures };
}

function failureSection(failure: QualityFailure): string {
  const shown = failure.details.slice(0, MAX_DETAILS).map((detail) => `- ${detail}`);
  const hidden = failure.details.length - shown.length;
  if (hidden > 0) shown.push(`- … and ${hidden} more`);
  return [
    `#### ❌ ${CHECK_TITLES[failure.check]}`,
    '',
    failure.message,
    ...(shown.length > 0 ? ['', ...shown] : []),
  ].join('\n');
}

/**
 * The pull request's status comment: a hidden marker line, then each failed check with what failed
 * and how to fix it, and the checks that passed; or a short success text. Findings show file and line.
 */
export function formatQualityComment(verdict: QualityVerdict, prNumber: number): string {
  if (verdict.failures.length === 0) {
    return `${QUALITY_COMMENT_MARKER}\n✅ Quality checks passed for #${prNumber}: every commit is signed off, an issue is referenced and no secrets are added.\n`;
  }
  const failed = new Set(verdict.failures.map((failure) => failure.check));
  const passed = QUALITY_CHECKS.filter((check) => !failed.has(check)).map((check) => CHECK_TITLES[check]);
  const lines = [
    QUALITY_COMMENT_MARKER,
    `### Quality checks for #${prNumber}: ${plural(verdict.failures.length, 'check')} failed`,
    '',
    ...verdict.failures.flatMap((failure) => [failureSection(failure), '']),
    passed.length > 0 ? `✅ Passed: ${passed.join(', ')}.` : '',
    '',
    'This comment is updated on every push.',
  ];
  return `${lines.join('\n').replace(/\n{3,}/g, '\n\n')}\n`;
}
