import { assignedSecretKind } from './assigned-secrets.js';
import { findAssignments } from './assignments.js';
import { type AddedLine, addedLines } from './diff.js';
import { startsPrivateKey } from './private-key.js';
import type { SecretFinding, SecretKind } from './secret-kind.js';
import { mayNameASecret } from './secret-names.js';
import { findTokens } from './token-patterns.js';

/**
 * The kinds of secret on one added line: shaped tokens anywhere on it, a private key block starting
 * on it, and secrets assigned to names. A value already recognised by its shape (or a line starting a
 * private key) is not reported again as a high-entropy assignment.
 */
function kindsOnLine(added: AddedLine, next: (line: number) => string | undefined): SecretKind[] {
  const kinds: SecretKind[] = [];
  const tokens = findTokens(added.text);
  kinds.push(...tokens.map((token) => token.kind));
  const privateKey = startsPrivateKey(added.text, added.line, next);
  if (privateKey) kinds.push('private-key');
  for (const assignment of findAssignments(added.text, mayNameASecret)) {
    const kind = assignedSecretKind(assignment);
    if (kind === undefined) continue;
    const overlapsToken = tokens.some(
      (token) => token.start < assignment.end && assignment.start < token.end,
    );
    if (kind === 'high-entropy-assignment' && (overlapsToken || privateKey)) continue;
    kinds.push(kind);
  }
  return kinds;
}

/**
 * Hard-coded secrets on the added lines of a unified diff: file, new-file line number and kind,
 * one finding per kind per line. Removed and context lines are not read. The value itself is never
 * part of a finding.
 */
export function findSecrets(diff: string): SecretFinding[] {
  const lines = addedLines(diff);
  const byFile = new Map<string, Map<number, string>>();
  for (const { file, line, text } of lines) {
    const fileLines = byFile.get(file) ?? new Map<number, string>();
    fileLines.set(line, text);
    byFile.set(file, fileLines);
  }
  const findings: SecretFinding[] = [];
  const seen = new Set<string>();
  for (const added of lines) {
    const next = (line: number) => byFile.get(added.file)?.get(line);
    for (const kind of kindsOnLine(added, next)) {
      const key = `${added.file}\u0000${added.line}\u0000${kind}`;
      if (seen.has(key) || added.line < 1) continue;
      seen.add(key);
      findings.push({ file: added.file, line: added.line, kind });
    }
  }
  return findings;
}
