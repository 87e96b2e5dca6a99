import { EXPERIENCE_LABELS, type ExperienceKey, FIELD_LABELS, type FieldKey } from './fields.js';

/** What a heading or a `**Label**:` names: one answer, or the experience checkbox group. */
export type SectionKey = FieldKey | 'experience';

/**
 * Other wordings applicants (and the older templates) use for the same question, written the
 * way `normalizeLabel` leaves them. The form's own labels are added automatically.
 */
const ALIASES: Readonly<Record<SectionKey, readonly string[]>> = {
  handle: ['name', 'handle', 'full name', 'name or handle', 'operator handle'],
  email: ['email', 'e mail', 'email address', 'contact email address', 'contact'],
  chatHandle: [
    'telegram discord',
    'telegram',
    'discord',
    'telegram handle',
    'discord handle',
    'chat handle',
    'telegram or discord handle',
  ],
  wallet: ['wallet', 'wallet address', 'payout wallet', 'payout address', 'usdc usdt wallet'],
  chain: ['chain', 'wallet chain', 'wallet network', 'blockchain', 'payout chain', 'network chain'],
  timezone: ['time zone', 'tz'],
  provider: ['provider', 'hosting provider', 'vps host', 'hosting'],
  location: ['location', 'region', 'datacenter region', 'datacenter', 'data center', 'server region'],
  specs: [
    'specs',
    'server specs',
    'hardware specs',
    'specifications',
    'hardware specifications',
    'vps specs',
    'specs per node',
    'node specs',
  ],
  vcpu: ['vcpu', 'vcpus', 'cpu', 'cpus', 'vcpu count', 'cpu cores', 'cores', 'vcpu per node'],
  ramGb: ['ram', 'memory', 'ram per node'],
  diskGb: ['storage', 'disk', 'ssd', 'disk space', 'storage per node'],
  bandwidth: ['bandwidth', 'traffic', 'monthly bandwidth'],
  os: ['os', 'operating system'],
  staticIp: ['static ip', 'static ip address', 'static ips'],
  nodes: ['nodes', 'number of nodes', 'number of nodes available', 'node count', 'how many nodes'],
  experience: ['experience', 'experience checklist'],
  experienceText: [
    'relevant experience',
    'experience description',
    'describe your experience',
    'background',
    'relevant experience describe',
  ],
  hoursPerWeek: ['hours per week', 'hours week', 'hours available per week', 'weekly hours', 'hours'],
  uptime: ['99 5 uptime', 'uptime commitment', 'can you maintain 99 5 uptime', 'maintain 99 5 uptime'],
  exitNotice: [
    '30 day notice for exit',
    '30 day exit notice',
    '30 day notice',
    'exit notice',
    'agree to 30 day exit notice',
  ],
  sovereignty: ['sovereign ai principles', 'sovereign ai', 'sovereignty', 'no data exfiltration'],
  giteaUsername: ['github gitea username', 'gitea username', 'gitea', 'gitea user', 'username'],
  priorWork: [
    'any prior work with timmy foundation',
    'prior work with timmy foundation',
    'prior work',
    'prior foundation work',
  ],
  referredBy: ['referred by', 'referrer', 'referral', 'referred by partner'],
  improvementPlan: ['improvement plan'],
  signature: ['signature', 'typed signature', 'signature type name', 'signature and date'],
  signedOn: ['date', 'signature date', 'signed on', 'date signed'],
};

/** Lowercase words only: drops markdown, punctuation and `(hints)`, so wordings compare equal. */
export function normalizeLabel(label: string): string {
  return label
    .toLowerCase()
    .replace(/\([^()]*\)/g, ' ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** No question is worded longer; longer text is an answer, and is not scanned for wordings. */
const MAX_LABEL_LENGTH = 200;

const sectionByAlias = new Map<string, SectionKey>();
for (const [key, aliases] of Object.entries(ALIASES) as [SectionKey, readonly string[]][]) {
  const ownLabel = key === 'experience' ? 'experience' : FIELD_LABELS[key];
  for (const alias of [ownLabel, ...aliases]) sectionByAlias.set(normalizeLabel(alias), key);
}
// Longest first, so "relevant experience" wins over "experience".
const multiWordAliases = [...sectionByAlias.keys()]
  .filter((alias) => alias.includes(' '))
  .sort((a, b) => b.length - a.length);

/**
 * The answer a label asks for. An exact wording wins; otherwise a label that contains a known
 * multi-word wording (`Can you maintain 99.5% uptime for your fleet?`) counts too. Single
 * words are only matched exactly, or "Start date availability" would become the signing date.
 */
export function sectionKeyForLabel(label: string): SectionKey | undefined {
  if (label.length > MAX_LABEL_LENGTH) return undefined;
  const normalized = normalizeLabel(label);
  if (normalized === '') return undefined;
  const exact = sectionByAlias.get(normalized);
  if (exact) return exact;
  const padded = ` ${normalized} `;
  const contained = multiWordAliases.find((alias) => padded.includes(` ${alias} `));
  return contained === undefined ? undefined : sectionByAlias.get(contained);
}

const EXPERIENCE_PATTERNS: readonly [ExperienceKey, RegExp][] = [
  ['linux', /\blinux\b|\bsysadmin\b|system administration/],
  ['aiAgents', /\bagents?\b|\bhermes\b/],
  ['vpsFleet', /\bfleet\b|\bvps\b/],
  ['docker', /\bdocker\b|\bcontainers?\b|\bkubernetes\b/],
  ['git', /\bgit\b|\bgithub\b|\bgitea\b/],
];

/** Which experience checkbox a `- [x] …` line is, by its keywords. */
export function experienceKeyForLabel(label: string): ExperienceKey | undefined {
  const normalized = label.toLowerCase();
  const exact = (Object.entries(EXPERIENCE_LABELS) as [ExperienceKey, string][]).find(
    ([, text]) => text.toLowerCase() === normalized.trim(),
  );
  if (exact) return exact[0];
  return EXPERIENCE_PATTERNS.find(([, pattern]) => pattern.test(normalized))?.[0];
}
