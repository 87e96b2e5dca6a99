import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { z } from 'zod';
import type { ExperienceKey } from '../../../../../src/domain/application/index.js';
import { EXPERIENCE_KEYS, EXPERIENCE_LABELS } from '../../../../../src/domain/application/index.js';
import type { Chain } from '../../../../../src/domain/wallets/chains.js';

export const TEMPLATE_PATH = new URL(
  '../../../../../templates/issue-forms/operator-application.yaml',
  import.meta.url,
);
export const FIXTURES = new URL('../../../../fixtures/applications/', import.meta.url);

export function readFixture(name: string): string {
  return readFileSync(new URL(name, FIXTURES), 'utf8');
}

const formItemSchema = z.object({
  type: z.enum(['markdown', 'input', 'textarea', 'dropdown', 'checkboxes']),
  id: z.string().optional(),
  attributes: z.object({
    label: z.string().optional(),
    value: z.string().optional(),
    render: z.string().optional(),
    options: z.array(z.union([z.string(), z.object({ label: z.string() })])).optional(),
  }),
  validations: z.object({ required: z.boolean() }).optional(),
});

export const issueFormSchema = z.object({
  name: z.string(),
  about: z.string(),
  title: z.string(),
  labels: z.array(z.string()),
  body: z.array(formItemSchema),
});

export type IssueForm = z.infer<typeof issueFormSchema>;
export type FormItem = z.infer<typeof formItemSchema>;

export function loadIssueForm(): IssueForm {
  return issueFormSchema.parse(parse(readFileSync(TEMPLATE_PATH, 'utf8')));
}

/** What an applicant types, as text, before either format writes it down. */
export interface ApplicationAnswers {
  handle: string;
  email: string;
  chatHandle: string;
  wallet: string;
  chain: Chain | '';
  timezone: string;
  provider: string;
  location: string;
  vcpu: string;
  ram: string;
  storage: string;
  bandwidth: string;
  os: string;
  staticIp: 'Yes' | 'No' | '';
  nodes: string;
  experience: ExperienceKey[];
  experienceText: string;
  hoursPerWeek: string;
  uptime: 'Yes' | 'No' | '';
  exitNotice: 'Yes' | 'No' | '';
  sovereignty: 'Yes' | 'No' | '';
  giteaUsername: string;
  priorWork: string;
  referredBy: string;
  improvementPlan: string;
  signature: string;
  date: string;
}

/** The form's field ids and the answer each one holds. */
export function formValues(answers: ApplicationAnswers): Record<string, string | string[]> {
  return {
    handle: answers.handle,
    email: answers.email,
    chat_handle: answers.chatHandle,
    wallet: answers.wallet,
    chain: answers.chain,
    timezone: answers.timezone,
    provider: answers.provider,
    location: answers.location,
    vcpu: answers.vcpu,
    ram: answers.ram,
    storage: answers.storage,
    bandwidth: answers.bandwidth,
    os: answers.os,
    static_ip: answers.staticIp,
    nodes: answers.nodes,
    experience: answers.experience.map((key) => EXPERIENCE_LABELS[key]),
    experience_description: answers.experienceText,
    hours_per_week: answers.hoursPerWeek,
    commitment_uptime: answers.uptime,
    commitment_exit_notice: answers.exitNotice,
    commitment_sovereignty: answers.sovereignty,
    gitea_username: answers.giteaUsername,
    prior_work: answers.priorWork,
    referred_by: answers.referredBy,
    improvement_plan: answers.improvementPlan,
    signature: answers.signature,
    date: answers.date,
  };
}

function optionLabel(option: string | { label: string }): string {
  return typeof option === 'string' ? option : option.label;
}

/**
 * The issue body Gitea writes for a submitted form (modules/issue/template RenderToMarkdown):
 * per field with an id, `### label`, blank line, value, blank line; markdown items are left out.
 * `legacy` is the older renderer: no blank line after the label, every textarea fenced, and
 * dropdowns written like checkboxes.
 */
