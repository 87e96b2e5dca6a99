import { inert } from '../text/inert.js';
import { CHAINS } from '../wallets/chains.js';
import type { FieldKey } from './fields.js';

/** An applicant's text quoted back inert (src/domain/text/inert.ts), at most 60 characters. */
export const quote = (text: string): string => inert(text, 60).text;

/** How to answer each question, for the "missing" message. */
const ASK: Readonly<Record<FieldKey, string>> = {
  handle: 'write the name or handle you go by',
  email: 'write an email address where the Foundation can reach you',
  chatHandle: 'write your Telegram or Discord handle',
  wallet: 'write the USDC/USDT wallet address you want to be paid to',
  chain: `choose the chain your wallet is on (${CHAINS.join(', ')})`,
  timezone: 'write your timezone, e.g. UTC+2 or Europe/Berlin',
  provider: 'write your VPS provider, e.g. Hetzner',
  location: 'write the datacenter region of your nodes, e.g. Falkenstein (fsn1)',
  specs: 'write your node specs, e.g. 2 vCPU / 4 GB RAM / 80 GB SSD / 1 TB bandwidth',
  vcpu: 'write the vCPUs per node, e.g. 2',
  ramGb: 'write the RAM per node, e.g. 4 GB',
  diskGb: 'write the SSD storage per node, e.g. 80 GB',
  bandwidth: 'write the bandwidth per node, e.g. 1 TB/month',
  os: 'write the operating system of your nodes, e.g. Ubuntu 22.04 LTS',
  staticIp: 'answer Yes or No',
  nodes: 'write how many nodes you will run',
  experienceText: 'describe your background with fleet ops, sysadmin or AI agents',
  hoursPerWeek: 'write how many hours a week you can give, e.g. 20',
  uptime: 'answer Yes or No (Yes is required to join)',
  exitNotice: 'answer Yes or No (Yes is required to join)',
  sovereignty: 'answer Yes or No (Yes is required to join)',
  giteaUsername: 'write your Gitea username, e.g. @alice',
  priorWork: 'link your prior issues or PRs for the program, or write "None"',
  referredBy: "write the partner's Gitea username, e.g. @alice",
  improvementPlan: 'describe what you changed since your termination',
  signature: 'type your full name as your signature',
  signedOn: "write today's date as YYYY-MM-DD",
};

/** Records a problem with one answer; returns undefined so a reader can `return report(…)`. */
export type Report = (key: FieldKey, message: string) => undefined;

export function missingMessage(key: FieldKey, ask: string = ASK[key]): string {
  return `This answer is missing — ${ask}.`;
}

export function askFor(key: FieldKey): string {
  return ASK[key];
}
