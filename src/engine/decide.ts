import { type Answer, roleRefusal } from '../commands/answer.js';
import type { ProgramConfig } from '../config/program.js';
import type { CommandLine } from '../domain/commands/parse.js';
import type { BotEvent } from '../gitea/event.js';
import { type Ask, askNote, asksOf } from './asks.js';
import { blankInstance, eventTrigger } from './decide-support.js';
import type { Role, Transition } from './definition.js';
import type { Effect } from './effects.js';
import { withInput } from './inputs.js';
import { type Instance, withApplied } from './instance.js';
import { undoIssueChange } from './issue-changes.js';
import { foldedDiagram } from './mermaid.js';
import type { ActionResult, DecideContext, Facts, Render, WorkflowModule } from './module.js';
import { instanceRoles, mayUse } from './roles.js';
import { timerEffects, timerStillApplies, timersToStart, withTimerVersions } from './timers.js';
import { helpText } from './workflow-help.js';

export type DecideInput = {
  workflow: WorkflowModule;
  instance: Instance | null;
  event: BotEvent;
  config: ProgramConfig;
  facts: Facts;
  roles: ReadonlySet<Role>;
  render: Render;
  /** The comment's command lines this workflow answers (src/commands/route.ts), in the order written. */
  commands?: readonly CommandLine[];
  /** Commands usable in any issue (from the program command table), listed by `/help` too. */
  anywhere?: readonly { name: string; help: string; roles: readonly Role[] }[];
};

/** The new instance, the effects to apply, and what to answer the comment's commands (one reply, src/commands/answer.ts). */
export type Decision = { instance: Instance | null; effects: Effect[]; answers: Answer[] };

const MAX_AUTO_STEPS = 10;

/**
 * The pure transition function: (definition, instance, event, facts, config) → new instance and
 * effects. No clock, no I/O: every time comes from the event. An unchanged instance is returned
 * as the same object.
 */
export function decide(input: DecideInput): Decision {
  const draft = new Draft(input, input.instance ?? blankInstance(input));
  if (!input.instance) {
    if (!draft.start()) return { instance: null, effects: [], answers: [] };
    // A comment can be the first event the bot sees of a labelled issue: its commands follow the
    // start, judged with the roles the new instance gives (its responsible operator may `/ack`).
    if (input.event.kind === 'comment.created' && input.commands?.length) {
      draft.holdInstanceRoles();
      for (const command of input.commands) draft.command(command);
    }
  } else if (input.event.kind === 'comment.created' && input.event.comment) {
    if (input.instance.applied.includes(input.event.comment.id))
      return { instance: input.instance, effects: [], answers: [] };
    for (const command of input.commands ?? []) draft.command(command);
  } else {
    draft.event();
  }
  return draft.finish();
}

type Step = Pick<Transition, 'to' | 'roles' | 'guard' | 'action'>;

class Draft {
  private current: Instance;
  private changed = false;
  private readonly answers: Answer[] = [];
  /** The command being answered: steps that follow it on their own answer under it. */
  private line: CommandLine | undefined;
  /** Timers to start, with an explicit due time when an action gave one. */
  private readonly timersToStart = new Map<string, string | undefined>();
  private readonly extraEffects: Effect[] = [];
  private readonly views = new Map<Instance, Record<string, unknown>>();

