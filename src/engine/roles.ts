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

/** `only a maintainer or the mentor may …` */
export const describeRoles = (roles: readonly Role[]) => roles.map((role) => ROLE_NAMES[role]).join(' or ');
