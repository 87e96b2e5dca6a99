import { z } from 'zod';

const name = z
  .string()
  .regex(/^[a-z][a-zA-Z0-9-]*$/, 'use letters, digits and dashes, starting with a lower-case letter');

/** Issue events a transition may be triggered by; any other `on` is a command (or `auto`, `timer:…`). */
export const ISSUE_EVENTS = ['opened', 'edited', 'labeled', 'assigned', 'closed', 'reopened'] as const;

export const ROLES = [
  'anyone',
  'maintainer',
  'author',
  'assignee',
  'operator',
  'mentor',
  'peer',
  'responsible',
] as const;

const transitionSchema = z.strictObject({
  /**
   * A command (`approve` for `/approve`), an issue event (`opened`, `edited`, `labeled`, `closed`,
   * `reopened`), `timer:<name>`, or `auto` (taken as soon as its guard holds after any change).
   */
  on: z.string().min(1),
  from: z.array(name).min(1),
  to: name.optional(),
  roles: z.array(z.enum(ROLES)).optional(),
  guard: name.optional(),
  action: name.optional(),
  /** For `/help`: an example use and what it does. */
  help: z.string().optional(),
});

const timerSchema = z
  .strictObject({
    /** Config path of the duration, e.g. `onboarding.shadowPeriod`; an action may give the due time instead. */
    after: z.string().min(1).optional(),
    /** The states the timer belongs to; it does nothing once the instance has left them. */
    in: z.union([name.transform((state) => [state]), z.array(name).min(1)]),
    /** `enter`: started when the instance enters one of `in`; `action`: started by an action. */
    start: z.enum(['enter', 'action']).default('enter'),
  })
  .refine((timer) => timer.start === 'action' || timer.after !== undefined, {
    message: 'a timer started on entering a state needs `after`',
  });

const stateSchema = z.strictObject({
  description: z.string(),
  final: z.boolean().default(false),
  /** Close the issue on entering this state. */
  close: z.boolean().default(false),
});

export const workflowDefinitionSchema = z
  .strictObject({
    name,
    description: z.string().default(''),
    trigger: z.string().min(1),
    labelScope: z.string().min(1),
    statusTemplate: z.string().min(1),
    initial: z.array(z.strictObject({ to: name, guard: name.optional(), action: name.optional() })).min(1),
    states: z.record(name, stateSchema),
    transitions: z.array(transitionSchema).default([]),
    timers: z.record(name, timerSchema).default({}),
  })
  .superRefine((definition, ctx) => {
    const states = new Set(Object.keys(definition.states));
    const check = (state: string | undefined, path: (string | number)[]) => {
      if (state !== undefined && !states.has(state)) {
        ctx.addIssue({ code: 'custom', path, message: `unknown state "${state}"` });
      }
    };
    definition.initial.forEach((initial, i) => {
      check(initial.to, ['initial', i, 'to']);
    });
    definition.transitions.forEach((transition, i) => {
      transition.from.forEach((from, j) => {
        check(from, ['transitions', i, 'from', j]);
      });
      check(transition.to, ['transitions', i, 'to']);
      const timer = /^timer:(.+)$/.exec(transition.on)?.[1];
      if (timer && !(timer in definition.timers)) {
        ctx.addIssue({ code: 'custom', path: ['transitions', i, 'on'], message: `unknown timer "${timer}"` });
      }
    });
    for (const [timerName, timer] of Object.entries(definition.timers)) {
      timer.in.forEach((state, i) => {
        check(state, ['timers', timerName, 'in', i]);
      });
    }
  });

export type WorkflowDefinition = z.output<typeof workflowDefinitionSchema>;
export type Transition = WorkflowDefinition['transitions'][number];
export type Role = (typeof ROLES)[number];
