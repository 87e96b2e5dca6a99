import type { ProgramConfig } from '../config/program.js';
import { configValueAt } from '../config/value-at.js';
import { parseCommands } from '../domain/commands/parse.js';
import type { BotEvent } from '../gitea/event.js';
import type { Role, Transition } from './definition.js';
import { type Effect, STATE_MARKER } from './effects.js';
import type { Instance } from './instance.js';
import type { DecideContext, Render, WorkflowModule } from './module.js';

export type DecideInput = {
  workflow: WorkflowModule;
  instance: Instance | null;
  event: BotEvent;
  config: ProgramConfig;
  roles: ReadonlySet<Role>;
  render: Render;
};

export type Decision = { instance: Instance | null; effects: Effect[] };

/** The pure transition function: (definition, instance, event, config) → new instance + effects. */
export function decide(input: DecideInput): Decision {
  const { workflow, instance, event } = input;
  if (!instance) return start(input);
  if (event.kind === 'comment.created' && event.comment)
    return applyCommands(input, instance, event.comment.id);
  const on = eventTrigger(event);
  if (!on) return { instance, effects: [] };
  const transition = workflow.definition.transitions.find(
    (t) => t.on === on && t.from.includes(instance.state),
  );
  if (!transition || (on.startsWith('timer:') && !timerStillApplies(instance, event)))
    return { instance, effects: [] };
  const ctx: DecideContext = { ...input, instance };
  const outcome = runTransition(input, ctx, transition);
  return typeof outcome === 'string' ? { instance, effects: [] } : finish(input, instance, outcome, []);
}

function start(input: DecideInput): Decision {
  const { workflow, event } = input;
  if (!event.issue.labels.includes(workflow.definition.trigger) || event.issue.state !== 'open') {
    return { instance: null, effects: [] };
  }
  const blank: Instance = {
    workflow: workflow.definition.name,
    repo: event.repo,
    issue: event.issue.number,
    state: '(new)',
    version: 0,
    updatedAt: event.at,
    data: {},
    applied: [],
  };
  const ctx: DecideContext = { ...input, instance: blank };
  for (const initial of workflow.definition.initial) {
    if (initial.guard && workflow.guards[initial.guard]?.(ctx) !== true) continue;
    const outcome = runTransition(input, ctx, { on: 'start', from: ['(new)'], ...initial });
    if (typeof outcome !== 'string') return finish(input, blank, outcome, [], true);
  }
  return { instance: null, effects: [] };
}

type Outcome = { to?: string; data: Record<string, unknown>; reply?: string };

function runTransition(input: DecideInput, ctx: DecideContext, transition: Transition): Outcome | string {
  const { workflow } = input;
  if (transition.roles && !transition.roles.some((role) => role === 'anyone' || input.roles.has(role))) {
    return `only ${transition.roles.join(' or ')} may use this here`;
  }
  if (transition.guard) {
    const verdict = workflow.guards[transition.guard]?.(ctx) ?? `guard ${transition.guard} is missing`;
    if (verdict !== true) return verdict;
  }
  let data = ctx.instance.data;
  let reply: string | undefined;
  if (transition.action) {
    const result = workflow.actions[transition.action]?.(ctx) ?? `action ${transition.action} is missing`;
    if (typeof result === 'string') return result;
    data = { ...data, ...result.data };
    reply = result.reply;
  }
  return { ...(transition.to ? { to: transition.to } : {}), data, ...(reply ? { reply } : {}) };
}

function applyCommands(input: DecideInput, instance: Instance, commentId: number): Decision {
  if (instance.applied.includes(commentId)) return { instance, effects: [] };
  const body = input.event.comment?.body ?? '';
  const replies: string[] = [];
  let current = instance;
  let changed = false;
  for (const command of parseCommands(body)) {
    const candidates = input.workflow.definition.transitions.filter((t) => t.on === command.name);
    if (candidates.length === 0) continue;
    const transition = candidates.find((t) => t.from.includes(current.state));
    if (!transition) {
      replies.push(`\`${command.raw}\`: not possible while this issue is in state **${current.state}**.`);
      continue;
    }
    const ctx: DecideContext = { ...input, instance: current, command };
    const outcome = runTransition(input, ctx, transition);
    if (typeof outcome === 'string') {
      replies.push(`\`${command.raw}\`: ${outcome}.`);
      continue;
    }
    if (outcome.reply) replies.push(`\`${command.raw}\`: ${outcome.reply}`);
    current = advance(current, outcome, input.event.at);
    changed = true;
  }
  const applied = { ...current, applied: [...instance.applied, commentId] };
  const replyEffects: Effect[] =
    replies.length > 0 ? [{ type: 'reply', toCommentId: commentId, body: replies.join('\n') }] : [];
  if (!changed) return { instance: replies.length > 0 ? applied : instance, effects: replyEffects };
  return finish(
    input,
    instance,
    { to: current.state, data: current.data },
    replyEffects,
    false,
    applied.applied,
  );
}

function advance(instance: Instance, outcome: Outcome, at: string): Instance {
  return { ...instance, state: outcome.to ?? instance.state, data: outcome.data, updatedAt: at };
}

function finish(
  input: DecideInput,
  before: Instance,
  outcome: Outcome,
  extra: Effect[],
  isStart = false,
  applied = before.applied,
): Decision {
  const { workflow, config } = input;
  const next: Instance = {
    ...advance(before, outcome, input.event.at),
    version: before.version + 1,
    applied,
  };
  const effects: Effect[] = [];
  if (isStart || next.state !== before.state) {
    effects.push({
      type: 'setStateLabel',
      scope: workflow.definition.labelScope,
      label: stateLabel(input, next.state),
    });
  }
  effects.push({ type: 'upsertStatusComment', body: statusBody(input, next) });
  for (const [name, timer] of Object.entries(workflow.definition.timers)) {
    if (timer.in !== next.state || (!isStart && before.state === next.state)) continue;
    const dueAt = new Date(Date.parse(input.event.at) + durationAt(config, timer.after)).toISOString();
    effects.push({ type: 'scheduleTimer', name, dueAt, forState: next.state, forVersion: next.version });
  }
  if (outcome.reply && !extra.some((e) => e.type === 'reply') && input.event.comment) {
    effects.push({ type: 'reply', toCommentId: input.event.comment.id, body: outcome.reply });
  }
  return { instance: next, effects: [...effects, ...extra] };
}

const stateLabel = (input: DecideInput, state: string) => `${input.workflow.definition.labelScope}/${state}`;

function statusBody(input: DecideInput, instance: Instance): string {
  const marker = JSON.stringify({
    workflow: instance.workflow,
    state: instance.state,
    version: instance.version,
    updatedAt: instance.updatedAt,
  });
  const view = { ...input.workflow.statusView(instance, input.config), state: instance.state };
  return `${input.render(input.workflow.definition.statusTemplate, view)}\n\n<!-- ${STATE_MARKER} ${marker} -->`;
}

function eventTrigger(event: BotEvent): string | undefined {
  if (event.kind === 'timer.fired') return event.timer ? `timer:${event.timer.name}` : undefined;
  return event.kind.startsWith('issue.') ? event.kind.slice('issue.'.length) : undefined;
}

function timerStillApplies(instance: Instance, event: BotEvent): boolean {
  return event.timer?.forState === instance.state;
}

function durationAt(config: ProgramConfig, path: string): number {
  const value = configValueAt(config, path);
  if (typeof value !== 'number') throw new Error(`config path ${path} is not a duration`);
  return value;
}
