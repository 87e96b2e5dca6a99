import type { Role } from '../engine/definition.js';
import type { Instance } from '../engine/instance.js';
import type { Facts } from '../engine/module.js';
import { instanceRoles } from '../engine/roles.js';
import type { BotEvent } from '../gitea/event.js';
import type { MaintainerCheck } from '../gitea/maintainers.js';

const PERSON_EVENTS = new Set<BotEvent['kind']>([
  'comment.created',
  'issue.closed',
  'issue.reopened',
  'issue.labeled',
  'issue.assigned',
]);

/** The roles the event's actor holds on this issue, resolved before the pure decide step. */
export async function rolesOf(
  event: BotEvent,
  instance: Instance | null,
  facts: Facts,
  isMaintainer: MaintainerCheck,
) {
  const roles = new Set<Role>(['anyone']);
  const actor = event.actor.toLowerCase();
  const isAuthor = event.issue.author.toLowerCase() === actor;
  if (isAuthor) roles.add('author');
  if (event.issue.assignees.some((a) => a.toLowerCase() === actor)) roles.add('assignee');
  for (const role of instanceRoles(instance?.data, event.actor)) roles.add(role);
  if (facts.actor?.status === 'active' || facts.actor?.status === 'exiting') {
    roles.add('operator');
    if (!isAuthor) roles.add('peer');
  }
  // Commands and the issue changes people make (close, reopen, labels, assignees) are judged by role.
  if (PERSON_EVENTS.has(event.kind) && !event.internal && (await isMaintainer(event.actor)))
    roles.add('maintainer');
  return roles;
}
