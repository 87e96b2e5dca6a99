import type { Logger } from 'pino';
import { type Answer, replyToComment } from '../commands/answer.js';
import { decideCommands } from '../commands/any-issue.js';
import { type CommandSpec, claimedCommands } from '../commands/catalog.js';
import type { ProgramCommand } from '../commands/command.js';
import { unreadLine } from '../commands/elsewhere.js';
import type { ProgramConfig } from '../config/program.js';
import { mentionedLogins } from '../domain/commands/mentions.js';
import { type CommandLine, MAX_COMMANDS_PER_COMMENT, parseCommands } from '../domain/commands/parse.js';
import { recordedByComment } from '../domain/history/comment-event.js';
import type { HistoryEvent } from '../domain/history/events.js';
import { trustedBody } from '../domain/text/trusted-body.js';
import { decide } from '../engine/decide.js';
import type { Instance } from '../engine/instance.js';
import type { Facts, Render, WorkflowModule } from '../engine/module.js';
import { APPLICATION_TRIGGER, inProgramRepos, unlabelledApplication } from '../engine/relevance.js';
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
import { createEffectApplier, type EffectDeps, ledgerFirst, PAYROLL_INPUTS } from './apply-effect.js';
import type { IssueReader } from './current-issue.js';
import type { Identify } from './identify.js';
import type { InstancePeople } from './instance-people.js';
import { createIssueNow } from './issue-now.js';
import { answerPings, PING_TIMER, pingDeadlinePassed } from './pings.js';

/** Program commands that take an effective day, refused in a paid month. */
const DATED: ReadonlySet<string> = new Set(['nodes', 'wallet']);

export type { DelayedEvent } from './delayed-event.js';

export type HandlerDeps = EffectDeps & {
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
  /**
   * After an event changed a payroll input, every open payroll issue computes its snapshot again;
   * the second argument: the instances the event decided, not saved yet.
   */
  refreshPayrolls: (cause: BotEvent, deciding?: readonly Instance[]) => Promise<void>;
  services: FactServices;
  openIssues: OpenIssueIndex;
  /** PROGRAM_REPO and `program.repos`: the only repositories whose issues and commands count. */
  programRepos: readonly string[];
  isMaintainer: MaintainerCheck;
  /** A running workflow's people by user id: stored logins read back as their current ones. */
  instancePeople: InstancePeople;
  /** Learns the event's people by Gitea user id before anything is looked up by login. */
  identify: Identify;
  /** The issue as Gitea has it now, read before deciding unless the event says it (issue-now.ts); off in `rebuild`. */
  readIssue?: IssueReader;
  log: Logger;
};

