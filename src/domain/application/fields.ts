import { z } from 'zod';

/**
 * Every answer of the application, in the order of the form. `specs` only exists in the plain
 * markdown template, where vCPU, RAM, storage and bandwidth share one line.
 */
export const FIELD_KEYS = [
  'handle',
  'email',
  'chatHandle',
  'wallet',
  'chain',
  'timezone',
  'provider',
  'location',
  'specs',
  'vcpu',
  'ramGb',
  'diskGb',
  'bandwidth',
  'os',
  'staticIp',
  'nodes',
  'experienceText',
  'hoursPerWeek',
  'uptime',
  'exitNotice',
  'sovereignty',
  'giteaUsername',
  'priorWork',
  'referredBy',
  'improvementPlan',
  'signature',
  'signedOn',
] as const;

export const fieldKeySchema = z.enum(FIELD_KEYS);
export type FieldKey = z.infer<typeof fieldKeySchema>;

export const EXPERIENCE_KEYS = ['linux', 'git', 'docker', 'aiAgents', 'vpsFleet'] as const;
export const experienceKeySchema = z.enum(EXPERIENCE_KEYS);
export type ExperienceKey = z.infer<typeof experienceKeySchema>;

/** The labels of the issue form: what the applicant sees, so problems are named with them. */
export const FIELD_LABELS: Readonly<Record<FieldKey, string>> = {
  handle: 'Name / Handle',
  email: 'Contact Email',
  chatHandle: 'Telegram/Discord Handle',
  wallet: 'Wallet Address (USDC/USDT)',
  chain: 'Wallet Chain',
  timezone: 'Timezone',
  provider: 'VPS Provider',
  location: 'Server Location',
  specs: 'Specs',
  vcpu: 'vCPU',
  ramGb: 'RAM',
  diskGb: 'Storage',
  bandwidth: 'Bandwidth',
  os: 'OS',
  staticIp: 'Static IP',
  nodes: 'Number of Nodes',
  experienceText: 'Relevant Experience (describe)',
  hoursPerWeek: 'Hours per week available',
  uptime: 'Can maintain 99.5% uptime?',
  exitNotice: 'Agree to 30-day notice for exit?',
  sovereignty: 'Agree to sovereign AI principles (no data exfiltration)?',
  giteaUsername: 'Gitea Username',
  priorWork: 'Prior work with Timmy Foundation',
  referredBy: 'Referred by',
  improvementPlan: 'Improvement plan (re-applications only)',
  signature: 'Signature (type your name)',
  signedOn: 'Date',
};

export const EXPERIENCE_SECTION_LABEL = 'Experience';

/** The checkbox options, worded as in the program's markdown template. */
export const EXPERIENCE_LABELS: Readonly<Record<ExperienceKey, string>> = {
  linux: 'Linux system administration (2+ years)',
  git: 'Git / GitHub / Gitea usage',
  docker: 'Docker / container orchestration',
  aiAgents: 'AI agent frameworks (Hermes, OpenAI, etc.)',
  vpsFleet: 'Prior VPS fleet management',
};

/** Problems about the application as a whole (duplicates, re-application) carry this name. */
export const APPLICATION_LABEL = 'Application';
