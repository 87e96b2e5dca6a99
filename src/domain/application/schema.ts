import { z } from 'zod';
import { chainSchema } from '../wallets/chains.js';
import { emailSchema } from './emails.js';
import { GITEA_USERNAME_PATTERN } from './usernames.js';

const answer = z.string().trim().min(1);
const giteaUsername = z.string().regex(GITEA_USERNAME_PATTERN);

const experienceSchema = z.object({
  linux: z.boolean(),
  git: z.boolean(),
  docker: z.boolean(),
  aiAgents: z.boolean(),
  vpsFleet: z.boolean(),
});

/** Each commitment must be answered Yes for an application to be valid. */
const commitmentsSchema = z.object({
  uptime: z.literal(true),
  exitNotice: z.literal(true),
  sovereignty: z.literal(true),
});

/**
 * One validated operator application (Phase 1). The rules that depend on the program config
 * (hardware minimums, node limit) and on history (duplicates, re-application) are checked by
 * `validateApplication`; this schema holds what is true of every valid application.
 */
export const applicationSchema = z.object({
  handle: answer,
  email: emailSchema,
  chatHandle: answer,
  /** As written by the applicant; valid for `chain`. */
  wallet: answer,
  chain: chainSchema,
  timezone: answer,
  provider: answer,
  /** Datacenter region. */
  location: answer,
  /** Per node. */
  vcpu: z.number().positive(),
  /** Per node, in GB (GiB counted as GB). */
  ramGb: z.number().positive(),
  /** Per node, in GB. */
  diskGb: z.number().positive(),
  bandwidth: answer,
  os: answer,
  staticIp: z.boolean(),
  nodes: z.number().int().min(1),
  experience: experienceSchema,
  experienceText: answer,
  hoursPerWeek: z.number().positive().max(168),
  commitments: commitmentsSchema,
  /** Without the `@`. */
  giteaUsername,
  priorWork: answer,
  /** A partner's Gitea username, without the `@`. */
  referredBy: giteaUsername.optional(),
  improvementPlan: answer.optional(),
  signature: answer,
  /** `YYYY-MM-DD`. */
  signedOn: z.iso.date(),
});

export type Application = z.infer<typeof applicationSchema>;
export type Experience = z.infer<typeof experienceSchema>;
