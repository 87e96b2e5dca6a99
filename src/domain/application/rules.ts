import { z } from 'zod';

/** The Phase 1 numbers of the program config (`onboarding.*`), passed in by the caller. */
const applicationRulesSchema = z.object({
  minHardware: z.object({
    vcpu: z.number().positive(),
    ramGb: z.number().positive(),
    diskGb: z.number().positive(),
  }),
  maxNodes: z.number().int().min(1),
  reapplyAfterMonths: z.number().int().min(0),
});

export type ApplicationRules = z.infer<typeof applicationRulesSchema>;

/** What the bot knows about the applicant beyond the issue body. */
const applicationContextSchema = z.object({
  now: z.date(),
  /** Issue numbers of the same applicant's other open applications. */
  otherOpenApplications: z.array(z.number().int()),
  lastTerminatedAt: z.date().optional(),
});

export type ApplicationContext = z.infer<typeof applicationContextSchema>;
