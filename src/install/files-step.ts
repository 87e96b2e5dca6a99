import type { ChangeFileOperation } from 'gitea-js';
import { GiteaError } from '../gitea/api.js';
import type { RepoRef } from '../gitea/client.js';
import type { Item } from './checklist.js';
import type { RepoFile } from './forms.js';
import type { GiteaAdmin } from './gitea-admin.js';

/** The branch init's pull request comes from when the default branch is protected. */
export const INSTALL_BRANCH = 'operator-bot/install';

export type WantedFile = RepoFile & {
  /** `keep`: written only when missing (the admin owns it afterwards); `sync`: kept equal. */
  mode: 'keep' | 'sync';
};

const base64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

/** The operations that bring `branch` to the wanted files (none when it already has them). */
async function operationsFor(
  admin: GiteaAdmin,
  repo: RepoRef,
  branch: string,
  wanted: readonly WantedFile[],
): Promise<ChangeFileOperation[]> {
  const operations: ChangeFileOperation[] = [];
  for (const file of wanted) {
    const current = await admin.file(repo, file.path, branch);
    if (!current) operations.push({ operation: 'create', path: file.path, content: base64(file.content) });
    else if (file.mode === 'sync' && current.content !== file.content)
      operations.push({
        operation: 'update',
        path: file.path,
        content: base64(file.content),
        sha: current.sha,
      });
  }
  return operations;
}

/** Whether a protection rule on `branch` keeps `login` from pushing (models/git/protected_branch.go CanUserPush). */
export async function blocksPush(admin: GiteaAdmin, repo: RepoRef, branch: string, login: string) {
  const rules = await admin.protections(repo);
  const rule = rules.find((r) => (r.rule_name || r.branch_name) === branch);
  if (!rule) return false;
  if (!rule.enable_push) return true;
  return !!rule.enable_push_whitelist && !(rule.push_whitelist_usernames ?? []).includes(login);
}

const userCannotCommit = (error: unknown) =>
  error instanceof GiteaError && error.status === 403 && error.message.includes('cannot commit');

const describeOps = (operations: ChangeFileOperation[]) =>
  operations.map((op) => `${op.path} (${op.operation === 'create' ? 'new' : 'updated'})`).join(', ');

/**
 * Commits the wanted files to the default branch through the contents API, in one commit; when
 * the branch is protected against the bot, commits them to INSTALL_BRANCH and opens (or keeps)
 * a pull request instead, and lists merging it as left to do.
 */
export async function ensureFiles(
  admin: GiteaAdmin,
  repo: RepoRef,
  target: { defaultBranch: string; botLogin: string; dryRun: boolean },
  wanted: readonly WantedFile[],
): Promise<Item[]> {
  const { defaultBranch, dryRun } = target;
  const operations = await operationsFor(admin, repo, defaultBranch, wanted);
  if (operations.length === 0)
    return [
      { status: 'same', text: `${wanted.map((file) => file.path).join(', ')} already on ${defaultBranch}` },
    ];
  if (dryRun)
    return [{ status: 'would', text: `would commit ${describeOps(operations)} to ${defaultBranch}` }];
  const message = 'operator-bot init: issue forms and program config';
  if (!(await blocksPush(admin, repo, defaultBranch, target.botLogin))) {
    try {
      await admin.changeFiles(repo, { files: operations, message, branch: defaultBranch });
      return [{ status: 'changed', text: `committed ${describeOps(operations)} to ${defaultBranch}` }];
    } catch (error) {
      if (!userCannotCommit(error)) throw error;
    }
  }
  return proposeFiles(admin, repo, defaultBranch, wanted, message);
}

async function proposeFiles(
  admin: GiteaAdmin,
  repo: RepoRef,
  defaultBranch: string,
  wanted: readonly WantedFile[],
  message: string,
): Promise<Item[]> {
  const items: Item[] = [];
  const onBranch = await operationsFor(admin, repo, INSTALL_BRANCH, wanted);
  const branchExists =
    onBranch.length < wanted.length ||
    (await admin.file(repo, wanted[0]?.path ?? '', INSTALL_BRANCH)) !== undefined;
  if (onBranch.length > 0) {
    if (branchExists) await admin.changeFiles(repo, { files: onBranch, message, branch: INSTALL_BRANCH });
    else {
      const fromDefault = await operationsFor(admin, repo, defaultBranch, wanted);
      await admin.changeFiles(repo, {
        files: fromDefault,
        message,
        branch: defaultBranch,
        newBranch: INSTALL_BRANCH,
      });
    }
    items.push({
      status: 'changed',
      text: `${defaultBranch} is protected: committed the files to ${INSTALL_BRANCH}`,
    });
  }
  const body = `operator-bot init could not commit to the protected branch ${defaultBranch}. Merging this adds the issue forms and the program config (${wanted.map((file) => file.path).join(', ')}).`;
  try {
    const pull = await admin.createPull(repo, {
      head: INSTALL_BRANCH,
      base: defaultBranch,
      title: 'Install operator-bot: issue forms and program config',
      body,
    });
    items.push({ status: 'changed', text: `opened pull request #${pull.number} with the files` });
    items.push({
      status: 'left',
      text: `merge pull request #${pull.number} (${defaultBranch} is protected, so init cannot commit to it)`,
    });
  } catch (error) {
    if (!(error instanceof GiteaError && error.status === 409)) throw error;
    items.push({
      status: 'left',
      text: `merge the open pull request from ${INSTALL_BRANCH} (${defaultBranch} is protected, so init cannot commit to it)`,
    });
  }
  return items;
}
