import type { Logger } from 'pino';
import { type Answer, replyToComment } from '../commands/answer.js';
import { type CommandSpec, claimedCommands } from '../commands/catalog.js';
import type { ProgramCommand } from '../commands/command.js';
import { editedLines } from '../commands/edited.js';
import { unreadLine } from '../commands/elsewhere.js';
import type { ProgramConfig } from '../config/program.js';
import { MAX_COMMANDS_PER_COMMENT, parseCommands } from '../domain/commands/parse.js';
import { trustedBody } from '../domain/text/trusted-body.js';
import { decide } from '../engine/decide.js';
import type { Instance } from '../engine/instance.js';
import type { Facts, Render, WorkflowModule } from '../engine/module.js';
import { APPLICATION_TRIGGER, inProgramRepos, sameRepo, unlabelledApplication } from '../engine/relevance.js';
import { GiteaError, repoRef } from '../gitea/client.js';
import { type BotEvent, CATCH_UP_DELIVERY_ID } from '../gitea/event.js';
import { type MaintainerCheck, perEvent } from '../gitea/maintainers.js';
import { createIssueWriter, type IssueWriter } from '../gitea/writer.js';
import type { AppliedCommandStore } from '../store/applied-commands.js';
import type { InstanceStore } from '../store/instances.js';
import { issueKey } from '../store/keys.js';
import type { OpenIssueIndex } from '../store/open-issues.js';
import type { FactServices } from '../workflows/services.js';
import { decideAsActor } from './actor-roles.js';
import {
  createEffectApplier,
  type EffectDeps,
  GITEA_EFFECTS,
  ledgerFirst,
  PAYROLL_INPUTS,
} from './apply-effect.js';
import { UNCONFIRMED } from './confirm-delivery.js';
import { type IssueReader, readFields, undoneSince } from './current-issue.js';
import type { Identify } from './identify.js';
import type { InstancePeople } from './instance-people.js';
import { confirming, type IssueExistence, IssueGone, issueExistence } from './issue-exists.js';
import { createIssueNow } from './issue-now.js';
import { createFactLoader, type FactLoaderDeps } from './load-facts.js';
import { answerPings, PING_TIMER, pingDeadlinePassed } from './pings.js';
import { createProgramCommandRunner } from './program-commands.js';
import { createUndoneChange } from './undone-change.js';

export type { DelayedEvent } from './delayed-event.js';

export type HandlerDeps = EffectDeps &
  Pick<FactLoaderDeps, 'notAppliedLive'> & {
    workflows: readonly WorkflowModule<FactServices>[];
    config: ProgramConfig;
    render: Render;
    instances: InstanceStore;
    /** The months whose payroll is paid and closed (src/workflows/payroll/paid-months.ts). */
    paidMonths: () => Promise<string[]>;
    /** Comments whose program commands were applied: applied once, ever. */
    appliedCommands: AppliedCommandStore;
    commands: readonly ProgramCommand[];
    /** Every command the bot answers, and where (src/commands/catalog.ts). */
    catalog: readonly CommandSpec[];
    checkPull: (event: BotEvent, writer: IssueWriter) => Promise<void>;
    /** After an event changed a payroll input, every open payroll issue computes its snapshot again (`deciding`: the instances the event decided, not saved yet). */
    refreshPayrolls: (cause: BotEvent, deciding?: readonly Instance[]) => Promise<void>;
    services: FactServices;
    openIssues: OpenIssueIndex;
    /** PROGRAM_REPO and `program.repos`: the only repositories whose issues and commands count. */
    programRepos: readonly string[];
    /** PROGRAM_REPO, whose deliveries' issue ids and creation times are taken as delivered (current-issue.ts readFields); unset: those of no repository. */
    programRepo?: string;
    isMaintainer: MaintainerCheck;
    /** A running workflow's people by user id: stored logins read back as their current ones. */
    instancePeople: InstancePeople;
    /** Learns the event's people by Gitea user id before anything is looked up by login. */
    identify: Identify;
    /** The issue as Gitea has it now, read before deciding unless the event says it (issue-now.ts); off in `rebuild`. */
    readIssue?: IssueReader;
    /** A delivery from another program repository than PROGRAM_REPO as Gitea has it, or undefined (confirm-delivery.ts); off in `rebuild`. */
    confirmDelivery?: (event: BotEvent) => Promise<BotEvent | undefined>;
    log: Logger;
  };

