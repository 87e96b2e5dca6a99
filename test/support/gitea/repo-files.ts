import { createHash } from 'node:crypto';
import type { CommitRecord, ProtectionRecord, RepoRecord, UserRecord } from './records.js';
import type { GiteaState } from './state.js';

/** Gitea's `[repository] DEFAULT_BRANCH`; an empty repository's first commit creates it. */
export const DEFAULT_BRANCH = 'main';

/** A git blob id: sha1 of `blob <size>\0<content>`. */
export function blobSha(content: string): string {
  const bytes = Buffer.from(content, 'utf8');
  return createHash('sha1')
    .update(Buffer.concat([Buffer.from(`blob ${bytes.length}\0`), bytes]))
    .digest('hex');
}

export function commitOnto(
  state: GiteaState,
  repo: RepoRecord,
  branch: string,
  parent: CommitRecord | undefined,
  change: { message: string; author: string; files: Map<string, string | null> },
  at: string,
): CommitRecord {
  const files = new Map(parent?.files ?? []);
  for (const [path, content] of change.files) {
    if (content === null) files.delete(path);
    else files.set(path, content);
  }
  const sha = createHash('sha1')
    .update(
      `${parent?.sha ?? ''}\n${change.message}\n${[...files].map(([p, c]) => `${p}:${blobSha(c)}`).join('\n')}`,
    )
    .digest('hex');
  const commit: CommitRecord = {
    sha,
    message: change.message,
    author: change.author,
    parent: parent?.sha ?? null,
    files,
    created: at,
  };
  state.branches.set(`${repo.id}:${branch}`, commit);
  return commit;
}

/** `GetFirstMatchProtectedBranchRule` (models/git/protected_branch_list.go): exact name or glob. */
export function protectionFor(
  state: GiteaState,
  repoId: number,
  branch: string,
): ProtectionRecord | undefined {
  const rules = state.protections.filter((rule) => rule.repoId === repoId);
  return (
    rules.find((rule) => rule.ruleName === branch) ?? rules.find((rule) => globMatches(rule.ruleName, branch))
  );
}

function globMatches(glob: string, name: string): boolean {
  if (!/[*?[]/.test(glob)) return false;
  const pattern = glob
    .replace(/[.+^${}()|\\]/g, '\\$&')
    .replace(/\*\*/g, '%GLOBSTAR%')
    .replace(/\*/g, '[^/]*')
    .replace(/%GLOBSTAR%/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${pattern}$`).test(name);
}

/** `ProtectedBranch.CanUserPush` (models/git/protected_branch.go), for a user with write access. */
export function canPush(rule: ProtectionRecord | undefined, user: UserRecord): boolean {
  if (!rule) return true;
  if (!rule.enablePush) return false;
  if (!rule.enablePushWhitelist) return true;
  return rule.pushWhitelistUsernames.some((login) => login.toLowerCase() === user.login.toLowerCase());
}
