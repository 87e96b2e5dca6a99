// JSON shapes Gitea 1.22 emits (modules/structs), fields in Go struct order.

export type AccessMode = 'none' | 'read' | 'write' | 'admin' | 'owner';

export interface ApiUser {
  id: number;
  login: string;
  login_name: string;
  source_id: number;
  full_name: string;
  email: string;
  avatar_url: string;
  html_url: string;
  language: string;
  is_admin: boolean;
  last_login: string;
  created: string;
  restricted: boolean;
  active: boolean;
  prohibit_login: boolean;
  location: string;
  website: string;
  description: string;
  visibility: string;
  followers_count: number;
  following_count: number;
  starred_repos_count: number;
  username: string;
}

export interface ApiPermission {
  admin: boolean;
  push: boolean;
  pull: boolean;
}

export interface ApiInternalTracker {
  enable_time_tracker: boolean;
  allow_only_contributors_to_track_time: boolean;
  enable_issue_dependencies: boolean;
}

export interface ApiRepository {
  id: number;
  owner: ApiUser;
  name: string;
  full_name: string;
  description: string;
  empty: boolean;
  private: boolean;
  fork: boolean;
  template: boolean;
  parent: ApiRepository | null;
  mirror: boolean;
  size: number;
  language: string;
  languages_url: string;
  html_url: string;
  url: string;
  link: string;
  ssh_url: string;
  clone_url: string;
  original_url: string;
  website: string;
  stars_count: number;
  forks_count: number;
  watchers_count: number;
  open_issues_count: number;
  open_pr_counter: number;
  release_counter: number;
  default_branch: string;
  archived: boolean;
  created_at: string;
  updated_at: string;
  archived_at: string;
  permissions: ApiPermission;
  has_issues: boolean;
  internal_tracker: ApiInternalTracker;
  has_wiki: boolean;
  has_pull_requests: boolean;
  has_projects: boolean;
  projects_mode: string;
  has_releases: boolean;
  has_packages: boolean;
  has_actions: boolean;
  ignore_whitespace_conflicts: boolean;
  allow_merge_commits: boolean;
  allow_rebase: boolean;
  allow_rebase_explicit: boolean;
  allow_squash_merge: boolean;
  allow_fast_forward_only_merge: boolean;
  allow_rebase_update: boolean;
  default_delete_branch_after_merge: boolean;
  default_merge_style: string;
  default_allow_maintainer_edit: boolean;
  avatar_url: string;
  internal: boolean;
  mirror_interval: string;
  object_format_name: string;
  mirror_updated: string;
  repo_transfer: null;
}

export interface ApiLabel {
  id: number;
  name: string;
  exclusive: boolean;
  is_archived: boolean;
  color: string;
  description: string;
  url: string;
}

export interface ApiPullRequestMeta {
  merged: boolean;
  merged_at: string | null;
  draft: boolean;
  html_url: string;
}

export interface ApiRepositoryMeta {
  id: number;
  name: string;
  owner: string;
  full_name: string;
}

export interface ApiIssue {
  id: number;
  url: string;
  html_url: string;
  number: number;
  user: ApiUser;
  original_author: string;
  original_author_id: number;
  title: string;
  body: string;
  ref: string;
  assets: unknown[];
  labels: ApiLabel[];
  milestone: null;
  assignee: ApiUser | null;
  assignees: ApiUser[] | null;
  state: 'open' | 'closed';
  is_locked: boolean;
  comments: number;
  created_at: string;
  updated_at: string;
  closed_at: string | null;
  due_date: string | null;
  pull_request: ApiPullRequestMeta | null;
  repository: ApiRepositoryMeta;
  pin_order: number;
}

export interface ApiComment {
  id: number;
  html_url: string;
  pull_request_url: string;
  issue_url: string;
  user: ApiUser;
  original_author: string;
  original_author_id: number;
  body: string;
  assets: unknown[];
  created_at: string;
  updated_at: string;
}

export interface ApiTimelineComment {
  id: number;
  type: string;
  html_url: string;
  pull_request_url: string;
  issue_url: string;
  user: ApiUser;
  body: string;
  created_at: string;
  updated_at: string;
  old_project_id: number;
  project_id: number;
  old_milestone: null;
  milestone: null;
  tracked_time: null;
  old_title: string;
  new_title: string;
  old_ref: string;
  new_ref: string;
  review_id: number;
  label: ApiLabel | null;
  assignee: ApiUser | null;
  assignee_team: null;
  resolve_doer: null;
  dependent_issue: null;
  removed_assignee: boolean;
}

export interface ApiTeam {
  id: number;
  name: string;
  description: string;
  organization: null;
  includes_all_repositories: boolean;
  permission: AccessMode;
  units: string[];
  units_map: Record<string, string>;
  can_create_org_repo: boolean;
}

export interface ApiCollaboratorPermission {
  permission: AccessMode;
  role_name: AccessMode;
  user: ApiUser;
}

export interface ApiCommitStatus {
  id: number;
  status: string;
  target_url: string;
  description: string;
  url: string;
  context: string;
  creator: ApiUser;
  created_at: string;
  updated_at: string;
}
