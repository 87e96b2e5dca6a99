import { createHash } from 'node:crypto';
import type { ApiUser } from '../api-types.js';
import type { UserRecord } from '../records.js';
import { ZERO_TIME } from '../site.js';
import type { RepresentContext } from './context.js';

export type UserView = 'public' | 'signed' | 'self';

export function viewOf(user: UserRecord, context: RepresentContext): UserView {
  if (context.doer === null) return 'public';
  const doer = context.state.user(context.doer);
  if (doer && (doer.id === user.id || doer.isAdmin)) return 'self';
  return 'signed';
}

function visibleEmail(user: UserRecord, view: UserView, noReplyDomain: string): string {
  const placeholder = `${user.login.toLowerCase()}@${noReplyDomain}`;
  if (view === 'self') return user.email;
  if (view === 'signed' && !user.keepEmailPrivate) return user.email;
  return placeholder;
}

export function toApiUser(
  user: UserRecord,
  context: RepresentContext,
  view = viewOf(user, context),
): ApiUser {
  const { site } = context;
  const self = view === 'self';
  return {
    id: user.id,
    login: user.login,
    login_name: '',
    source_id: 0,
    full_name: user.fullName,
    email: visibleEmail(user, view, site.noReplyDomain),
    avatar_url: `${site.appUrl}avatars/${createHash('md5').update(user.login.toLowerCase()).digest('hex')}`,
    html_url: `${site.appUrl}${user.login}`,
    language: self ? 'en-US' : '',
    is_admin: self ? user.isAdmin : false,
    last_login: self ? user.lastLogin : ZERO_TIME,
    created: user.created,
    restricted: false,
    active: self,
    prohibit_login: false,
    location: '',
    website: '',
    description: '',
    visibility: 'public',
    followers_count: 0,
    following_count: 0,
    starred_repos_count: 0,
    username: user.login,
  };
}

export function toApiUserByLogin(login: string, context: RepresentContext, view?: UserView): ApiUser {
  const user = context.state.user(login);
  if (!user) throw new Error(`unknown user ${login}`);
  return toApiUser(user, context, view);
}
