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

/**
 * Decides with the roles the event's actor holds on this issue. `decideWith` must be pure (the
 * workflows' decide, the program commands' decideCommands): it is run with the roles known without
 * Gitea and, only when that run looked at `maintainer` (the one role asked of Gitea, a permission
 * read and team lookups: src/gitea/maintainers.ts), run again once Gitea says the actor holds it.
 * A decision that never looked at the role is the same either way, so an applicant's `/module 1`
 * or an operator's `/report` costs no permission read; one that did is made with Gitea's answer of
 * now (never cached across events). A run that throws counts as a decision too: one that threw
 * after looking at the role is made again with it for a maintainer. Throws what the decision
 * throws, and what the maintainer check throws (Gitea unreachable).
 */
export async function decideAsActor<T>(
  event: BotEvent,
  instance: Instance | null,
  facts: Facts,
  isMaintainer: MaintainerCheck,
  decideWith: (roles: ReadonlySet<Role>) => T,
): Promise<T> {
  const held = knownRoles(event, instance, facts);
  // Commands and the issue changes people make (close, reopen, labels, assignees) are judged by role.
  if (!PERSON_EVENTS.has(event.kind) || event.internal) return decideWith(held);
  const watched = new WatchedRoles(held);
  const first = attempt(() => decideWith(watched));
  if (!watched.lookedAtMaintainer || !(await isMaintainer(event.actor))) return settled(first);
  // Even when the role-less run failed: it may have failed for want of the role.
  return decideWith(new Set([...held, 'maintainer']));
}

type Attempt<T> = { value: T } | { error: unknown };

function attempt<T>(run: () => T): Attempt<T> {
  try {
    return { value: run() };
  } catch (error) {
    return { error };
  }
}

function settled<T>(outcome: Attempt<T>): T {
  if ('error' in outcome) throw outcome.error;
  return outcome.value;
}

/** The roles that need no Gitea read: the issue's author and assignees, the instance's people, registered operators. */
function knownRoles(event: BotEvent, instance: Instance | null, facts: Facts): Set<Role> {
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
  return roles;
}

/**
 * A role set that notes whether `maintainer` was looked at: asked by `has`, or possibly seen by
 * anything that walks or sizes the set (a copy of it answers `has` without us, so a walk counts).
 * Not a `Set`: a Set subclass keeps its roles where a structured clone or `Set.prototype` methods
 * called on it read them without asking, which would decide a maintainer as a non-maintainer in
 * silence. This one answers only through its methods; anything else fails loudly (a TypeError:
 * the clone has no `has`, Set's methods refuse a receiver that is not a Set).
 */
class WatchedRoles implements ReadonlySet<Role> {
  readonly #held: ReadonlySet<Role>;
  #looked = false;

  constructor(held: ReadonlySet<Role>) {
    this.#held = new Set(held);
  }

  get lookedAtMaintainer(): boolean {
    return this.#looked;
  }

  has(role: Role): boolean {
    if (role === 'maintainer') this.#looked = true;
    return this.#held.has(role);
  }

  get size(): number {
    return this.#walked().size;
  }

  forEach(each: (value: Role, key: Role, set: ReadonlySet<Role>) => void, thisArg?: unknown): void {
    for (const role of this.#walked()) each.call(thisArg, role, role, this);
  }

  entries() {
    return this.#walked().entries();
  }

  keys() {
    return this.#walked().keys();
  }

  values() {
    return this.#walked().values();
  }

  [Symbol.iterator]() {
    return this.#walked()[Symbol.iterator]();
  }

  #walked(): ReadonlySet<Role> {
    this.#looked = true;
    return this.#held;
  }
}
