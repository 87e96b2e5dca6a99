import type { Logger } from 'pino';
import { mentionedLogins } from '../domain/commands/mentions.js';
import type { GiteaClient } from '../gitea/client.js';
import type { BotEvent } from '../gitea/event.js';
import type { People } from '../store/people.js';

/** At most this many `@login` arguments of one comment are asked of Gitea. */
const MAX_MENTIONS = 10;

/**
 * People are their Gitea user id. Before an event is looked up by login, this learns who its
 * people are (people.ts): the actor and the issue's author from the payload's ids (a new login
 * for a known id is a rename), and each `@login` argument of the comment's commands from Gitea
 * (`GET /users/{username}`, at the moment the command is applied; a name freed by a rename
 * redirects to the renamed account, a name registered again is the new account).
 * Once per process, first: records kept by login before ids existed (the registry's keys that no
 * id owns) are given to the id Gitea resolves that login to then — recorded once.
 */
export function createIdentifier(deps: {
  gitea: Pick<GiteaClient, 'userByLogin' | 'userById'>;
  people: People;
  legacyKeys: () => Promise<string[]>;
  log: Logger;
}) {
  let adopted: Promise<void> | undefined;

  async function adoptLegacyKeys(): Promise<void> {
    for (const key of await deps.legacyKeys()) {
      if (key.includes('#') || (await deps.people.owned(key))) continue;
      const user = await deps.gitea.userByLogin(key);
      if (!user) continue;
      await deps.people.learn(user.id, user.login, key);
      deps.log.info(
        { key, userId: user.id, login: user.login },
        'records kept by login given to their user id',
      );
    }
  }

  /** Learns the event's people; true when someone's login changed (what shows logins must be computed again). */
  return async function identify(event: BotEvent): Promise<boolean> {
    // A failed migration is tried again with the next event (nothing is recorded half).
    adopted ??= adoptLegacyKeys().catch((error: unknown) => {
      adopted = undefined;
      deps.log.warn({ err: error }, 'could not resolve the user ids of records kept by login yet');
    });
    await adopted;
    const seen: { id: number; login: string }[] = [];
    if (event.actorId !== undefined) seen.push({ id: event.actorId, login: event.actor });
    if (event.issue.authorId !== undefined)
      seen.push({ id: event.issue.authorId, login: event.issue.author });
    if (event.kind === 'comment.created') {
      for (const login of mentionedLogins(event.comment?.body ?? '').slice(0, MAX_MENTIONS)) {
        const user = await deps.gitea.userByLogin(login);
        if (user) seen.push(user);
      }
    }
    let changed = false;
    // A login that changed hands: its former holder was renamed; their new login is asked of Gitea
    // so that nothing shows them under a name that now mentions someone else.
    for (let i = 0; i < seen.length && i < MAX_MENTIONS * 2; i++) {
      const user = seen[i] as { id: number; login: string };
      const learnt = await deps.people.learn(user.id, user.login);
      changed ||= learnt.changed;
      if (learnt.displaced === undefined) continue;
      const renamed = await deps.gitea.userById(learnt.displaced);
      if (renamed) seen.push(renamed);
    }
    return changed;
  };
}

export type Identify = ReturnType<typeof createIdentifier>;
