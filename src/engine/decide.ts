import type { ProgramConfig } from '../config/program.js';
import { configValueAt } from '../config/value-at.js';
import { type CommandLine, parseCommands } from '../domain/commands/parse.js';
import type { BotEvent } from '../gitea/event.js';
import type { Role, Transition } from './definition.js';
import { type Effect, STATE_MARKER } from './effects.js';
import { withInput } from './inputs.js';
import type { Instance } from './instance.js';
import { stateDiagram } from './mermaid.js';
import type { ActionResult, DecideContext, Facts, Render, WorkflowModule } from './module.js';
import { describeRoles } from './roles.js';

export type DecideInput = {
  workflow: WorkflowModule;
  instance: Instance | null;
  event: BotEvent;
  config: ProgramConfig;
  facts: Facts;
  roles: ReadonlySet<Role>;
  render: Render;
  /** Commands usable in any issue (from the program command table), listed by `/help` too. */
  anywhere?: readonly { name: string; help: string; roles: readonly Role[] }[];
};

export type Decision = { instance: Instance | null; effects: Effect[] };

const NEW = '(new)';
const MAX_AUTO_STEPS = 10;

/**
 * The pure transition function: (definition, instance, event, facts, config) → new instance and
 * effects. No clock, no I/O: every time comes from the event. An unchanged instance is returned
 * as the same object.
 */
export function decide(input: DecideInput): Decision {
  const draft = new Draft(input, input.instance ?? blankInstance(input));
  if (!input.instance) {
    if (!draft.start()) return { instance: null, effects: [] };
  } else if (input.event.kind === 'comment.created' && input.event.comment) {
    if (input.instance.applied.includes(input.event.comment.id))
      return { instance: input.instance, effects: [] };
    for (const command of parseCommands(input.event.comment.body)) draft.command(command);
  } else {
    draft.event();
  }
  return draft.finish();
}

type Step = Pick<Transition, 'to' | 'roles' | 'guard' | 'action'>;

class Draft {
  private current: Instance;
  private changed = false;
  private readonly replies: string[] = [];
  /** Timers to start, with an explicit due time when an action gave one. */
  private readonly timersToStart = new Map<string, string | undefined>();
  private readonly extraEffects: Effect[] = [];

  constructor(
    private readonly input: DecideInput,
    private readonly before: Instance,
  ) {
    this.current = before;
  }

  private get definition() {
    return this.input.workflow.definition;
  }

  start(): boolean {
    const { event } = this.input;
    if (!event.issue.labels.includes(this.definition.trigger) || event.issue.state !== 'open') return false;
    for (const initial of this.definition.initial) {
      if (this.take(initial) === true) return true;
    }
    return false;
  }

  event(): void {
    const on = eventTrigger(this.input.event);
    if (!on) return;
    if (on.startsWith('timer:') && !this.timerStillApplies()) return;
    this.takeFirst(this.candidates(on));
  }

  command(command: CommandLine): void {
    if (command.name === 'status') {
      this.replies.push(`${this.statusText(this.current)}\n\n${this.diagram(this.current)}`);
      return;
    }
    if (command.name === 'help') {
      this.replies.push(this.helpText());
      return;
    }
    if (!this.definition.transitions.some((t) => t.on === command.name)) return;
    const candidates = this.candidates(command.name);
    if (candidates.length === 0) {
      this.replies.push(
        `\`${command.raw}\`: not possible while this issue is in state **${this.current.state}**.`,
      );
      return;
    }
    const refusal = this.takeFirst(candidates, command);
    if (refusal) this.replies.push(`\`${command.raw}\`: ${refusal}`);
  }

