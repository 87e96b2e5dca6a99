import {
  checkSignoffs,
  findSecrets,
  formatQualityComment,
  type PrCommit,
  QUALITY_STATUS_CONTEXT,
  qualityVerdict,
  referencesIssue,
} from '../domain/quality/index.js';
import { type GiteaClient, repoRef } from '../gitea/client.js';
import type { BotEvent } from '../gitea/event.js';
import type { IssueWriter } from '../gitea/writer.js';

/**
 * The quality checks of a pushed pull request: every commit signed off by its author, an issue
 * referenced, no secret added. The result is a commit status (`operator-bot/quality`) and one
 * status comment, edited on each push.
 */
export function createPullChecker(gitea: GiteaClient, giteaUrl: string) {
  return async function checkPull(event: BotEvent, writer: IssueWriter): Promise<void> {
    const repo = repoRef(event.repo);
    const sha = event.pull?.headSha;
    if (!sha) return;
    const [commits, diff] = await Promise.all([
      gitea.pullCommits(repo, event.issue.number),
      gitea.pullDiff(repo, event.issue.number),
    ]);
    const verdict = qualityVerdict({
      signoffs: checkSignoffs(commits.map(toPrCommit)),
      referencesIssue: referencesIssue(event.issue.title, event.issue.body, {
        baseUrl: giteaUrl,
        repo: event.repo,
      }),
      secrets: findSecrets(diff),
    });
    await gitea.createStatus(repo, sha, {
      state: verdict.state,
      context: QUALITY_STATUS_CONTEXT,
      description: verdict.description,
      ...(event.issue.url ? { target_url: event.issue.url } : {}),
    });
    await writer.upsertStatusComment('quality', formatQualityComment(verdict, event.issue.number), {
      state: verdict.state,
      version: 0,
      updatedAt: event.at,
    });
  };
}

function toPrCommit(commit: {
  sha?: string;
  commit?: { message?: string; author?: { name?: string; email?: string } };
}): PrCommit {
  return {
    sha: commit.sha ?? '',
    message: commit.commit?.message ?? '',
    author: { name: commit.commit?.author?.name ?? '', email: commit.commit?.author?.email ?? '' },
  };
}
