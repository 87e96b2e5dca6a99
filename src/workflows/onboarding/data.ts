import { z } from 'zod';
import { type Application, applicationSchema, problemSchema } from '../../domain/application/index.js';
import { settersSchema } from '../../domain/commands/written-order.js';
import type { Instance } from '../../engine/instance.js';

const byAt = z.object({ by: z.string(), at: z.string() });

/** What onboarding remembers about one application, inside its instance. */
export const onboardingDataSchema = z.looseObject({
  applicant: z.string().default(''),
  /** When the application issue was opened (for the program report's partner share). */
  openedAt: z.string().optional(),
  application: applicationSchema.optional(),
  problems: z.array(problemSchema).default([]),
  modules: z.array(z.number().int()).default([]),
  quizScore: z.number().optional(),
  mentor: z.string().optional(),
  shadowStartedAt: z.string().optional(),
  shadowDoneAt: z.string().optional(),
  fleet: z.array(z.string()).default([]),
  tasks: z.number().int().default(0),
  signoff: byAt.optional(),
  rejection: byAt.extend({ reason: z.string() }).optional(),
  activatedAt: z.string().optional(),
  /** The comments that last set the quiz score, the fleet and the task count (src/workflows/written-last.ts). */
  setters: settersSchema,
});

export type OnboardingData = z.output<typeof onboardingDataSchema>;

/** Parsed per data object: one event reads the same instance's data in its guards, actions, asks and view. */
const parsed = new WeakMap<object, OnboardingData>();
/**
 * The application is most of the parse, and each step's data keeps the same application object:
 * it is parsed once per object (the rest of the data, each time its object is new).
 */
const parsedApplications = new WeakMap<object, Application>();
const withoutApplication = onboardingDataSchema.extend({ application: z.unknown().optional() });

function applicationOf(value: unknown): Application {
  if (typeof value !== 'object' || value === null) return applicationSchema.parse(value);
  let application = parsedApplications.get(value);
  if (!application) {
    application = applicationSchema.parse(value);
    parsedApplications.set(value, application);
  }
  return application;
}

export const onboardingData = (instance: Instance): OnboardingData => {
  let data = parsed.get(instance.data);
  if (!data) {
    const rest = withoutApplication.parse(instance.data);
    data = (
      rest.application === undefined ? rest : { ...rest, application: applicationOf(rest.application) }
    ) as OnboardingData;
    parsed.set(instance.data, data);
  }
  return data;
};
