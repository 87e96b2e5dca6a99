import type { Role } from '../engine/definition.js';
import type { Instance } from '../engine/instance.js';
import type { Facts } from '../engine/module.js';
import { instanceRoles } from '../engine/roles.js';
import type { BotEvent } from '../gitea/event.js';
import type { MaintainerCheck } from '../gitea/maintainers.js';

const PERSON_EVENTS = new Set<BotEvent['kind']>([
  'comment.created',
  'issue.edited',
  'issue.closed',
  'issue.reopened',
  'issue.labeled',
  'issue.assigned',
]);

/**
 * Decides with the roles the event's actor holds on this issue. `decideWith` must be pure (the
 * workflows' decide, the program commands' decideCommands): it is run with the roles known without
 * Gitea and, should it look at `maintainer` (the one role asked of Gitea, a permission read and team
 * lookups: src/gitea/maintainers.ts), stopped there and run again with Gitea's answer. A decision
 * that never looks at the role is the same either way, so an applicant's `/module 1` or an
 * operator's `/report` costs no permission read; one that does is made with Gitea's answer of now
 * (never cached across events); whether the decision looked is noted too, so one that caught the
 * stop is made again all the same. Throws what the decision throws, and what the maintainer check
 * throws (Gitea unreachable).
 */
export async function decideAsActor<T>(
  event: BotEvent,
  instance: Instance | null,
  facts: Facts,
  isMaintainer: MaintainerCheck,
  decideWith: (roles: ReadonlySet<Role>) => T,
): Promise<T> {
  const held = knownRoles(event, instance, facts);
  // Commands and the issue changes people make (edits, close, reopen, labels, assignees) are judged by role.
  if (!PERSON_EVENTS.has(event.kind) || event.internal) return decideWith(held);
  const watched = new WatchedRoles(held);
  try {
    const decision = decideWith(watched);
    // A decision that caught the stop (or failed after it) looked all the same: it is made again.
    if (!watched.lookedAtMaintainer) return decision;
  } catch (error) {
    if (!watched.lookedAtMaintainer) throw error;
  }
  return decideWith((await isMaintainer(event.actor)) ? new Set([...held, 'maintainer']) : held);
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

/** Thrown out of a decision that looked at `maintainer` before Gitea was asked. */
class MaintainerLookedAt extends Error {}

/**
 * A role set that stops the decision when it looks at `maintainer`, and notes that it did: asked
 * by `has`, or possibly seen by anything that walks or sizes the set (a copy of it would answer
 * `has` without us). Not a `Set`: a Set subclass keeps its roles where a structured clone or
 * `Set.prototype` methods called on it read them without asking, which would decide a maintainer
 * as a non-maintainer in silence. This one answers only through its methods; anything else fails
 * loudly (a TypeError: the clone has no `has`, Set's methods refuse a receiver that is not a Set).
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
    if (role === 'maintainer') this.#lookedAt();
    return this.#held.has(role);
  }

  get size(): number {
    return this.#lookedAt();
  }

  forEach(): void {
    this.#lookedAt();
  }

  entries(): SetIterator<[Role, Role]> {
    return this.#lookedAt();
  }

  keys(): SetIterator<Role> {
    return this.#lookedAt();
  }

  values(): SetIterator<Role> {
    return this.#lookedAt();
  }

  [Symbol.iterator](): SetIterator<Role> {
    return this.#lookedAt();
  }

  #lookedAt(): never {
    this.#looked = true;
    throw new MaintainerLookedAt('the decision looks at the maintainer role');
  }
}
