import { z } from 'zod';

const name = z
  .string()
  .regex(/^[a-z][a-zA-Z0-9-]*$/, 'use letters, digits and dashes, starting with a lower-case letter');

const transitionSchema = z.strictObject({
  /** A command (`approve` for `/approve`) or an event: `opened`, `edited`, `labeled`, `closed`, `reopened`, `timer:<name>`. */
  on: z.string().min(1),
  from: z.array(name).min(1),
  to: name.optional(),
  roles: z
    .array(z.enum(['anyone', 'maintainer', 'author', 'assignee', 'operator', 'mentor', 'peer']))
    .optional(),
  guard: name.optional(),
  action: name.optional(),
});

const timerSchema = z.strictObject({
  /** Config path of the duration, e.g. `onboarding.shadowPeriod`. */
  after: z.string().min(1),
  in: name,
});

export const workflowDefinitionSchema = z
  .strictObject({
    name,
    description: z.string().default(''),
    trigger: z.string().min(1),
    labelScope: z.string().min(1),
    statusTemplate: z.string().min(1),
    initial: z.array(z.strictObject({ to: name, guard: name.optional(), action: name.optional() })).min(1),
    states: z.record(name, z.strictObject({ description: z.string(), final: z.boolean().default(false) })),
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
    for (const [timerName, timer] of Object.entries(definition.timers))
      check(timer.in, ['timers', timerName, 'in']);
  });

export type WorkflowDefinition = z.output<typeof workflowDefinitionSchema>;
export type Transition = WorkflowDefinition['transitions'][number];
export type Role = NonNullable<Transition['roles']>[number];