  finish(): Decision {
    const { event } = this.input;
    const commentId = event.kind === 'comment.created' ? event.comment?.id : undefined;
    if (!this.changed && this.replies.length === 0) return { instance: this.input.instance, effects: [] };
    const applied = commentId === undefined ? this.current.applied : [...this.current.applied, commentId];
    if (!this.changed) {
      return { instance: { ...this.current, applied }, effects: this.replyEffects(commentId) };
    }
    const version = this.before.version + 1;
    const enteredState = this.current.state !== this.before.state;
    const stateDef = this.definition.states[this.current.state];
    const timers = Object.entries(this.definition.timers).filter(
      ([name, timer]) =>
        this.timersToStart.has(name) ||
        (timer.start === 'enter' &&
          timer.in.includes(this.current.state) &&
          !timer.in.includes(this.before.state)),
    );
    const timerVersions = Object.fromEntries(timers.map(([name]) => [name, version]));
    const previousTimers = (this.current.data.timers as Record<string, number> | undefined) ?? {};
    const data =
      timers.length > 0
        ? { ...this.current.data, timers: { ...previousTimers, ...timerVersions } }
        : this.current.data;
    const inputs = withInput(this.current.inputs, event);
    const next: Instance = { ...this.current, data, version, updatedAt: event.at, applied, inputs };

    const effects: Effect[] = [];
    if (enteredState) {
      effects.push({
        type: 'setStateLabel',
        scope: this.definition.labelScope,
        label: this.stateLabel(next.state),
      });
    }
    effects.push({ type: 'upsertStatusComment', body: this.statusBody(next) });
    for (const [name, timer] of timers) {
      const dueAt =
        this.timersToStart.get(name) ??
        new Date(Date.parse(event.at) + durationAt(this.input.config, timer.after ?? '')).toISOString();
      effects.push({ type: 'scheduleTimer', name, dueAt, forState: next.state, forVersion: version });
    }
    effects.push(...this.extraEffects, ...this.replyEffects(commentId));
    if (enteredState && stateDef?.close && event.issue.state === 'open') effects.push({ type: 'closeIssue' });
    return { instance: next, effects };
  }

  private candidates(on: string): Transition[] {
    return this.definition.transitions.filter((t) => t.on === on && t.from.includes(this.current.state));
  }

  /**
   * Takes the first candidate that is allowed; when none is, returns the first refusal of a role
   * or an action (what the person can fix), else the first guard's. A guard that merely did not
   * hold (e.g. payroll's "every line paid" before its `/adjust`) must not hide why the command
   * itself was refused.
   */
  private takeFirst(candidates: Transition[], command?: CommandLine): string | undefined {
    let refusal: string | undefined;
    let guardRefusal: string | undefined;
    for (const transition of candidates) {
      const outcome = this.take(transition, command);
      if (outcome === true) return undefined;
      if (typeof outcome === 'object') guardRefusal ??= outcome.guard;
      else refusal ??= outcome;
    }
    return refusal ?? guardRefusal;
  }

  private take(step: Step, command?: CommandLine): true | string | { guard: string } {
    const { workflow } = this.input;
    if (step.roles && !step.roles.some((role) => role === 'anyone' || this.input.roles.has(role))) {
      return `only ${describeRoles(step.roles)} may use this here.`;
    }
    const ctx: DecideContext = { ...this.input, instance: this.current, ...(command ? { command } : {}) };
    if (step.guard) {
      const verdict = workflow.guards[step.guard]?.(ctx) ?? `guard ${step.guard} is missing`;
      if (verdict !== true) return { guard: verdict };
    }
    let result: ActionResult = {};
    if (step.action) {
      const outcome = workflow.actions[step.action]?.(ctx) ?? `action ${step.action} is missing`;
      if (typeof outcome === 'string') return outcome;
      result = outcome;
    }
    this.current = {
      ...this.current,
      state: step.to ?? this.current.state,
      data: { ...this.current.data, ...result.data },
      updatedAt: this.input.event.at,
    };
    this.changed = true;
    if (result.reply) this.replies.push(command ? `\`${command.raw}\`: ${result.reply}` : result.reply);
    for (const timer of result.startTimers ?? []) {
      if (typeof timer === 'string') this.timersToStart.set(timer, undefined);
      else this.timersToStart.set(timer.name, timer.dueAt);
    }
    this.extraEffects.push(...(result.effects ?? []));
    this.runAutomatic();
    return true;
  }

