import type { Role } from '../engine/definition.js';
import type { Instance } from '../engine/instance.js';
import type { BotEvent } from '../gitea/event.js';
import type { MaintainerCheck } from '../gitea/roles.js';

/** The roles the event's actor holds on this issue, resolved before the pure decide step. */
export async function rolesOf(event: BotEvent, instance: Instance | null, isMaintainer: MaintainerCheck) {
  const roles = new Set<Role>(['anyone']);
  const actor = event.actor.toLowerCase();
  if (event.issue.author.toLowerCase() === actor) roles.add('author');
  if (event.issue.assignees.some((a) => a.toLowerCase() === actor)) roles.add('assignee');
  if (typeof instance?.data.mentor === 'string' && instance.data.mentor.toLowerCase() === actor)
    roles.add('mentor');
  if (event.comment && (await isMaintainer(event.actor))) roles.add('maintainer');
  return roles;
}