  constructor(
    private input: DecideInput,
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

  /** Adds the roles the instance gives the actor by name (worker/actor-roles.ts does it for a running one). */
  holdInstanceRoles(): void {
    const given = instanceRoles(this.current.data, this.input.event.actor);
    this.input = { ...this.input, roles: new Set([...this.input.roles, ...given]) };
  }

  event(): void {
    const on = eventTrigger(this.input.event);
    if (!on) return;
    if (on.startsWith('timer:') && !timerStillApplies(this.definition, this.current, this.input.event))
      return;
    const undo = undoIssueChange({
      definition: this.definition,
      state: this.current.state,
      event: this.input.event,
      roles: this.input.roles,
      updatedAt: this.current.updatedAt,
    });
    if (undo) {
      this.extraEffects.push(...undo);
      return;
    }
    this.takeFirst(this.candidates(on));
  }

  command(command: CommandLine): void {
    this.line = command;
    if (command.name === 'status') {
      // Short: the status comment is the record (with the diagram folded); the writer links it.
      const description = this.definition.states[this.current.state]?.description;
      this.answers.push({
        line: command,
        bare: true,
        linkStatusOf: this.definition.name,
        text: `This ${this.definition.name} issue is in state **${this.current.state}**${description ? `: ${description}` : '.'}`,
      });
      return;
    }
    if (command.name === 'help') {
      const { roles, anywhere, config } = this.input;
      const text = helpText(this.definition, this.current.state, roles, anywhere, config);
      this.answers.push({ line: command, bare: true, text });
      return;
    }
    if (!this.definition.transitions.some((t) => t.on === command.name)) return;
    const candidates = this.candidates(command.name);
    if (candidates.length === 0) {
      this.answers.push({
        line: command,
        text: `not possible while this issue is in state **${this.current.state}**.`,
      });
      return;
    }
    const refusal = this.takeFirst(candidates, command);
    if (refusal) this.answers.push({ line: command, text: refusal });
  }

  finish(): Decision {
    const { event } = this.input;
    const commentId = event.kind === 'comment.created' ? event.comment?.id : undefined;
    const { answers } = this;
    if (!this.changed && answers.length === 0 && this.extraEffects.length === 0)
      return { instance: this.input.instance, effects: [], answers };
    const applied = withApplied(this.current.applied, commentId);
    if (!this.changed) {
      return {
        instance: { ...this.current, applied },
        effects: this.extraEffects,
        answers,
      };
    }
    const version = this.before.version + 1;
    const enteredState = this.current.state !== this.before.state;
    const stateDef = this.definition.states[this.current.state];
    const timers = timersToStart(this.definition, this.before, this.current, this.timersToStart);
    const data = withTimerVersions(this.current, timers, version);
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
    const statusBody = this.statusBody(next);
    const note = askNote({
      before: this.before.version === 0 ? [] : this.asks(this.before),
      after: this.asks(next),
      actor: event.actor,
      version,
      ...(this.before.version === 0 ? { createdStatus: statusBody } : {}),
    });
    effects.push({
      type: 'upsertStatusComment',
      body: statusBody,
      marker: { state: next.state, version: next.version, updatedAt: next.updatedAt, inputs: next.inputs },
    });
    if (note) effects.push(note);
    effects.push(...timerEffects(timers, this.timersToStart, next, event, this.input.config));
    effects.push(...this.extraEffects);
    if (enteredState && stateDef?.close && event.issue.state === 'open') effects.push({ type: 'closeIssue' });
    return { instance: next, effects, answers };
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
    if (step.roles && !mayUse(this.input.roles, step.roles)) {
      return roleRefusal(step.roles);
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
    if (result.reply)
      this.answers.push(
        command ? { line: command, text: result.reply } : { line: this.line, text: result.reply, bare: true },
      );
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

  private stateLabel(state: string): string {
    return `${this.definition.labelScope}/${state}`;
  }

  /** The workflow's status view of `instance`, built once per instance (the text and the asks read it). */
  private view(instance: Instance): Record<string, unknown> {
    const view = this.views.get(instance) ?? this.input.workflow.statusView(instance, this.input.config);
    this.views.set(instance, view);
    return view;
  }

  /** What the state asks of whom (the status view's `asks`, src/engine/asks.ts). */
  private asks(instance: Instance): Ask[] {
    return asksOf(this.view(instance));
  }

  private statusText(instance: Instance): string {
    return this.input.render(this.definition.statusTemplate, {
      ...this.view(instance),
      state: instance.state,
    });
  }

  /** The status comment without its marker (the writer appends the signed state marker). */
  private statusBody(instance: Instance): string {
    return `${this.statusText(instance)}\n\n${foldedDiagram(this.definition, instance.state)}`;
  }
}