/** One event through every workflow: load the instance and facts, decide (pure), apply the effects, save. */
export function createEventHandler(deps: HandlerDeps) {
  const apply = createEffectApplier(deps);
  const anywhere: ReadonlySet<string> = new Set(deps.commands.map((command) => command.name));
  const needsRead = createIssueNow(deps.writer.redis);
  const gone = (log: Logger, event: BotEvent) =>
    log.info(
      { kind: event.kind, timer: event.timer?.name },
      'the issue is gone (deleted in Gitea): nothing to do',
    );

  return async function handleEvent(event: BotEvent): Promise<void> {
    if (!event.timer && !event.internal && event.actor.toLowerCase() === deps.writer.botLogin.toLowerCase())
      return;
    const log = deps.log.child({ deliveryId: event.deliveryId, repo: event.repo, issue: event.issue.number });
    // A rename changes what every payroll table shows: they are computed again.
    const renamed = await deps.identify(event);
    if (deps.readIssue && (await needsRead(event))) {
      const current = await deps.readIssue(repoRef(event.repo), event.issue.number);
      if (current === 'gone') {
        gone(log, event);
        if (renamed) await deps.refreshPayrolls(event);
        return;
      }
      await decideAndApply({ ...event, issue: { ...event.issue, ...current } }, log, renamed);
      return;
    }
    try {
      await decideAndApply(event, log, renamed);
    } catch (error) {
      // Not read first: an issue deleted since its comment is learnt from the first write's 404.
      if (
        deps.readIssue &&
        error instanceof GiteaError &&
        error.status === 404 &&
        (await deps.readIssue(repoRef(event.repo), event.issue.number)) === 'gone'
      )
        return gone(log, event);
      throw error;
    }
  };

  async function decideAndApply(event: BotEvent, log: Logger, renamed: boolean): Promise<void> {
    const isMaintainer = perEvent(deps.isMaintainer, event);
    event = {
      ...event,
      issue: { ...event.issue, body: trustedBody(event.issue.body, deps.writer.seal, event.repo) },
    };
    const writer = createIssueWriter(deps.writer, repoRef(event.repo), event.issue.number, {
      mayHaveWritten: event.deliveryId === CATCH_UP_DELIVERY_ID,
    });
    const self = issueKey(event.repo, event.issue.number);
    if (event.timer?.workflow === PING_TIMER) {
      const ping = await deps.pings.get(Number(event.timer.name));
      if (ping) await deps.instancePeople.refreshLogins([ping.login, ping.by], deps.writer.gitea.userById);
      await pingDeadlinePassed(deps.pings, event, writer);
      return;
    }
    if (event.kind === 'comment.created') await answerPings(deps.pings, event);
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
    const lines = parsed.slice(0, MAX_COMMANDS_PER_COMMENT);
    const claimed = new Set<string>();
    const answers: Answer[] = [];
    // Saved after the comment's one reply is written: a retry finds the instance unchanged and answers again.
    const decided: { name: string; next: Instance }[] = [];
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
        if (!instance && next) await deps.instances.started(event.repo, event.issue.number, name);
        for (const effect of ledgerFirst(decision.effects)) {
          await apply(effect, writer, name, event, log);
          inputsChanged ||= PAYROLL_INPUTS.has(effect.type);
        }
        if (next) decided.push({ name, next: await deps.instancePeople.keyed(next) });
        log.info({ workflow: name, kind: event.kind, from: instance?.state, to: next?.state }, 'decided');
      }
      if (next) {
        const open = event.issue.state === 'open' && !workflow.definition.states[next.state]?.final;
        await deps.openIssues.mark(name, event.issue.author, self, open);
        for (const command of own) claimed.add(command);
      }
    }
    const rest = lines.filter((line) => !claimed.has(line.name));
    const program =
      rest.length > 0 ? await runProgramCommands(event, config, rest, writer, log, isMaintainer) : undefined;
    if (program) {
      answers.push(...program.answers);
      inputsChanged ||= program.inputsChanged;
    }
    if (event.comment) {
      const unread = unreadLine(parsed[MAX_COMMANDS_PER_COMMENT], deps.catalog);
      if (unread) answers.push(unread);
      for (const effect of replyToComment(event.comment.id, parsed, answers))
        await apply(effect, writer, '', event, log);
    }
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

  /** Commands usable in any issue (`/report`, `/ping`…) and misplaced ones: the lines no workflow here answers. */
  async function runProgramCommands(
    event: BotEvent,
    config: ProgramConfig,
    lines: readonly CommandLine[],
    writer: IssueWriter,
    log: Logger,
    isMaintainer: MaintainerCheck,
  ): Promise<{ answers: Answer[]; inputsChanged: boolean; record: boolean } | undefined> {
    const commentId = event.comment?.id;
    if (commentId === undefined) return undefined;
    if (await deps.appliedCommands.has(event.repo, event.issue.number, commentId)) {
      log.info({ commentId }, 'commands of this comment were applied already');
      return undefined;
    }
    const facts = await loadFacts(event, '', issueKey(event.repo, event.issue.number));
    const reports = await deps.reports.of(event.actor);
    // A week's report stored by this very comment on an earlier try counts as the one it replaced.
    const actorReportWeeks = Object.fromEntries(
      reports.map(({ report, source }) => [
        report.week,
        source.commentId === commentId ? (source.replaces ?? commentId) : source.commentId,
      ]),
    );
    const paidMonths = await paidMonthsFor(lines);
    const { effects, answers } = await decideAsActor(event, null, facts, isMaintainer, (roles) =>
      decideCommands({
        commands: deps.commands,
        catalog: deps.catalog,
        lines,
        event,
        config,
        facts: { ...facts, actorReportWeeks, paidMonths },
        roles,
      }),
    );
    for (const effect of effects) await apply(effect, writer, '', event, log);
    return {
      answers,
      inputsChanged: effects.some((effect) => PAYROLL_INPUTS.has(effect.type)),
      record: effects.length > 0 || answers.length > 0,
    };
  }

  /** The months whose payroll is paid, when a command of the comment sets an effective day. */
  async function paidMonthsFor(lines: readonly CommandLine[]): Promise<string[]> {
    const dated = lines.some((c) => DATED.has(c.name));
    if (!dated) return [];
    return deps.paidMonths();
  }

  async function loadFacts(event: BotEvent, workflow: string, self: string): Promise<Facts> {
    const logins = mentionedLogins(event.comment?.body ?? '');
    // The registry as this comment's first try saw it (a retried job recorded its events already).
    const own = (history: HistoryEvent) => recordedByComment(history.id, event);
    const [author, actor, otherOpenIssues, records] = await Promise.all([
      deps.registry.get(event.issue.author, own),
      deps.registry.get(event.actor, own),
      deps.openIssues.others(workflow, event.issue.author, self),
      Promise.all(logins.map((login) => deps.registry.get(login, own))),
    ]);
    const mentioned = Object.fromEntries(records.flatMap((r) => (r ? [[r.login.toLowerCase(), r]] : [])));
    return {
      ...(author ? { author } : {}),
      ...(actor ? { actor } : {}),
      otherOpenIssues,
      mentioned,
      botLogin: deps.writer.botLogin,
    };
  }
}
