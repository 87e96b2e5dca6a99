import type { Role } from './definition.js';

const ROLE_NAMES: Record<Role, string> = {
  anyone: 'anyone',
  maintainer: 'a maintainer',
  author: 'the author of this issue',
  assignee: 'the assignee',
  operator: 'a registered operator',
  mentor: 'the mentor',
  peer: 'an active operator other than the applicant',
  responsible: 'the responsible operator',
};

/**
 * The one permission check of commands and issue changes: whether someone holding `held` may do
 * what `allowed` roles may (`anyone` allows everyone).
 */
export const mayUse = (held: ReadonlySet<Role>, allowed: readonly Role[]) =>
  allowed.some((role) => role === 'anyone' || held.has(role));

/** `only a maintainer or the mentor may …` */
export const describeRoles = (roles: readonly Role[]) => roles.map((role) => ROLE_NAMES[role]).join(' or ');
