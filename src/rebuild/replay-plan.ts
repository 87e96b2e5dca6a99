import { mentionedLogins } from '../domain/commands/mentions.js';
import { parseCommands } from '../domain/commands/parse.js';
import type { WorkflowDefinition } from '../engine/definition.js';
import type { BotEvent } from '../gitea/event.js';
import { issueKey } from '../store/keys.js';
import type { Access } from './scheduler.js';

/** The workflow whose events may replay side by side: it keeps state per issue and per applicant. */
const PER_ISSUE_WORKFLOW = 'onboarding';

/** The people the bot has seen (store/people.ts `seen`), updated as the plan walks the history. */
export type SeenPeople = { loginOfId: Map<number, string>; idOfLogin: Map<string, number> };

export type PlanContext = {
  definitions: readonly WorkflowDefinition[];
  /** Names of the commands usable in any issue (`/report`, `/ping`…): they touch program-wide state. */
  programCommands: ReadonlySet<string>;
  /** Logins the config names (maintainers, escalation contacts): every event reads who they are. */
  configLogins: readonly string[];
};

/**
 * Which events of a history (in event order) may replay side by side, and on what each depends,
 * so that a concurrent replay writes exactly what a replay one after another does.
 *
 * An event shares the replay (reads/writes named resources) only when everything it can change is
 * its issue's or its people's: a person's event (not the bot's, not a timer) in an issue that no
 * workflow but onboarding acts on (onboarding keeps its instance per issue and writes only its
 * applicant's records: the issue's author), with no `@login` argument (those are asked of Gitea
 * and learnt as people) and no command but onboarding's own (program commands such as `/report`,
 * `/ping`, `/nodes` write program-wide state: reports, pings and their timers, the registry of
 * others). Its resources: its issue (written), its author (written: registry, open issues), its
 * actor and the config's people (read), and any person whose login the event teaches the bot
 * (written). An event that would change a known person's login, or hand a login to another id, is
 * serial: what is shown by login everywhere depends on when it happens. Everything else (alerts,
 * exits, payroll, imports, program commands, renames) is serial.
 *
 * `seen` is the bot's people before the replay; it is updated as `learn` will (store/people.ts
 * LEARN). People learnt from `@login` arguments (asked of Gitea at replay time) cannot be foreseen:
 * the replay watches for a rename it did not foresee and replays again one event after another.
 */
export function planReplay(events: readonly BotEvent[], context: PlanContext, seen: SeenPeople): Access[] {
  const others = context.definitions.filter((d) => d.name !== PER_ISSUE_WORKFLOW);
  const onboarding = context.definitions.find((d) => d.name === PER_ISSUE_WORKFLOW);
  const ownCommands = new Set(
    (onboarding?.transitions ?? [])
      .filter((t) => t.help !== undefined && !context.programCommands.has(t.on))
      .map((t) => t.on),
  );
  const configReads = context.configLogins.map((login) => `login:${login.toLowerCase()}`);
  const perIssue = (event: BotEvent) =>
    !event.internal &&
    !event.timer &&
    !event.issue.isPull &&
    !event.issue.labels.some((label) =>
      others.some((d) => label === d.trigger || label.startsWith(`${d.labelScope}/`)),
    ) &&
    (!event.comment ||
      (mentionedLogins(event.comment.body).length === 0 &&
        parseCommands(event.comment.body).every((line) => ownCommands.has(line.name))));

  return events.map((event): Access => {
    const people = [
      ...(event.actorId === undefined ? [] : [{ id: event.actorId, login: event.actor }]),
      ...(event.issue.authorId === undefined
        ? []
        : [{ id: event.issue.authorId, login: event.issue.author }]),
    ];
    const learnt = people.map((person) => learn(seen, person.id, person.login));
    if (!perIssue(event) || learnt.some((outcome) => outcome === 'changed')) return { serial: true };
    const person = (login: string, id: number | undefined) => [
      `login:${login.toLowerCase()}`,
      ...(id === undefined ? [] : [`id:${id}`]),
    ];
    const writes = [
      `issue:${issueKey(event.repo, event.issue.number)}`,
      ...person(event.issue.author, event.issue.authorId),
      ...people.flatMap((p, i) => (learnt[i] === 'new' ? person(p.login, p.id) : [])),
    ];
    const reads = [...person(event.actor, event.actorId), ...configReads].filter(
      (name) => !writes.includes(name),
    );
    return { reads, writes: [...new Set(writes)] };
  });
}

/**
 * What `people.learn(id, login)` does to `seen`: `new` for an id never seen, `changed` when a known
 * id has another login now or the login was another id's (LEARN's `changed`), else `same`.
 */
export function learn(seen: SeenPeople, id: number, login: string): 'new' | 'same' | 'changed' {
  const lower = login.toLowerCase();
  const previous = seen.loginOfId.get(id);
  const holder = seen.idOfLogin.get(lower);
  const outcome =
    (previous !== undefined && previous !== login) || (holder !== undefined && holder !== id)
      ? 'changed'
      : previous === undefined
        ? 'new'
        : 'same';
  if (
    previous !== undefined &&
    previous.toLowerCase() !== lower &&
    seen.idOfLogin.get(previous.toLowerCase()) === id
  )
    seen.idOfLogin.delete(previous.toLowerCase());
  seen.loginOfId.set(id, login);
  seen.idOfLogin.set(lower, id);
  return outcome;
}