  /** `on: auto` transitions fire as soon as their guard holds (e.g. all training done → certification). */
  private runAutomatic(): void {
    for (let step = 0; step < MAX_AUTO_STEPS; step++) {
      const auto = this.candidates('auto').find((t) => {
        const ctx: DecideContext = { ...this.input, instance: this.current };
        return !t.guard || this.input.workflow.guards[t.guard]?.(ctx) === true;
      });
      if (!auto) return;
      const { guard: _checked, ...rest } = auto;
      if (this.take(rest) !== true) return;
    }
  }

  private timerStillApplies(): boolean {
    const timer = this.input.event.timer;
    if (!timer) return false;
    const versions = (this.current.data.timers as Record<string, number> | undefined) ?? {};
    const states = this.definition.timers[timer.name]?.in ?? [];
    return states.includes(this.current.state) && versions[timer.name] === timer.forVersion;
  }

  private replyEffects(commentId: number | undefined): Effect[] {
    if (commentId === undefined || this.replies.length === 0) return [];
    return [{ type: 'reply', toCommentId: commentId, body: this.replies.join('\n\n') }];
  }

  private stateLabel(state: string): string {
    return `${this.definition.labelScope}/${state}`;
  }

  private statusText(instance: Instance): string {
    const view = { ...this.input.workflow.statusView(instance, this.input.config), state: instance.state };
    return this.input.render(this.definition.statusTemplate, view);
  }

  private statusBody(instance: Instance): string {
    const marker = JSON.stringify({
      workflow: instance.workflow,
      state: instance.state,
      version: instance.version,
      updatedAt: instance.updatedAt,
      inputs: instance.inputs,
    }).replace(/[<>]/g, (c) => (c === '<' ? '\\u003c' : '\\u003e'));
    return `${this.statusText(instance)}\n\n${this.diagram(instance, true)}\n\n<!-- ${STATE_MARKER} ${marker} -->`;
  }

  /** Where the issue stands in its workflow, as a mermaid diagram (folded away in status comments). */
  private diagram(instance: Instance, folded = false): string {
    const chart = `\`\`\`mermaid\n${stateDiagram(this.definition, instance.state)}\n\`\`\``;
    return folded
      ? `<details><summary>Where this is in the ${this.definition.name} workflow</summary>\n\n${chart}\n</details>`
      : chart;
  }

  private helpText(): string {
    const usable = this.definition.transitions.filter(
      (t) =>
        t.help &&
        t.from.includes(this.current.state) &&
        (!t.roles || t.roles.some((role) => role === 'anyone' || this.input.roles.has(role))),
    );
    const lines = [...new Map(usable.map((t) => [t.on, `- \`${t.help}\``])).values()];
    lines.push('- `/status` — where this issue stands and what is left', '- `/help` — this list');
    const allowed = (roles: readonly Role[]) =>
      roles.some((role) => role === 'anyone' || this.input.roles.has(role));
    const anywhere = (this.input.anywhere ?? [])
      .filter((command) => command.name !== 'help' && allowed(command.roles))
      .map((command) => `- \`${command.help}\``);
    const elsewhere = anywhere.length > 0 ? `\n\nIn any issue:\n${anywhere.join('\n')}` : '';
    return `Commands you can use here now (state **${this.current.state}**):\n${lines.join('\n')}${elsewhere}`;
  }
}

function blankInstance(input: DecideInput): Instance {
  return {
    workflow: input.workflow.definition.name,
    repo: input.event.repo,
    issue: input.event.issue.number,
    state: NEW,
    version: 0,
    updatedAt: input.event.at,
    data: {},
    applied: [],
    inputs: {},
  };
}

function eventTrigger(event: BotEvent): string | undefined {
  if (event.kind === 'timer.fired') return event.timer ? `timer:${event.timer.name}` : undefined;
  return event.kind.startsWith('issue.') ? event.kind.slice('issue.'.length) : undefined;
}

function durationAt(config: ProgramConfig, path: string): number {
  const value = configValueAt(config, path);
  if (typeof value !== 'number') throw new Error(`config path ${path} is not a duration`);
  return value;
}
