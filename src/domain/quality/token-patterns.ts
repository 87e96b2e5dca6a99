import { isPlaceholder, isTooRegular } from './placeholder.js';
import type { SecretKind } from './secret-kind.js';

/**
 * Secrets recognisable by their own shape, wherever they stand on a line. Each pattern is global;
 * the `random` group is the part that must look random (a placeholder or a run like `000…` in it
 * means an example, not a secret). Boundaries keep them from matching inside longer words.
 * - GitHub: `ghp_`/`gho_`/`ghu_`/`ghs_`/`ghr_` + at least 36 letters and digits (the documented
 *   length; GitHub allows longer); fine-grained `github_pat_` + 22 + `_` + 59.
 * - AWS access key id: `AKIA` (long-term) or `ASIA` (temporary) + 16 upper-case letters and digits.
 * - Slack: `xoxb-`/`xoxa-`/`xoxp-`/`xoxr-`/`xoxs-` + at least three dash-separated parts with a digit.
 * - Telegram bot: 8–10 digits (the bot id) `:` 35 letters, digits, `_` or `-`.
 * - Gitea access token (40 lower-case hex) as the password of a URL: `https://user:<token>@host`.
 */
export interface TokenPattern {
  kind: SecretKind;
  pattern: RegExp;
  /** Extra shape rules the regular expression does not say. */
  accept?: (token: string) => boolean;
}

const TOKEN_PATTERNS: TokenPattern[] = [
  {
    kind: 'github-token',
    pattern:
      /(?<![A-Za-z0-9_])(?:gh[pousr]_(?<random>[A-Za-z0-9]{36,251})|github_pat_(?<random2>[A-Za-z0-9]{22}_[A-Za-z0-9]{59}))(?![A-Za-z0-9_])/g,
  },
  {
    kind: 'aws-access-key-id',
    pattern: /(?<![A-Za-z0-9/+])(?:AKIA|ASIA)(?<random>[0-9A-Z]{16})(?![A-Za-z0-9])/g,
  },
  {
    kind: 'slack-token',
    // The body is taken whole (atomically) and its shape checked after, which keeps this linear.
    pattern: /(?<![A-Za-z0-9_])xox[baprs]-(?=(?<random>[A-Za-z0-9-]+))\k<random>/g,
    accept: (random) =>
      /^[A-Za-z0-9]+(?:-[A-Za-z0-9]+){2,}$/.test(random) && /\d/.test(random) && random.length >= 20,
  },
  {
    kind: 'telegram-bot-token',
    pattern: /(?<![A-Za-z0-9_:])\d{8,10}:(?<random>[A-Za-z0-9_-]{35})(?![A-Za-z0-9_-])/g,
  },
  {
    kind: 'gitea-token',
    pattern: /(?<=:\/\/[^\s:/@]*:)(?<random>[0-9a-f]{40})(?=@)/g,
  },
];

/** The spans of the line that hold a shaped token, with its kind. */
export function findTokens(line: string): { kind: SecretKind; start: number; end: number }[] {
  const found: { kind: SecretKind; start: number; end: number }[] = [];
  for (const { kind, pattern, accept } of TOKEN_PATTERNS) {
    for (const match of line.matchAll(pattern)) {
      const random = match.groups?.random ?? match.groups?.random2 ?? match[0];
      if (isPlaceholder(random) || isTooRegular(random)) continue;
      if (accept && !accept(random)) continue;
      found.push({ kind, start: match.index, end: match.index + match[0].length });
    }
  }
  return found;
}
