import { atLeast } from '../access.js';
import type { AccessMode, ApiRepository } from '../api-types.js';
import type { RepoRecord } from '../records.js';
import { UNIX_EPOCH, ZERO_TIME } from '../site.js';
import type { RepresentContext } from './context.js';
import { toApiUserByLogin } from './user.js';

export function repoApiUrl(repo: RepoRecord, context: RepresentContext): string {
  return `${context.site.apiUrl}/repos/${repo.owner}/${repo.name}`;
}

export function repoHtmlUrl(repo: RepoRecord, context: RepresentContext): string {
  return `${context.site.appUrl}${repo.owner}/${repo.name}`;
}

export function toApiRepository(
  repo: RepoRecord,
  context: RepresentContext,
  mode: AccessMode,
): ApiRepository {
  const { site, state } = context;
  const issues = state.issues.filter((issue) => issue.repoId === repo.id && !issue.isClosed);
  const htmlUrl = repoHtmlUrl(repo, context);
  return {
    id: repo.id,
    owner: toApiUserByLogin(repo.owner, context, mode === 'none' ? 'public' : 'signed'),
    name: repo.name,
    full_name: `${repo.owner}/${repo.name}`,
    description: repo.description,
    // Gitea's `IsEmpty`: no commit on any branch yet.
    empty: ![...state.branches.keys()].some((key) => key.startsWith(`${repo.id}:`)),
    private: repo.isPrivate,
    fork: false,
    template: false,
    parent: null,
    mirror: false,
    size: 52,
    language: '',
    languages_url: `${repoApiUrl(repo, context)}/languages`,
    html_url: htmlUrl,
    url: repoApiUrl(repo, context),
    link: '',
    ssh_url: `git@${site.domain}:${repo.owner}/${repo.name}.git`,
    clone_url: `${htmlUrl}.git`,
    original_url: '',
    website: '',
    stars_count: 0,
    forks_count: 0,
    watchers_count: 1,
    open_issues_count: issues.filter((issue) => !issue.isPull).length,
    open_pr_counter: issues.filter((issue) => issue.isPull).length,
    release_counter: 0,
    default_branch: 'main',
    archived: false,
    created_at: repo.created,
    updated_at: repo.updated,
    archived_at: UNIX_EPOCH,
    permissions: { admin: atLeast(mode, 'admin'), push: atLeast(mode, 'write'), pull: atLeast(mode, 'read') },
    has_issues: true,
    internal_tracker: {
      enable_time_tracker: true,
      allow_only_contributors_to_track_time: true,
      enable_issue_dependencies: true,
    },
    has_wiki: true,
    has_pull_requests: true,
    has_projects: true,
    projects_mode: 'all',
    has_releases: true,
    has_packages: true,
    has_actions: true,
    ignore_whitespace_conflicts: false,
    allow_merge_commits: true,
    allow_rebase: true,
    allow_rebase_explicit: true,
    allow_squash_merge: true,
    allow_fast_forward_only_merge: true,
    allow_rebase_update: true,
    default_delete_branch_after_merge: false,
    default_merge_style: 'merge',
    default_allow_maintainer_edit: false,
    avatar_url: '',
    internal: false,
    mirror_interval: '',
    object_format_name: 'sha1',
    mirror_updated: ZERO_TIME,
    repo_transfer: null,
  };
}
