import type { AccessMode } from '../api-types.js';
import type { IssueRecord, RepoRecord, UserRecord } from '../records.js';
import type { RepresentContext } from '../represent/context.js';
import type { RouteResult } from '../route-result.js';
import type { Site } from '../site.js';
import type { GiteaState } from '../state.js';

export interface RouteContext {
  state: GiteaState;
  site: Site;
  doer: UserRecord;
  params: Record<string, string>;
  query: URLSearchParams;
  body: unknown;
  url: URL;
  now: () => string;
  represent: RepresentContext;
}

export interface Route {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  template: string;
  handle: (context: RouteContext) => RouteResult;
}

export interface RepoScope {
  repo: RepoRecord;
  mode: AccessMode;
}

export interface IssueScope extends RepoScope {
  issue: IssueRecord;
}
