import type { Redis } from 'ioredis';
import type { ProgramConfig } from '../config/program.js';
import { createPeople } from '../store/people.js';
import { type GiteaClient, GiteaError, repoRef } from './client.js';
import type { BotEvent } from './event.js';
import { checkTeams, type TeamAccess } from './teams.js';

/**
 * Who is a maintainer: listed in the config, admin/owner of the program repo, or a member of a
 * configured team the bot can read (see `checkTeams`; a team it cannot read is reported at
 * start-up and in `/readyz`, and recognises nobody). Asked of the API (webhook
 * `sender.is_admin` is always false) for every event that needs it, and never cached across
 * events: Gitea sends no webhook when a collaborator's permission or a team's members change, so
 * a cache could outlive a removal the bot cannot see. A maintainer removed in Gitea loses the
 * role with the next event; one removed from the config list, when the bot restarts with it.
 * People are their Gitea user id: a login listed in the config names the person who had it when
 * the bot first saw it (`people.keyOf`), so a renamed maintainer keeps the role and someone
 * registering the freed name does not get it.
 *
 * `event`: the event being decided. When it is a comment delivery whose payload says its author
 * had admin access to the program repo as they wrote it (`asOfComment.actorAdmin`, signed by
 * Gitea: services/webhook/notifier.go CreateIssueComment), that author is a maintainer without a
 * permission read: the comment is judged by the role its author held when writing it. Any other
 * answer of the payload (not admin, another repository, no payload) is asked of the API as above.
 */
export function createMaintainerCheck(
  gitea: GiteaClient,
  redis: Redis,
  config: ProgramConfig,
  programRepo: string,
  botLogin: string,
) {
  const people = createPeople(redis);
  const listed = new Set(config.maintainers.users.map((u) => u.toLowerCase()));
  let teams: Promise<TeamAccess[]> | undefined;
  const readableTeams = async () => {
    teams ??= checkTeams(gitea, config.maintainers.teams, botLogin).catch((error: unknown) => {
      teams = undefined;
      throw error;
    });
    return (await teams).flatMap((team) => (team.id === undefined ? [] : [team.id]));
  };
  // The bot left the team since it was checked: that team recognises nobody until checked again.
  const hasMember = (id: number, login: string) =>
    gitea.teamHasMember(id, login).catch((error: unknown) => {
      if (!(error instanceof GiteaError && error.status === 403)) throw error;
      teams = undefined;
      return false;
    });
  const program = programRepo.toLowerCase();
  return async function isMaintainer(login: string, event?: AdminHint): Promise<boolean> {
    if (
      event?.asOfComment?.actorAdmin === true &&
      event.actor.toLowerCase() === login.toLowerCase() &&
      event.repo.toLowerCase() === program
    )
      return true;
    if (listed.has(await people.keyOf(login))) return true;
    const permission = await gitea.permission(repoRef(programRepo), login);
    if (permission === 'admin' || permission === 'owner') return true;
    if (config.maintainers.teams.length === 0) return false;
    for (const id of await readableTeams()) {
      if (await hasMember(id, login)) return true;
    }
    return false;
  };
}

export type MaintainerCheck = ReturnType<typeof createMaintainerCheck>;

/** What of an event tells whether its actor was a repository admin (see createMaintainerCheck). */
type AdminHint = Pick<BotEvent, 'actor' | 'repo' | 'asOfComment'>;

/** One event's maintainer check: each login asked of Gitea at most once while the event is handled. */
export function perEvent(check: MaintainerCheck, event?: AdminHint): MaintainerCheck {
  const answers = new Map<string, Promise<boolean>>();
  return (login) => {
    const key = login.toLowerCase();
    let answer = answers.get(key);
    if (!answer) {
      answer = check(login, event);
      answers.set(key, answer);
    }
    return answer;
  };
}
