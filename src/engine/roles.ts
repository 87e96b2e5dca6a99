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
 * what `allowed` roles may (`anyone` allows everyone). `maintainer` is looked at last: it is the
 * one role asked of Gitea, only when a decision looks at it (src/worker/actor-roles.ts).
 */
export const mayUse = (held: ReadonlySet<Role>, allowed: readonly Role[]) =>
  allowed.some((role) => role === 'anyone' || (role !== 'maintainer' && held.has(role))) ||
  (allowed.includes('maintainer') && held.has('maintainer'));

/** `only a maintainer or the mentor may …` */
export const describeRoles = (roles: readonly Role[]) => roles.map((role) => ROLE_NAMES[role]).join(' or ');

/**
 * The roles a workflow instance gives by name: `mentor` and `responsible` to the person its data
 * field of that name holds (as their current login, src/worker/instance-people.ts).
 */
export function instanceRoles(data: Readonly<Record<string, unknown>> | undefined, actor: string): Role[] {
  const lower = actor.toLowerCase();
  const names = (key: string) => String(data?.[key] ?? '').toLowerCase() === lower;
  return (['mentor', 'responsible'] as const).filter(names);
}
