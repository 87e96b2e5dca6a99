import type {
  Application,
  ApplicationContext,
  ApplicationRules,
} from '../../../../../src/domain/application/index.js';
import type { ApplicationAnswers } from './render.js';

/** The program config's defaults for Phase 1. */
export const DEFAULT_RULES: ApplicationRules = {
  minHardware: { vcpu: 2, ramGb: 4, diskGb: 50 },
  maxNodes: 10,
  reapplyAfterMonths: 6,
};

export const NOW = new Date('2026-11-21T10:00:00Z');

export const FRESH_APPLICANT: ApplicationContext = { now: NOW, otherOpenApplications: [] };

/** A complete, valid application: the answers behind `complete-form.md` and `complete-seed.md`. */
export const ADA: ApplicationAnswers = {
  handle: 'Ada Lovelace (ada)',
  email: 'ada@example.org',
  chatHandle: '@ada_ops on Telegram',
  wallet: '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed',
  chain: 'base',
  timezone: 'Europe/Berlin (UTC+1)',
  provider: 'Hetzner',
  location: 'Falkenstein (fsn1)',
  vcpu: '4',
  ram: '8 GB',
  storage: '160 GB',
  bandwidth: '20 TB/month',
  os: 'Ubuntu 22.04 LTS',
  staticIp: 'Yes',
  nodes: '3',
  experience: ['linux', 'git', 'docker', 'aiAgents'],
  experienceText:
    'Six years running Debian and Ubuntu fleets for a hosting co-op.\nI maintain Hermes agents on three VPS nodes at home.',
  hoursPerWeek: '20',
  uptime: 'Yes',
  exitNotice: 'Yes',
  sovereignty: 'Yes',
  giteaUsername: '@ada',
  priorWork: 'Fixed the dispatch retry bug in #412 and reviewed #430.',
  referredBy: '@grace',
  improvementPlan: '',
  signature: 'Ada Lovelace',
  date: '2026-11-20',
};

export const ADA_APPLICATION: Application = {
  handle: 'Ada Lovelace (ada)',
  email: 'ada@example.org',
  chatHandle: '@ada_ops on Telegram',
  wallet: '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed',
  chain: 'base',
  timezone: 'Europe/Berlin (UTC+1)',
  provider: 'Hetzner',
  location: 'Falkenstein (fsn1)',
  vcpu: 4,
  ramGb: 8,
  diskGb: 160,
  bandwidth: '20 TB/month',
  os: 'Ubuntu 22.04 LTS',
  staticIp: true,
  nodes: 3,
  experience: { linux: true, git: true, docker: true, aiAgents: true, vpsFleet: false },
  experienceText:
    'Six years running Debian and Ubuntu fleets for a hosting co-op.\nI maintain Hermes agents on three VPS nodes at home.',
  hoursPerWeek: 20,
  commitments: { uptime: true, exitNotice: true, sovereignty: true },
  giteaUsername: 'ada',
  priorWork: 'Fixed the dispatch retry bug in #412 and reviewed #430.',
  referredBy: 'grace',
  signature: 'Ada Lovelace',
  signedOn: '2026-11-20',
};

/** What `messy-seed.md` (CRLF, odd spacing, comments, loose units) must read as. */
export const GRACE_APPLICATION: Application = {
  handle: 'grace_h',
  email: 'grace@example.com',
  chatHandle: '@grace_h (Discord)',
  wallet: 'TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t',
  chain: 'tron',
  timezone: 'UTC-5',
  provider: 'Vultr',
  location: 'New Jersey',
  vcpu: 2,
  ramGb: 4,
  diskGb: 80,
  bandwidth: '1TB',
  os: 'debian 12',
  staticIp: true,
  nodes: 2,
  experience: { linux: true, git: false, docker: true, aiAgents: false, vpsFleet: true },
  experienceText: 'Ten years running Debian fleets for a regional ISP.',
  hoursPerWeek: 15,
  commitments: { uptime: true, exitNotice: true, sovereignty: true },
  giteaUsername: 'grace_h',
  priorWork: 'none yet',
  signature: 'Grace Hopper',
  signedOn: '2026-11-20',
};

/** What `legacy-form.md` (older Gitea: fenced textareas, dropdowns as checkboxes) must read as. */
export const LEGACY_APPLICATION: Application = {
  ...ADA_APPLICATION,
  ramGb: 8,
  wallet: 'EPjFWdd5AufqSSqeM2qN1xzybapC8G4wEGGkZwyTDt1v',
  chain: 'solana',
  referredBy: undefined,
};
