import { z } from 'zod';
import type { PrCommit } from './commit.js';
import { parseTrailers } from './trailers.js';

/**
 * Why a commit fails the sign-off check:
 * - `missing`: no `Signed-off-by:` anywhere in the message;
 * - `misplaced`: a `Signed-off-by:` line is in the message but not in its closing trailer block
 *   (git and every DCO tool ignore it there);
 * - `mismatch`: sign-offs are there, none of them is the commit author (`Name <email>`).
 */
const signoffReasonSchema = z.enum(['missing', 'misplaced', 'mismatch']);
export type SignoffReason = z.output<typeof signoffReasonSchema>;

const signoffProblemSchema = z.object({
  sha: z.string(),
  reason: signoffReasonSchema,
  /** The author the sign-off must name: `Name <email>`. */
  expected: z.string(),
  /** The `Signed-off-by` values found in the trailer block, as written. */
  found: z.array(z.string()),
});
export type SignoffProblem = z.output<typeof signoffProblemSchema>;

export interface Signer {
  name: string;
  email: string;
}

const SIGNOFF_KEY = 'signed-off-by';
const ANY_SIGNOFF_LINE = /^[ \t]*signed-off-by[ \t]*:/im;

/** `Name <email>` → its parts; `undefined` when the value has no `<email>`. */
export function parseSigner(value: string): Signer | undefined {
  const match = /^(.*?)\s*<([^<>]*)>\s*$/.exec(value.trim());
  if (!match) return undefined;
  return { name: match[1] ?? '', email: match[2] ?? '' };
}

const looseName = (name: string) => name.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();
const looseEmail = (email: string) => email.trim().toLowerCase();

/** Whether a sign-off names the author: same email (case-insensitive), same name (trimmed, case-insensitive). */
function signerMatches(signer: Signer, author: Signer): boolean {
  return (
    looseEmail(signer.email) !== '' &&
    looseEmail(signer.email) === looseEmail(author.email) &&
    looseName(signer.name) === looseName(author.name)
  );
}

/** The problem with one commit's sign-off, or `undefined` when a trailer names its author. */
export function checkSignoff(commit: PrCommit): SignoffProblem | undefined {
  const found = parseTrailers(commit.message)
    .filter((trailer) => trailer.key.toLowerCase() === SIGNOFF_KEY)
    .map((trailer) => trailer.value);
  const signed = found.some((value) => {
    const signer = parseSigner(value);
    return signer !== undefined && signerMatches(signer, commit.author);
  });
  if (signed) return undefined;
  const expected = `${commit.author.name.trim()} <${commit.author.email.trim()}>`;
  const reason: SignoffReason =
    found.length > 0 ? 'mismatch' : ANY_SIGNOFF_LINE.test(commit.message) ? 'misplaced' : 'missing';
  return { sha: commit.sha, reason, expected, found };
}

/** One problem per commit whose message lacks a `Signed-off-by:` trailer matching its author. */
export function checkSignoffs(commits: readonly PrCommit[]): SignoffProblem[] {
  return commits.flatMap((commit) => checkSignoff(commit) ?? []);
}
