import type { Logger } from 'pino';
import type { ProgramConfig } from '../config/program.js';
import { decide } from '../engine/decide.js';
import type { Effect } from '../engine/effects.js';
import type { Render, WorkflowModule } from '../engine/module.js';
import { repoRef } from '../gitea/client.js';
import type { BotEvent } from '../gitea/event.js';
import type { MaintainerCheck } from '../gitea/roles.js';
import { createIssueWriter, type IssueWriter, type WriterDeps } from '../gitea/writer.js';
import type { InstanceStore } from '../store/instances.js';
import { rolesOf } from './roles.js';

export type TimerRequest = { event: BotEvent; dueAt: string; jobId: string };

export type HandlerDeps = {
  workflows: readonly WorkflowModule[];
  config: ProgramConfig;
  render: Render;
  instances: InstanceStore;
  writer: WriterDeps;
  isMaintainer: MaintainerCheck;
  scheduleTimer: (timer: TimerRequest) => Promise<void>;
  log: Logger;
};

/** One event through every workflow: load the instance, decide (pure), apply the effects, save. */
export function createEventHandler(deps: HandlerDeps) {
  return async function handleEvent(event: BotEvent): Promise<void> {
    if (!event.timer && event.actor.toLowerCase() === deps.writer.botLogin.toLowerCase()) return;
    const writer = createIssueWriter(deps.writer, repoRef(event.repo), event.issue.number);
    for (const workflow of deps.workflows) {
      const name = workflow.definition.name;
      if (event.timer && event.timer.workflow !== name) continue;
      const instance = await deps.instances.get(event.repo, event.issue.number, name);
      if (!instance && !event.issue.labels.includes(workflow.definition.trigger)) continue;
      const roles = await rolesOf(event, instance, deps.isMaintainer);
      const decision = decide({ workflow, instance, event, config: deps.config, roles, render: deps.render });
      if (decision.instance === instance) continue;
      for (const effect of decision.effects) await apply(effect, writer, name, event);
      if (decision.instance) await deps.instances.put(decision.instance);
      deps.log.info(
        { workflow: name, issue: event.issue.number, from: instance?.state, to: decision.instance?.state },
        'decided',
      );
    }
  };

  async function apply(
    effect: Effect,
    writer: IssueWriter,
    workflow: string,
    event: BotEvent,
  ): Promise<void> {
    switch (effect.type) {
      case 'setStateLabel':
        return writer.setStateLabel(effect.scope, effect.label);
      case 'upsertStatusComment':
        await writer.upsertStatusComment(workflow, effect.body);
        return;
      case 'reply':
        return writer.reply(effect.toCommentId, effect.body);
      case 'closeIssue':
        await writer.close();
        return;
      case 'reopenIssue':
        await writer.reopen();
        return;
      case 'scheduleTimer':
        return deps.scheduleTimer(timerRequest(effect, workflow, event));
    }
  }
}

function timerRequest(effect: Extract<Effect, { type: 'scheduleTimer' }>, workflow: string, cause: BotEvent) {
  const event: BotEvent = {
    kind: 'timer.fired',
    repo: cause.repo,
    issue: cause.issue,
    actor: 'operator-bot',
    at: effect.dueAt,
    timer: { workflow, name: effect.name, forState: effect.forState, forVersion: effect.forVersion },
  };
  const safeRepo = cause.repo.replace(/[^A-Za-z0-9_-]/g, '_');
  return {
    event,
    dueAt: effect.dueAt,
    jobId: `timer-${safeRepo}-${cause.issue.number}-${workflow}-${effect.name}-v${effect.forVersion}`,
  };
}
