import { z } from 'zod';
import { applicationSchema, problemSchema } from '../../domain/application/index.js';
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
});

export type OnboardingData = z.output<typeof onboardingDataSchema>;

/** Parsed per data object: one event reads the same instance's data in its guards, actions, asks and view. */
const parsed = new WeakMap<object, OnboardingData>();

export const onboardingData = (instance: Instance): OnboardingData => {
  let data = parsed.get(instance.data);
  if (!data) {
    data = onboardingDataSchema.parse(instance.data);
    parsed.set(instance.data, data);
  }
  return data;
};