export function renderGiteaForm(
  form: IssueForm,
  values: Record<string, string | string[]>,
  { legacy = false }: { legacy?: boolean } = {},
): string {
  let out = '';
  for (const item of form.body) {
    if (item.type === 'markdown' || item.id === undefined) continue;
    out += legacy ? `### ${item.attributes.label}\n` : `### ${item.attributes.label}\n\n`;
    const given = values[item.id] ?? '';
    const chosen = Array.isArray(given) ? given : [given.trim()].filter((value) => value !== '');
    const text = Array.isArray(given) ? '' : given.trim();
    const options = (item.attributes.options ?? []).map(optionLabel);
    if (item.type === 'checkboxes' || (legacy && item.type === 'dropdown')) {
      for (const option of options) out += `- [${chosen.includes(option) ? 'x' : ' '}] ${option}\n`;
    } else if (item.type === 'dropdown') {
      const picked = options.filter((option) => chosen.includes(option));
      out += picked.length > 0 ? `${picked.join(', ')}\n` : '_No response_\n';
    } else if (legacy && item.type === 'textarea') {
      out += `\`\`\`${item.attributes.render ?? ''}\n${text}\`\`\``;
    } else if (legacy) {
      out += `${text}\n`;
    } else if (text === '') {
      out += '_No response_\n';
    } else if (item.type === 'textarea' && item.attributes.render) {
      out += `\`\`\`${item.attributes.render}\n${text}\n\`\`\`\n`;
    } else {
      out += `${text}\n`;
    }
    out += '\n';
  }
  return out;
}

/** The program's plain markdown template filled in by hand, plus the bot's extra questions. */
export function renderSeedMarkdown(answers: ApplicationAnswers): string {
  const box = (key: ExperienceKey) =>
    `- [${answers.experience.includes(key) ? 'x' : ' '}] ${EXPERIENCE_LABELS[key]}`;
  const line = (label: string, value: string) => `- **${label}**: ${value}`.trimEnd();
  return [
    '# Fleet Operator Application',
    '*Submit completed form as a new Gitea issue with label `operator-application`*',
    '',
    '## Personal Information',
    line('Name / Handle', answers.handle),
    line('Contact Email', answers.email),
    line('Telegram/Discord Handle', answers.chatHandle),
    line('Wallet Address (USDC/USDT)', answers.wallet),
    line('Chain', answers.chain),
    line('Timezone', answers.timezone),
    '',
    '## Infrastructure',
    line('VPS Provider', answers.provider),
    line('Server Location', answers.location),
    line(
      'Specs',
      `${answers.vcpu} vCPU / ${answers.ram} RAM / ${answers.storage} SSD / ${answers.bandwidth} bandwidth`,
    ),
    line('OS', answers.os),
    line('Static IP', answers.staticIp),
    line('Number of Nodes', answers.nodes),
    '',
    '## Experience',
    ...EXPERIENCE_KEYS.map(box),
    '',
    '### Relevant Experience (describe)',
    '*Briefly describe your background with fleet ops, sysadmin, or AI agents:*',
    '',
    answers.experienceText,
    '',
    '## Commitment',
    line('Hours per week available', answers.hoursPerWeek),
    `- **Can maintain 99.5% uptime?** ${answers.uptime}`.trimEnd(),
    `- **Agree to 30-day notice for exit?** ${answers.exitNotice}`.trimEnd(),
    `- **Agree to sovereign AI principles (no data exfiltration)?** ${answers.sovereignty}`.trimEnd(),
    '',
    '## References',
    `- GitHub/Gitea username: ${answers.giteaUsername}`.trimEnd(),
    `- Any prior work with Timmy Foundation? (link issues/PRs) ${answers.priorWork}`.trimEnd(),
    line('Referred by', answers.referredBy),
    '',
    ...(answers.improvementPlan === ''
      ? []
      : ['### Improvement plan (re-applications only)', '', answers.improvementPlan, '']),
    '## Acknowledgment',
    'I understand I will start at $150/month base rate, with bonuses available for performance. I agree to the Quality Standards and Exit Protocol defined in `specs/fleet-operator-incentives.md`.',
    '',
    `**Signature** (type name): ${answers.signature} **Date**: ${answers.date}`,
    '',
  ].join('\n');
}
