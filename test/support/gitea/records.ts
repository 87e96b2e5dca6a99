import type { AccessMode } from './api-types.js';

export interface UserRecord {
  id: number;
  login: string;
  fullName: string;
  email: string;
  isAdmin: boolean;
  isOrganization: boolean;
  /** Set for accounts that sign in with Basic auth (admin scripts). */
  password?: string;
  keepEmailPrivate: boolean;
  created: string;
  lastLogin: string;
}

export interface RepoRecord {
  id: number;
  owner: string;
  name: string;
  description: string;
  isPrivate: boolean;
  created: string;
  updated: string;
}

export interface LabelRecord {
  id: number;
  repoId: number;
  name: string;
  color: string;
  description: string;
  exclusive: boolean;
  isArchived: boolean;
}

export interface IssueRecord {
  id: number;
  repoId: number;
  number: number;
  title: string;
  body: string;
  poster: string;
  labelIds: number[];
  assignees: string[];
  isClosed: boolean;
  isPull: boolean;
  isLocked: boolean;
  created: string;
  updated: string;
  closed: string | null;
}

export type TimelineKind = 'comment' | 'label' | 'close' | 'reopen' | 'assignees' | 'change_title';

export interface TimelineRecord {
  id: number;
  repoId: number;
  issueNumber: number;
  kind: TimelineKind;
  actor: string;
  body: string;
  labelId?: number;
  assignee?: string;
  removedAssignee?: boolean;
  oldTitle?: string;
  newTitle?: string;
  created: string;
  updated: string;
}

export interface TeamRecord {
  id: number;
  org: string;
  name: string;
  description: string;
  permission: AccessMode;
  includesAllRepositories: boolean;
  members: string[];
}

export interface CommitStatusRecord {
  id: number;
  repoId: number;
  sha: string;
  state: string;
  targetUrl: string;
  description: string;
  context: string;
  creator: string;
  created: string;
}

/** A repository webhook: its checkboxes (`HookEvents` of modules/webhook) by event type name. */
export interface HookRecord {
  id: number;
  repoId: number;
  type: string;
  url: string;
  contentType: 'json' | 'form';
  secret: string;
  events: Set<string>;
  active: boolean;
  branchFilter: string;
  authorizationHeader: string;
  created: string;
  updated: string;
}

/** One delivery attempt (Gitea's `hook_task`): what was sent and how the target answered. */
export interface HookDeliveryRecord {
  hookId: number;
  uuid: string;
  event: string;
  eventType: string;
  /** The target's HTTP status; 0 while under way or when it did not answer. */
  status: number;
  done: Promise<void>;
}

/** A branch protection rule (models/git/protected_branch.go), the fields the emulator honours. */
export interface ProtectionRecord {
  repoId: number;
  ruleName: string;
  enablePush: boolean;
  enablePushWhitelist: boolean;
  pushWhitelistUsernames: string[];
  requiredApprovals: number;
  created: string;
  updated: string;
}

/** A commit on a branch: the whole tree, path → text. */
export interface CommitRecord {
  sha: string;
  message: string;
  author: string;
  parent: string | null;
  files: Map<string, string>;
  created: string;
}