/** One event through every workflow: load the instance and facts, decide (pure), apply the effects, save. */
export function createEventHandler(deps: HandlerDeps) {
  const applyEffect = createEffectApplier(deps);
  const anywhere: ReadonlySet<string> = new Set(deps.commands.map((command) => command.name));
  const needsRead = createIssueNow(deps.writer.redis);
  const undoneChange = createUndoneChange(deps.writer.gitea, deps.writer.botLogin);
  const loadFacts = createFactLoader({ ...deps, botLogin: deps.writer.botLogin });
  const runProgramCommands = createProgramCommandRunner(deps, loadFacts);
  /** The issue was deleted: nothing to do but what a rename the event brought asks (the payroll tables). */
  async function gone(log: Logger, event: BotEvent, renamed: boolean): Promise<void> {
    log.info(
      { kind: event.kind, timer: event.timer?.name },
      'the issue is gone (deleted in Gitea): nothing to do',
    );
    if (renamed) await deps.refreshPayrolls(event);
  }

  /** Decides and applies one event; resolves to UNCONFIRMED for a delivery Gitea did not confirm (confirm-delivery.ts). */
  return async function handleEvent(event: BotEvent): Promise<unknown> {
    // The bot's own events are dropped once confirmed, not as sent: a delivery signed in advance as
    // the bot's (accepted while the intake did not know its login yet) must let its key go.
    const log = deps.log.child({ deliveryId: event.deliveryId, repo: event.repo, issue: event.issue.number });
    const confirmed = deps.confirmDelivery ? await deps.confirmDelivery(event) : event;
    if (!confirmed) {
      log.warn(
        { kind: event.kind, actor: event.actor, comment: event.comment?.id },
        'ignored: Gitea does not confirm this delivery (no such comment by its sender in this issue, no such close, reopen or assignment, or the issue deleted since): signed by an admin of this repository?',
      );
      return UNCONFIRMED;
    }
    // Its own events are not decided (Gitea's timeline may name it too: its own close, caught up).
    if (
      confirmed.actor.toLowerCase() === deps.writer.botLogin.toLowerCase() &&
      !event.timer &&
      !event.internal
    )
      return;
    event = confirmed;
    // A rename changes what every payroll table shows: they are computed again. Learnt only from a
    // program repository's events: any other's hook secret is readable by its admins, who can sign
    // a delivery there with any sender (a pull request's quality check needs nobody's name).
    const renamed = inProgramRepos(event.repo, deps.programRepos) ? await deps.identify(event) : false;
    if (deps.readIssue && (await needsRead(event))) {
      const current = await deps.readIssue(repoRef(event.repo), event.issue.number);
      if (current === 'gone') return gone(log, event, renamed);
      const trusted = deps.programRepo !== undefined && sameRepo(event.repo, deps.programRepo);
      const read = { ...event, issue: { ...event.issue, ...readFields(current, trusted) } };
      const decided = undoneSince(event, current) ? await undoneChange(read) : [read];
      if (decided.length === 0) return log.info({ kind: event.kind }, 'ignored: undone since');
      for (const [index, each] of decided.entries())
        await decideAndApply(each, log, renamed && index === 0, issueExistence());
      return;
    }
    const { readIssue } = deps;
    const exists = readIssue
      ? async () => (await readIssue(repoRef(event.repo), event.issue.number)) !== 'gone'
      : undefined;
    // Internal events and pull updates say what they are about; a comment delivery is confirmed.
    const existence = issueExistence(event.asOfComment ? exists : undefined);
    try {
      await decideAndApply(event, log, renamed, existence);
    } catch (error) {
      // Not read first: an issue deleted since its comment is learnt from the first write's 404,
      // or from the read before the first write outside Gitea (issue-exists.ts).
      if (error instanceof IssueGone) return gone(log, event, renamed);
      if (exists && error instanceof GiteaError && error.status === 404 && !(await exists()))
        return gone(log, event, renamed);
      throw error;
    }
  };

  async function decideAndApply(
    event: BotEvent,
    log: Logger,
    renamed: boolean,
    existence: IssueExistence,
  ): Promise<void> {
    const isMaintainer = perEvent(deps.isMaintainer, event);
    /** Effects outside Gitea wait until the issue is known to exist (issue-exists.ts). */
    const apply = async (...args: Parameters<typeof applyEffect>) => {
      if (!GITEA_EFFECTS.has(args[0].type)) await existence.confirm();
      await applyEffect(...args);
    };
    event = {
      ...event,
      issue: { ...event.issue, body: trustedBody(event.issue.body, deps.writer.seal, event.repo) },
    };
    const writer = confirming(
      createIssueWriter(deps.writer, repoRef(event.repo), event.issue.number, {
        mayHaveWritten: event.deliveryId === CATCH_UP_DELIVERY_ID,
      }),
      existence,
    );
    const self = issueKey(event.repo, event.issue.number);
    if (event.timer?.workflow === PING_TIMER) {
      const ping = await deps.pings.get(Number(event.timer.name));
      if (ping) await deps.instancePeople.refreshLogins([ping.login, ping.by], deps.writer.gitea.userById);
      await pingDeadlinePassed(deps.pings, event, writer);
      return;
    }
    if (event.kind === 'comment.created') await answerPings(deps.pings, event, existence.confirm);
    if (event.kind === 'pull.updated') {
      await deps.checkPull(event, writer);
      return;
    }
    if (!inProgramRepos(event.repo, deps.programRepos)) {
      log.info({ kind: event.kind }, 'ignored: not a program repository (PROGRAM_REPO, program.repos)');
      return;
    }
    // The people the config names, as they are called now (a renamed maintainer, not the freed name).
    const config = await deps.instancePeople.config(
      deps.config,
      event.timer ? deps.writer.gitea.userById : undefined,
    );
    if (unlabelledApplication(event)) {
      await writer.addLabel(APPLICATION_TRIGGER);
      event = { ...event, issue: { ...event.issue, labels: [...event.issue.labels, APPLICATION_TRIGGER] } };
    }
    // One line more than is read: a command past the limit is answered, not left in silence.
    const parsed =
      event.kind === 'comment.created' && event.comment
        ? parseCommands(event.comment.body, MAX_COMMANDS_PER_COMMENT + 1)
        : [];
    // A comment edited by someone Gitea does not name (event.ts `editedAt`): answered, not run.
    const edited = event.comment?.editedAt;
    const lines = edited ? [] : parsed.slice(0, MAX_COMMANDS_PER_COMMENT);
    const claimed = new Set<string>();
    const answers: Answer[] = [];
    // Saved after the comment's one reply is written: a retry finds the instance unchanged and answers again.
    const decided: { name: string; next: Instance }[] = [];
    // Whether each workflow's issue counts as open, marked after the reply (a write in Gitea).
    const openness: { name: string; open: boolean }[] = [];
    let inputsChanged = renamed;
    // Each workflow writes only its own instance, so all of them are read at once.
    const stored = await deps.instances.ofIssue(
      event.repo,
      event.issue.number,
      deps.workflows.map((w) => w.definition.name),
    );
    for (const [index, workflow] of deps.workflows.entries()) {
      const name = workflow.definition.name;
      if (event.timer && event.timer.workflow !== name) continue;
      if (event.timer)
        inputsChanged =
          (await deps.instancePeople.refresh(stored[index] ?? null, deps.writer.gitea.userById)) ||
          inputsChanged;
      const instance = await deps.instancePeople.current(stored[index] ?? null);
      if (!instance && !event.issue.labels.includes(workflow.definition.trigger)) continue;
      const common = await loadFacts(event, name, self);
      const extra = workflow.loadFacts
        ? await workflow.loadFacts({ event, instance, facts: common, services: deps.services })
        : {};
      const facts: Facts = { ...common, extra };
      const own = claimedCommands(workflow.definition, instance?.state, anywhere);
      const decision = await decideAsActor(event, instance, facts, isMaintainer, (roles) =>
        decide({
          workflow,
          instance,
          event,
          config,
          facts,
          roles,
          render: deps.render,
          commands: lines.filter((line) => own.has(line.name)),
          anywhere: deps.commands,
        }),
      );
      const next = decision.instance;
      answers.push(...decision.answers);
      if (next !== instance) {
        if (!instance && next) {
          await existence.confirm();
          await deps.instances.started(event.repo, event.issue.number, name);
        }
        for (const effect of ledgerFirst(decision.effects)) {
          await apply(effect, writer, name, event, log);
          inputsChanged ||= PAYROLL_INPUTS.has(effect.type);
        }
        if (next) decided.push({ name, next: await deps.instancePeople.keyed(next) });
        log.info({ workflow: name, kind: event.kind, from: instance?.state, to: next?.state }, 'decided');
      }
      if (next) {
        const open = event.issue.state === 'open' && !workflow.definition.states[next.state]?.final;
        openness.push({ name, open });
        for (const command of own) claimed.add(command);
      }
    }
    const rest = lines.filter((line) => !claimed.has(line.name));
    const program =
      rest.length > 0
        ? await runProgramCommands({ event, config, lines: rest, writer, log, isMaintainer, apply })
        : undefined;
    if (program) {
      answers.push(...program.answers);
      inputsChanged ||= program.inputsChanged;
    }
    if (event.comment) {
      const unread = edited ? undefined : unreadLine(parsed[MAX_COMMANDS_PER_COMMENT], deps.catalog);
      if (unread) answers.push(unread);
      if (edited)
        answers.push(...editedLines(parsed.slice(0, MAX_COMMANDS_PER_COMMENT), deps.catalog, edited));
      for (const effect of replyToComment(event.comment.id, parsed, answers))
        await apply(effect, writer, '', event, log);
    }
    // What follows is written outside Gitea: only for an issue known to exist.
    if (inputsChanged || openness.length > 0 || program?.record) await existence.confirm();
    for (const { name, open } of openness) await deps.openIssues.mark(name, event.issue.author, self, open);
    // Queued before anything records this event as done: a worker killed after saving would, run
    // again, find nothing left to do and never queue the refreshes (a payroll in review would keep
    // the table its approvals are of, without the report or payment of this event).
    if (inputsChanged)
      await deps.refreshPayrolls(
        event,
        decided.map(({ next }) => next),
      );
    for (const { next } of decided) await deps.instances.put(next);
    // After the effects and the reply (each idempotent): a crash in between re-applies them, never loses them.
    if (program?.record && event.comment)
      await deps.appliedCommands.add(event.repo, event.issue.number, event.comment.id);
  }
}
